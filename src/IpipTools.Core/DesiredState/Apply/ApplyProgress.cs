namespace IpipTools.Core.DesiredState.Apply;

/// <summary>How far an apply has come: the steps sent so far, of all the plan's steps, and the time it has taken.</summary>
public readonly record struct ApplyProgress(int StepsDone, int StepsTotal, TimeSpan Elapsed);
