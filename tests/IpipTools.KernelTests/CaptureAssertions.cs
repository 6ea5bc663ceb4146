namespace IpipTools.KernelTests;

/// <summary>What the scenarios' captures must show, read from the pcap bytes (<see cref="PcapFile"/>).</summary>
internal static class CaptureAssertions
{
    /// <summary>
    /// An underlay capture: an echo request outer <paramref name="outerSource"/> &gt;
    /// <paramref name="outerDestination"/>, protocol 4, around inner <paramref name="innerSource"/> &gt;
    /// <paramref name="innerDestination"/>, and its reply, the mirror of both layers.
    /// </summary>
    public static void AssertIpipEchoExchange(PcapFile capture, string outerSource, string outerDestination, string innerSource, string innerDestination)
    {
        var packets = capture.Ipv4Packets;
        var description = Describe(capture);
        var request = Assert.Single(packets, p => p.Inner?.IsEchoRequest == true);
        AssertLayers(request, outerSource, outerDestination, innerSource, innerDestination, description);
        var reply = Assert.Single(packets, p => p.Inner?.IsEchoReply == true);
        AssertLayers(reply, outerDestination, outerSource, innerDestination, innerSource, description);
    }

    /// <summary>
    /// A capture on a tunnel device: link-type RAW, nothing but the inner ICMP (no outer
    /// header), and an echo request <paramref name="source"/> &gt; <paramref name="destination"/>.
    /// </summary>
    public static void AssertInnerEchoOnTunnel(PcapFile capture, string source, string destination)
    {
        Assert.Equal(PcapFile.LinkTypeRaw, capture.LinkType);
        var packets = capture.Ipv4Packets;
        Assert.NotEmpty(packets);
        Assert.All(packets, p => Assert.Equal(Ipv4Packet.ProtocolIcmp, p.Protocol));
        var request = Assert.Single(packets, p => p.IsEchoRequest);
        Assert.Equal((IPAddress.Parse(source), IPAddress.Parse(destination)), (request.Source, request.Destination));
    }

    private static void AssertLayers(Ipv4Packet packet, string outerSource, string outerDestination, string innerSource, string innerDestination, string description)
    {
        Assert.True(packet.Protocol == Ipv4Packet.ProtocolIpip, $"not ipip: {packet} in {description}");
        Assert.Equal($"{outerSource} > {outerDestination}", $"{packet.Source} > {packet.Destination}");
        Assert.Equal($"{innerSource} > {innerDestination}", $"{packet.Inner!.Source} > {packet.Inner.Destination}");
    }

    private static string Describe(PcapFile capture) => string.Join("; ", capture.Ipv4Packets.Select(p => p.ToString()));
}
