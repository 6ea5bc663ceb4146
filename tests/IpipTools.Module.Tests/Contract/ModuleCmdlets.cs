using System.Management.Automation;
using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>The cmdlets of the imported module, as Get-Command lists them (read once): the theory data of the contract tests.</summary>
public static class ModuleCmdlets
{
    private static readonly Lazy<IReadOnlyDictionary<string, CmdletInfo>> Listed = new(() =>
        ModuleSession.Shared.Run("Get-Command -Module IpipTools")
            .Select(o => (CmdletInfo)o.BaseObject)
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyList<string> Names => Listed.Value.Keys.Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> All => new(Names);

    /// <summary>PowerShell's metadata for the cmdlet <paramref name="name"/>.</summary>
    public static CmdletInfo Info(string name) => Listed.Value[name];
}
