using System.Collections;
using System.Collections.Specialized;
using IpipTools.Core.DesiredState.Data;

namespace IpipTools.Topology;

/// <summary>
/// Topology data as Get-IpipTopology writes it: an ordered hashtable (keys in any letter
/// case, as PowerShell's are) that Set-IpipTopology and Test-IpipTopology take with
/// -InputObject, and that can be changed, saved or converted like any other. It is a type of
/// its own only so that its default view shows it as what it is, the text of the data file
/// that -AsText writes, rather than a Name/Value table of nested hashtables (the format file
/// tells PowerShell to show it whole instead of enumerating its entries).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "It is PowerShell's [ordered] hashtable, which PowerShell and the topology reader read through IDictionary; a generic interface would add nothing they use.")]
public sealed class ExportedTopology : OrderedDictionary
{
    public ExportedTopology(IDictionary data)
        : base(StringComparer.OrdinalIgnoreCase)
    {
        foreach (DictionaryEntry entry in data)
        {
            this[entry.Key] = entry.Value;
        }
    }

    /// <summary>The data as it stands now (changes included) as the text of a .psd1 file, as -AsText writes it.</summary>
    public string ToPowerShellData() => PowerShellDataWriter.Write(this);
}
