using System.Net;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.Rtnl.Addresses;
using Xunit;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// A saved plan writes addresses as text and IFA_PROTO as a number; it reads into typed values
/// and is written back as the same JSON, so its fingerprint stays valid.
/// </summary>
public sealed class SavedPlanAddressTests
{
    private const string AddressStep = """
        {
          "Step": "AddAddress",
          "Number": 1,
          "Action": "Add",
          "Kind": "Address",
          "Namespace": "ns1",
          "Target": "10.10.100.10 peer 10.10.200.10/32 dev tunl",
          "Reason": "missing",
          "Address": {
            "Device": "tunl",
            "Address": "10.10.100.10",
            "PrefixLength": 32,
            "Peer": "10.10.200.10",
            "Protocol": 73
          }
        }
        """;

    private static string Plan(string step) =>
        $$"""{ "FormatVersion": 2, "Namespaces": [ "ns1" ], "Fingerprint": "f", "Steps": [ {{step}} ] }""";

    [Fact]
    public void AnAddressStepSavedAsTextReadsAsTypedValues()
    {
        var address = TopologyPlan.FromJson(Plan(AddressStep)).Steps.OfType<AddAddress>().Single().Address;
        Assert.Equal(("tunl", IPAddress.Parse("10.10.100.10"), (byte)32, IPAddress.Parse("10.10.200.10"), AddressProtocol.IpipTools),
            (address.InterfaceName, address.Address, address.PrefixLength, address.Peer, address.Protocol));
    }

    [Fact]
    public void AnAddressIsWrittenBackAsPlansAlwaysWroteIt()
    {
        var written = TopologyPlan.FromJson(Plan(AddressStep)).ToJson();
        var address = System.Text.Json.JsonDocument.Parse(written).RootElement.GetProperty("Steps")[0].GetProperty("Address");
        Assert.Equal(
            """{"Device":"tunl","Address":"10.10.100.10","PrefixLength":32,"Peer":"10.10.200.10","Protocol":73}""",
            System.Text.Json.JsonSerializer.Serialize(address));
    }

    [Fact]
    public void AnAddressThatIsNotOneIsRefusedAsNoPlan()
    {
        var e = Assert.Throws<IpipTools.Core.Errors.IpipToolsException>(() => TopologyPlan.FromJson(Plan(AddressStep.Replace("\"10.10.100.10\",", "\"10.10.100.300\","))));
        Assert.Equal("InvalidPlan", e.ErrorId);
        Assert.Contains("Steps[0].Address.Address", e.Message);
    }
}
