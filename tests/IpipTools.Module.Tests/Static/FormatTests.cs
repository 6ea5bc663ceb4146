using System.Reflection;
using System.Xml.Linq;

namespace IpipTools.Module.Tests.Static;

/// <summary>IpipTools.format.ps1xml names only real types and real properties, and covers every output type.</summary>
public sealed class FormatTests
{
    private static readonly XDocument Formats = XDocument.Load(Repository.PathOf("src/IpipTools/IpipTools.format.ps1xml"));

    [Fact]
    public void EveryViewNamesARealTypeAndRealProperties()
    {
        var views = Formats.Descendants("View").ToList();
        Assert.NotEmpty(views);
        foreach (var view in views)
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            var type = ModuleAssembly.TypeNamed(typeName);
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(properties.Contains(property), $"{view.Element("Name")!.Value}: {typeName} has no property {property}");
            }

            var table = view.Element("TableControl");
            if (table is not null)
            {
                Assert.Equal(table.Descendants("TableColumnHeader").Count(), table.Descendants("TableColumnItem").Count());
            }
        }
    }

    [Fact]
    public void EveryOutputTypeHasATableView()
    {
        var withTable = Formats.Descendants("View").Where(v => v.Element("TableControl") is not null)
            .Select(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value).ToHashSet();
        var outputs = CmdletModel.All.SelectMany(c => c.OutputTypes)
            .Where(t => t.Assembly.GetName().Name!.StartsWith("IpipTools", StringComparison.Ordinal))
            .Select(t => t.FullName!).Distinct();
        foreach (var output in outputs)
        {
            Assert.True(withTable.Contains(output), $"no table view for {output}");
        }
    }
}
