namespace IpipTools.Core.Commands;

/// <summary>
/// One state change named exactly, for confirmation prompts and -WhatIf: what is
/// changed (the target, with its namespace) and what is done to it.
/// </summary>
public sealed record ChangeDescription(string Target, string Action)
{
    public override string ToString() => $"{Action} on {Target}";

    internal static string Where(Namespaces.NetNamespace target) => target.Describe();
}
