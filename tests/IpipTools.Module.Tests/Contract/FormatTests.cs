using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>The format views as PowerShell loaded them (Get-FormatData): real properties, a table for every output type, and the same views for deserialized objects.</summary>
public sealed class FormatTests
{
    [Fact]
    public void EveryViewNamesRealPropertiesOfItsType()
    {
        var problems = ModuleSession.Shared.Run("""
            $data = @(Get-FormatData -TypeName 'IpipTools.*')
            if (-not $data) { 'Get-FormatData finds no view for IpipTools types' }
            foreach ($format in $data) {
                foreach ($typeName in $format.TypeNames) {
                    # A view for what remoting returns (Deserialized.T) and for T with a view of
                    # its own (T#Role, a type name a cmdlet adds) names the properties of T.
                    $type = ($typeName -replace '^Deserialized\.' -replace '#.*$') -as [type]
                    if (-not $type) { "a view is for $typeName, which no loaded assembly defines"; continue }
                    $properties = $type.GetProperties().Name
                    foreach ($view in $format.FormatViewDefinition) {
                        $entries = switch ($view.Control) {
                            { $_ -is [System.Management.Automation.TableControl] } {
                                if ($_.Headers.Count -ne $_.Rows[0].Columns.Count) { "$($view.Name): $($_.Headers.Count) headers for $($_.Rows[0].Columns.Count) columns" }
                                $_.Rows.Columns.DisplayEntry
                            }
                            { $_ -is [System.Management.Automation.ListControl] } { $_.Entries.Items.DisplayEntry }
                        }
                        $entries | Where-Object { $_ -is [string] }
                        foreach ($entry in $entries | Where-Object { $_ -isnot [string] -and $_.ValueType -eq 'Property' }) {
                            if ($entry.Value -notin $properties) { "$($view.Name): $typeName has no property $($entry.Value)" }
                        }
                    }
                }
            }
            """).Select(p => p.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryOutputTypeOfTheModuleHasATableView()
    {
        var problems = ModuleSession.Shared.Run("""
            $types = (Get-Command -Module IpipTools).OutputType.Type | Where-Object { $_.Namespace -like 'IpipTools*' } | Sort-Object FullName -Unique
            if (-not $types) { 'no output type of the module found' }
            foreach ($type in $types) {
                $views = (Get-FormatData -TypeName $type.FullName).FormatViewDefinition
                if (-not ($views | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })) { "no table view for $($type.FullName)" }
            }
            """).Select(p => p.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ViewsOfLinksAddressesAndRoutesApplyToTheirDeserializedFormToo()
    {
        // What Invoke-NetNamespaceCommand -ScriptBlock returns comes back deserialized, with
        // type names "Deserialized.T": without a view for those it is shown property by property.
        var problems = ModuleSession.Shared.Run("""
            foreach ($typeName in 'IpipTools.Core.Rtnl.Links.Link', 'IpipTools.Core.Rtnl.Links.Link#VethEnd',
                    'IpipTools.Core.Rtnl.Addresses.InterfaceAddress', 'IpipTools.Core.Rtnl.Routes.Route') {
                $views = @((Get-FormatData -TypeName $typeName).FormatViewDefinition.Name)
                $deserialized = @((Get-FormatData -TypeName "Deserialized.$typeName").FormatViewDefinition.Name)
                if (-not $views) { "no view for $typeName" }
                if ("$($views | Sort-Object)" -ne "$($deserialized | Sort-Object)") { "Deserialized.$typeName has views '$deserialized', $typeName '$views'" }
            }
            """).Select(p => p.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
