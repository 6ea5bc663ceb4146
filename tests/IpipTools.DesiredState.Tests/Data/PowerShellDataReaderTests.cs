using IpipTools.Core.DesiredState;
using Xunit;

namespace IpipTools.DesiredState.Tests.Data;

/// <summary>The .psd1 reader: the constant subset of PowerShell, read exactly, and anything else refused with its place.</summary>
public sealed class PowerShellDataReaderTests
{
    [Fact]
    public void ReadsHashtablesArraysStringsNumbersAndConstants()
    {
        var data = PowerShellDataReader.Parse(""""
            # a comment
            @{
                Name = 'it''s'; Quoted = "tab`there ""q"""
                'Key With Space' = 1
                Hex = 0x1F
                Negative = -42
                Real = 1.5
                Yes = $TRUE; No = $false; Nothing = $null
                <# block
                   comment #>
                Commas = 'a', 'b',
                    'c'
                Nested = @( @{ X = 1 }
                            @{ X = 2 }; @{ X = 3 } )
                Empty = @()
                EmptyMap = @{}
                Here = @'
            line one
            line 'two'
            '@
            }
            """");

        var map = Assert.IsType<DataMap>(data);
        Assert.Equal("it's", Scalar(map, "name"));
        Assert.Equal("tab\there \"q\"", Scalar(map, "Quoted"));
        Assert.Equal(1L, Scalar(map, "Key With Space"));
        Assert.Equal(31L, Scalar(map, "Hex"));
        Assert.Equal(-42L, Scalar(map, "Negative"));
        Assert.Equal(1.5, Scalar(map, "Real"));
        Assert.Equal(true, Scalar(map, "Yes"));
        Assert.Equal(false, Scalar(map, "No"));
        Assert.Null(Scalar(map, "Nothing"));
        Assert.Equal(new object?[] { "a", "b", "c" }, Assert.IsType<DataList>(map.Get("Commas")).Items.Select(i => ((DataScalar)i).Value));
        Assert.Equal(3, Assert.IsType<DataList>(map.Get("Nested")).Items.Count);
        Assert.Empty(Assert.IsType<DataList>(map.Get("Empty")).Items);
        Assert.Empty(Assert.IsType<DataMap>(map.Get("EmptyMap")).Entries);
        Assert.Equal("line one\nline 'two'", Scalar(map, "Here"));
    }

    [Fact]
    public void AnArrayInsideAnArrayIsFlattenedOneLevelAsPowerShellDoes()
    {
        var list = Assert.IsType<DataList>(PowerShellDataReader.Parse("@( @(1, 2), 3 )"));
        Assert.Equal(2, list.Items.Count);
        Assert.IsType<DataList>(list.Items[0]);

        var flat = Assert.IsType<DataList>(PowerShellDataReader.Parse("@( @(1, 2) )"));
        Assert.Equal(new object?[] { 1L, 2L }, flat.Items.Select(i => ((DataScalar)i).Value));
    }

    [Fact]
    public void ValuesKnowTheirLineAndColumn()
    {
        var map = (DataMap)PowerShellDataReader.Parse("@{\n  A = 1\n  B = @(\n    'x'\n  )\n}", "f.psd1");
        Assert.Equal((2, 7), (map.Get("A")!.Location.Line, map.Get("A")!.Location.Column));
        var item = ((DataList)map.Get("B")!).Items[0];
        Assert.Equal((4, 5), (item.Location.Line, item.Location.Column));
        Assert.Equal("f.psd1", item.Location.Source);
    }

    [Theory]
    [InlineData("@{ A = $env:HOME }", 1, 8, "variable")]
    [InlineData("@{ A = $x }", 1, 8, "variable $x is not allowed")]
    [InlineData("@{ A = 'x\ny'\n B = $x }", 3, 6, "variable $x is not allowed")]
    [InlineData("@{\n  A = \"$(Get-Process)\"\n}", 2, 8, "subexpression")]
    [InlineData("@{\n  A = \"${x}\"\n}", 2, 8, "expand a variable")]
    [InlineData("@{ A = Get-Process }", 1, 8, "bare word")]
    [InlineData("@{ A = (1 + 2) }", 1, 8, "parentheses")]
    [InlineData("@{ A = [int]'5' }", 1, 8, "type cast")]
    [InlineData("@{ A = & 'calc' }", 1, 8, "unexpected '&'")]
    [InlineData("@{ A = 1 + 2 }", 1, 10, "expected a new line")]
    [InlineData("@{ A = 'open }", 1, 8, "never closed")]
    [InlineData("@{ A = 1", 1, 1, "hashtable is never closed")]
    [InlineData("@{ A = 1\n a = 2 }", 2, 2, "appears twice")]
    [InlineData("@{ A = 10KB }", 1, 8, "not a plain number")]
    [InlineData("@{ A = 1 } @{ B = 2 }", 1, 12, "after the end of the data")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("@{ A = @( 1\n 2 ; ) ; B = <# open", 2, 14, "block comment is never closed")]
    public void RefusesWhatADataFileMayNotContainNamingThePlace(string text, int line, int column, string expected)
    {
        var e = Assert.Throws<TopologyFormatException>(() => PowerShellDataReader.Parse(text, "bad.psd1"));
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((line, column), (e.Location.Line, e.Location.Column));
        Assert.StartsWith($"bad.psd1 line {line}, column {column}", e.Message);
        Assert.Equal("TopologyFormatError", e.ErrorId);
    }

    [Fact]
    public void AnEscapedDollarIsJustADollar()
    {
        var map = (DataMap)PowerShellDataReader.Parse("@{ A = \"cost: `$5 and $ alone\" }");
        Assert.Equal("cost: $5 and $ alone", Scalar(map, "A"));
    }

    [Fact]
    public void WriterOutputReadsBackToTheSameData()
    {
        var data = new System.Collections.Specialized.OrderedDictionary
        {
            ["Name"] = "it's",
            ["Count"] = 3L,
            ["On"] = true,
            ["Off"] = false,
            ["None"] = null,
            ["List"] = new List<object?> { "a", 2L, new System.Collections.Specialized.OrderedDictionary { ["X"] = "y" } },
            ["Empty"] = new List<object?>(),
            ["two words"] = "k",
        };

        var text = PowerShellDataWriter.Write(data);
        var read = (DataMap)PowerShellDataReader.Parse(text);

        Assert.Equal("it's", Scalar(read, "Name"));
        Assert.Equal(3L, Scalar(read, "Count"));
        Assert.Equal(true, Scalar(read, "On"));
        Assert.Equal(false, Scalar(read, "Off"));
        Assert.Null(Scalar(read, "None"));
        Assert.Equal("k", Scalar(read, "two words"));
        var list = (DataList)read.Get("List")!;
        Assert.Equal("y", Scalar((DataMap)list.Items[2], "X"));
        Assert.Empty(((DataList)read.Get("Empty")!).Items);
    }

    private static object? Scalar(DataMap map, string key) => Assert.IsType<DataScalar>(map.Get(key)).Value;
}
