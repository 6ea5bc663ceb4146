using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>The cmdlets of the imported module, as Get-Command lists them: the theory data of the contract tests.</summary>
public static class ModuleCmdlets
{
    private static readonly Lazy<IReadOnlyList<string>> Listed = new(() =>
        ModuleSession.Shared.Run("(Get-Command -Module IpipTools).Name").Select(o => o.ToString()).Order(StringComparer.Ordinal).ToList());

    public static IReadOnlyList<string> Names => Listed.Value;

    public static TheoryData<string> All => new(Names);
}
