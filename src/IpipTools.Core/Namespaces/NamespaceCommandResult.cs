namespace IpipTools.Core.Namespaces;

/// <summary>What a native program run in a namespace did: its exit code and its output lines.</summary>
public sealed record NamespaceCommandResult(
    string CommandLine,
    string? Namespace,
    int ExitCode,
    IReadOnlyList<string> StandardOutput,
    IReadOnlyList<string> StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
