using IpipTools.Core.Xfrm;

namespace IpipTools.KernelTests;

/// <summary>
/// IPsec states and policies through IpipTools' NETLINK_XFRM client, against the guest
/// kernel (xfrm_user, esp4, authenc and the AES-GCM and cbc(aes) modules), with the text of
/// <c>ip xfrm state</c> and <c>ip xfrm policy</c> as the oracle (ip has no JSON for xfrm).
/// </summary>
public sealed class XfrmRoundTripTests
{
    private static readonly IPAddress Left = IPAddress.Parse("10.10.10.2");
    private static readonly IPAddress Right = IPAddress.Parse("10.10.20.2");
    private static readonly byte[] HmacKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static string IpXfrm(TestNamespace ns, params string[] arguments) =>
        Command.Ip(ns.Name, new[] { "xfrm" }.Concat(arguments).ToArray()).EnsureSuccess("ip xfrm " + string.Join(' ', arguments)).Output;

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexString(bytes).ToLowerInvariant();

    [Fact]
    public void XfrmStateWithNullCipherIsCreatedReadChangedAndDeleted()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xfrm");
        using var xfrm = XfrmClient.Open(ns.Namespace);
        var spec = new XfrmState(Left, Right, 0x1001)
        {
            Mode = XfrmMode.Tunnel,
            ReqId = 4,
            Mark = 7,
            MarkMask = uint.MaxValue,
            EncryptionAlgorithm = XfrmAlgorithmNames.Null,
            AuthenticationAlgorithm = XfrmAlgorithmNames.HmacSha256,
            TruncationLength = 128,
        };

        using (var keys = new XfrmStateKeys { Authentication = new XfrmKey(HmacKey) })
        {
            var made = xfrm.States.Add(spec, keys);
            Assert.Equal(spec with { Namespace = ns.Name, Selector = made.Selector }, made);
        }

        var text = IpXfrm(ns, "state");
        Assert.Contains("src 10.10.10.2 dst 10.10.20.2", text);
        Assert.Contains("proto esp spi 0x00001001 reqid 4 mode tunnel", text);
        Assert.Contains("mark 0x7/0xffffffff", text);
        Assert.Contains($"auth-trunc hmac(sha256) {Hex(HmacKey)} 128", text);
        Assert.Contains("enc ecb(cipher_null)", text);

        var listed = Assert.Single(xfrm.States.List());
        Assert.Equal(0x1001u, listed.Spi);
        Assert.Equal("hmac(sha256)", listed.AuthenticationAlgorithm);
        Assert.Null(xfrm.States.Get(spec with { Mark = 8 }));

        var changed = xfrm.States.SetLifetime(listed, listed.Lifetime with { SoftLifetime = TimeSpan.FromSeconds(1800), HardLifetime = TimeSpan.FromSeconds(3600), HardByteLimit = 1_000_000 });
        Assert.Equal(TimeSpan.FromSeconds(3600), changed.Lifetime.HardLifetime);
        Assert.Equal(1_000_000ul, changed.Lifetime.HardByteLimit);
        Assert.Contains("expire add: soft 1800(sec), hard 3600(sec)", IpXfrmStatistics(ns));
        Assert.Contains("hard 1000000(bytes)", IpXfrmStatistics(ns));
        Assert.Contains($"auth-trunc hmac(sha256) {Hex(HmacKey)} 128", IpXfrm(ns, "state"));

        xfrm.States.Remove(listed);
        Assert.Equal(string.Empty, IpXfrm(ns, "state").Trim());
        var missing = Assert.Throws<NetlinkException>(() => xfrm.States.Remove(listed));
        Assert.Equal("XfrmStateNotFound", missing.ErrorId);
    }

    /// <summary><c>ip -s xfrm state</c>: the lifetimes are printed only with statistics.</summary>
    private static string IpXfrmStatistics(TestNamespace ns) =>
        Command.Ip(ns.Name, "-s", "xfrm", "state").EnsureSuccess("ip -s xfrm state").Output;

    [Fact]
    public void XfrmStateWithAesGcmCarriesItsIcvLength()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xfrm");
        using var xfrm = XfrmClient.Open(ns.Namespace);
        var key = Enumerable.Range(0xa0, 20).Select(i => (byte)i).ToArray();
        using (var keys = new XfrmStateKeys { Aead = new XfrmKey(key) })
        {
            var made = xfrm.States.Add(new XfrmState(Left, Right, 0x2001) { AeadAlgorithm = XfrmAlgorithmNames.AesGcm, IcvLength = 96 }, keys);
            Assert.Equal("rfc4106(gcm(aes))", made.AeadAlgorithm);
            Assert.Equal(96, made.IcvLength);
            Assert.Equal(XfrmMode.Transport, made.Mode);
        }

        Assert.Contains($"aead rfc4106(gcm(aes)) {Hex(key)} 96", IpXfrm(ns, "state"));
        Assert.Contains("mode transport", IpXfrm(ns, "state"));
    }

    [Fact]
    public void XfrmStateWithCbcAesAndHmacSha256()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xfrm");
        using var xfrm = XfrmClient.Open(ns.Namespace);
        var aesKey = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray();
        using var keys = new XfrmStateKeys { Encryption = new XfrmKey(aesKey), Authentication = new XfrmKey(HmacKey) };
        var spec = new XfrmState(Right, Left, 0x3001) { EncryptionAlgorithm = XfrmAlgorithmNames.AesCbc, AuthenticationAlgorithm = XfrmAlgorithmNames.HmacSha256, TruncationLength = 128, InterfaceId = 5 };
        var made = xfrm.States.Add(spec, keys);
        Assert.Equal(5u, made.InterfaceId);

        var text = IpXfrm(ns, "state");
        Assert.Contains($"enc cbc(aes) {Hex(aesKey)}", text);
        Assert.Contains($"auth-trunc hmac(sha256) {Hex(HmacKey)} 128", text);
        Assert.Contains("if_id 0x5", text);

        var again = Assert.Throws<NetlinkException>(() => xfrm.States.Add(spec, keys));
        Assert.Equal("XfrmStateExists", again.ErrorId);
        Assert.DoesNotContain(Convert.ToHexString(aesKey), again.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void XfrmStateWithAKeyOfTheWrongLengthIsRefusedWithoutShowingIt()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xfrm");
        using var xfrm = XfrmClient.Open(ns.Namespace);
        var shortKey = Enumerable.Range(0x60, 7).Select(i => (byte)i).ToArray();
        using var keys = new XfrmStateKeys { Aead = new XfrmKey(shortKey) };
        var error = Assert.Throws<NetlinkException>(() => xfrm.States.Add(new XfrmState(Left, Right, 0x4001) { AeadAlgorithm = XfrmAlgorithmNames.AesGcm, IcvLength = 128 }, keys));
        Assert.Equal("XfrmStateRejected", error.ErrorId);
        Assert.DoesNotContain(Convert.ToHexString(shortKey), error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, IpXfrm(ns, "state").Trim());
    }

    [Fact]
    public void XfrmPolicyIsCreatedReadChangedAndDeleted()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xfrm");
        using var xfrm = XfrmClient.Open(ns.Namespace);
        var spec = new XfrmPolicy(XfrmDirection.Out)
        {
            Mark = 7,
            MarkMask = uint.MaxValue,
            Templates = new[] { new XfrmTemplate { Source = Left, Destination = Right, Mode = XfrmMode.Tunnel, ReqId = 4 } },
        };
        var made = xfrm.Policies.Add(spec);
        Assert.NotEqual(0u, made.Index);
        Assert.Equal(spec.Templates, made.Templates);

        var text = IpXfrm(ns, "policy");
        Assert.Contains("dir out priority 0", text);
        Assert.Contains("mark 0x7/0xffffffff", text);
        Assert.Contains("tmpl src 10.10.10.2 dst 10.10.20.2", text);
        Assert.Contains("proto esp reqid 4 mode tunnel", text);

        var changed = xfrm.Policies.Update(made with { Priority = 9, Templates = new[] { made.Templates[0] with { Destination = IPAddress.Parse("10.10.30.2") } } });
        Assert.Equal(made.Index, changed.Index);
        text = IpXfrm(ns, "policy");
        Assert.Contains("dir out priority 9", text);
        Assert.Contains("tmpl src 10.10.10.2 dst 10.10.30.2", text);
        Assert.Single(xfrm.Policies.List());

        var tcp = xfrm.Policies.Add(new XfrmPolicy(XfrmDirection.Forward)
        {
            Source = IPNetwork.Parse("10.1.0.0/16"),
            Destination = IPNetwork.Parse("10.2.0.0/24"),
            Protocol = XfrmUpperProtocol.Tcp,
            DestinationPort = 443,
            Action = XfrmPolicyAction.Block,
        });
        Assert.Contains("src 10.1.0.0/16 dst 10.2.0.0/24 proto tcp dport 443", IpXfrm(ns, "policy"));
        Assert.Contains("dir fwd action block", IpXfrm(ns, "policy"));

        xfrm.Policies.Remove(changed);
        xfrm.Policies.Remove(tcp with { Index = 0 });
        Assert.Equal(string.Empty, IpXfrm(ns, "policy").Trim());
        var missing = Assert.Throws<NetlinkException>(() => xfrm.Policies.Remove(changed));
        Assert.Equal("XfrmPolicyNotFound", missing.ErrorId);
    }

    [Fact]
    public void XfrmObjectsStayInTheirNamespace()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xfrm");
        using var other = new TestNamespace("xfrm");
        using var xfrm = XfrmClient.Open(ns.Namespace);
        using var otherXfrm = XfrmClient.Open(other.Namespace);
        xfrm.Policies.Add(new XfrmPolicy(XfrmDirection.In) { Mark = 3, MarkMask = uint.MaxValue });
        Assert.Single(xfrm.Policies.List());
        Assert.Empty(otherXfrm.Policies.List());
        Assert.Equal(string.Empty, IpXfrm(other, "policy").Trim());
    }
}
