namespace IpipTools.KernelTests;

/// <summary>
/// The drivers emit IFLA_INFO_DATA in the order the kernel's fill_info functions report
/// it (ipip_fill_info, ipgre_fill_info, ipip6_fill_info): decoding what the kernel sent
/// and encoding it again must give back the kernel's bytes exactly. This pins the byte
/// order, the widths and the byte order within each attribute, for every kind.
/// </summary>
public sealed class KernelAttributeOrderTests
{
    /// <summary>The iproute2 command that makes link "subject" (an underlay "under" exists); not "t", which iproute2 takes for "txqueuelen", or a fallback device's name.</summary>
    [Theory]
    [InlineData("tunnel add subject mode ipip remote 10.0.0.2 local 10.0.0.1 ttl 64 tos 0x10 dev under")]
    [InlineData("link add subject type ipip remote 10.0.0.3 mode any fwmark 0x42 encap fou encap-sport 4000 encap-dport 5555")]
    [InlineData("link add subject type ipip external")]
    [InlineData("link add subject type gre remote 10.0.0.2 local 10.0.0.1 ikey 42 okey 43 icsum oseq ttl 10 tos 0x20 dev under")]
    [InlineData("link add subject type gre local 10.0.0.1 nopmtudisc ignore-df fwmark 7")]
    [InlineData("link add subject type sit remote 10.0.0.2 local 10.0.0.1 ttl 20 mode ip6ip")]
    [InlineData("link add subject type sit local 10.0.0.1 isatap")]
    [InlineData("link add subject type sit local 10.0.0.1 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8")]
    [InlineData("tunl0")]
    [InlineData("gre0")]
    public void ReencodingWhatTheKernelReportsGivesItsBytesBack(string command)
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("order");
        using var client = ns.Connect();
        var name = command.Contains(' ') ? "subject" : command;
        if (name == "subject")
        {
            TestNamespace.AddVethPair(client, "under", "underp", peerUp: false);
            ns.Ip(command.Split(' ')).EnsureSuccess(command);
        }

        var message = client.Links.FindMessage(name)!;
        var kernel = new MessageWriter();
        message.InfoData!.WriteTo(kernel);
        var parameters = LinkKindRegistry.Read(message.Kind, message.InfoData)!;
        var ours = new MessageWriter();
        using (var context = new LinkEncodingContext())
        {
            LinkKindRegistry.For(parameters).WriteInfoData(ours, parameters, context);
        }

        Assert.IsNotType<UnknownKindParameters>(parameters);
        Assert.Equal(Convert.ToHexString(kernel.WrittenSpan), Convert.ToHexString(ours.WrittenSpan));
    }
}
