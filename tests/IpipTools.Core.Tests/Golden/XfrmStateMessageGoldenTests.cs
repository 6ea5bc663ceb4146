using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Xfrm;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// The state messages written out by hand from linux/xfrm.h: struct xfrm_usersa_info (224
/// bytes on x86_64 and arm64: xfrm_selector 56, xfrm_id 24, saddr 16, then the lifetimes at
/// offset 96, 8-aligned, and padding after flags to a multiple of 8), xfrm_algo (a 64-byte
/// name, the key length in bits, the key), xfrm_algo_auth and xfrm_algo_aead (with the
/// truncation or ICV length before the key), xfrm_mark, and struct xfrm_usersa_id (24 bytes).
/// </summary>
public sealed class XfrmStateMessageGoldenTests
{
    private static readonly byte[] AuthenticationKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    /// <summary>The vti tests' state: 10.10.10.2 to 10.10.20.2, SPI 0x1001, tunnel, mark 7, null cipher, hmac(sha256) truncated to 128 bits.</summary>
    private static readonly XfrmState VtiState = new(IPAddress.Parse("10.10.10.2"), IPAddress.Parse("10.10.20.2"), 0x1001)
    {
        Mode = XfrmMode.Tunnel,
        Mark = 7,
        MarkMask = uint.MaxValue,
        EncryptionAlgorithm = "ecb(cipher_null)",
        AuthenticationAlgorithm = "hmac(sha256)",
        TruncationLength = 128,
    };

    /// <summary>xfrm_usersa_info of <see cref="VtiState"/>, with the mode, reqid and replay window given.</summary>
    private static byte[] UsersaInfo(byte mode = 1, uint reqId = 0, byte replayWindow = 0) => Concat(
        new byte[56],                                            // sel: all zero, family 0 (the kernel gives it the state's)
        Hex.Parse("0a 0a 14 02"), new byte[12],                  // id.daddr 10.10.20.2
        Hex.Parse("""
            00 00 10 01                                          # id.spi 0x1001, network order
            32 00 00 00                                          # id.proto IPPROTO_ESP (50), 3 bytes padding
            """),
        Hex.Parse("0a 0a 0a 02"), new byte[12],                  // saddr 10.10.10.2
        Repeat(0xff, 32),                                        // lft: soft/hard byte and packet limits XFRM_INF
        new byte[32],                                            // lft: add and use expiry times 0 (never)
        new byte[32],                                            // curlft
        new byte[12],                                            // stats
        new byte[4],                                             // seq
        BitConverter.GetBytes(reqId),                            // reqid
        Hex.Parse($"02 00 {mode:x2} {replayWindow:x2}"),         // family AF_INET, mode, replay_window
        new byte[8]);                                            // flags 0, padding to 224

    /// <summary>XFRMA_ALG_CRYPT of the null cipher: xfrm_algo with no key.</summary>
    private static byte[] NullCipher() => Concat(
        Hex.Parse("""
            48 00 02 00                                          # XFRMA_ALG_CRYPT (2), nla_len 72 = 4 + xfrm_algo 68
            65 63 62 28 63 69 70 68 65 72 5f 6e 75 6c 6c 29      # "ecb(cipher_null)"
            """),
        new byte[48],                                            // the rest of the 64-byte name
        Hex.Parse("00 00 00 00"));                               // alg_key_len 0 bits: no key

    /// <summary>XFRMA_ALG_AUTH_TRUNC of hmac(sha256), truncated to 128 bits, with its key.</summary>
    private static byte[] TruncatedHmac() => Concat(
        Hex.Parse("""
            6c 00 14 00                                          # XFRMA_ALG_AUTH_TRUNC (20), nla_len 108 = 4 + 72 + 32
            68 6d 61 63 28 73 68 61 32 35 36 29                  # "hmac(sha256)"
            """),
        new byte[52],
        Hex.Parse("""
            00 01 00 00                                          # alg_key_len 256 bits
            80 00 00 00                                          # alg_trunc_len 128 bits
            """),
        AuthenticationKey);

    private static byte[] Mark7() => Hex.Parse("""
        0c 00 15 00                                              # XFRMA_MARK (21), nla_len 12
        07 00 00 00  ff ff ff ff                                 # v 7, m 0xffffffff
        """);

    [Fact]
    public void UsersaInfoIs224BytesWithEveryFieldInItsPlace()
    {
        Span<byte> info = stackalloc byte[XfrmStateMessages.InfoSize];
        XfrmStateMessages.WriteInfo(info, VtiState with { ReqId = 5, ReplayWindow = 32 });
        Assert.Equal(224, XfrmStateMessages.InfoSize);
        Assert.Equal(Hex.Format(UsersaInfo(reqId: 5, replayWindow: 32)), Hex.Format(info));
    }

    [Fact]
    public void NewStateWithNullCipherAndTruncatedHmacAndMark()
    {
        var expected = Concat(UsersaInfo(), NullCipher(), TruncatedHmac(), Mark7());

        var writer = new MessageWriter();
        using var keys = new XfrmStateKeys { Authentication = new XfrmKey(AuthenticationKey) };
        XfrmStateMessages.WriteNew(writer, VtiState, keys);
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void NewStateWithAesGcmAndInterfaceId()
    {
        var aeadKey = Enumerable.Range(0xa0, 20).Select(i => (byte)i).ToArray();
        var state = new XfrmState(IPAddress.Parse("10.10.10.2"), IPAddress.Parse("10.10.20.2"), 0x1001)
        {
            Mode = XfrmMode.Tunnel,
            AeadAlgorithm = XfrmAlgorithmNames.AesGcm,
            IcvLength = 128,
            InterfaceId = 9,
        };
        var expected = Concat(
            UsersaInfo(),
            Hex.Parse("""
                60 00 12 00                                      # XFRMA_ALG_AEAD (18), nla_len 96 = 4 + xfrm_algo_aead 72 + the 20-byte key
                72 66 63 34 31 30 36 28 67 63 6d 28 61 65 73 29 29  # "rfc4106(gcm(aes))"
                """),
            new byte[47],
            Hex.Parse("""
                a0 00 00 00                                      # alg_key_len 160 bits: AES-128 and a 4-byte salt
                80 00 00 00                                      # alg_icv_len 128 bits
                """),
            aeadKey,
            Hex.Parse("""
                08 00 1f 00  09 00 00 00                         # XFRMA_IF_ID (31) u32 9
                """));

        var writer = new MessageWriter();
        using var keys = new XfrmStateKeys { Aead = new XfrmKey(aeadKey) };
        XfrmStateMessages.WriteNew(writer, state, keys);
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void StateIdForGetAndDeleteIsUsersaIdWithTheMark()
    {
        var expected = Hex.Parse("""
            0a 0a 14 02  00 00 00 00  00 00 00 00  00 00 00 00   # daddr 10.10.20.2
            00 00 10 01                                          # spi 0x1001, network order
            02 00                                                # family AF_INET
            32 00                                                # proto ESP, 1 byte padding
            0c 00 15 00  07 00 00 00  ff ff ff ff                # XFRMA_MARK 7/0xffffffff
            """);
        var writer = new MessageWriter();
        XfrmStateMessages.WriteId(writer, VtiState);
        Assert.Equal(24, XfrmStateMessages.IdSize);
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    /// <summary>
    /// A state as the kernel dumps it (copy_to_user_state_extra): the auth algorithm twice
    /// (XFRMA_ALG_AUTH, then XFRMA_ALG_AUTH_TRUNC), each with the key. The reader takes names
    /// and lengths, and nothing of the key reaches the object.
    /// </summary>
    [Fact]
    public void ReadingADumpedStateKeepsNamesAndLengthsAndNoKey()
    {
        var message = DumpedState();
        var state = XfrmStateReader.Read(message, "lab");

        Assert.Equal(IPAddress.Parse("10.10.10.2"), state.Source);
        Assert.Equal(IPAddress.Parse("10.10.20.2"), state.Destination);
        Assert.Equal(0x1001u, state.Spi);
        Assert.Equal(XfrmProtocol.Esp, state.Protocol);
        Assert.Equal(XfrmMode.Tunnel, state.Mode);
        Assert.Equal(7u, state.Mark);
        Assert.Equal(uint.MaxValue, state.MarkMask);
        Assert.Equal("ecb(cipher_null)", state.EncryptionAlgorithm);
        Assert.Equal("hmac(sha256)", state.AuthenticationAlgorithm);
        Assert.Equal(128, state.TruncationLength);
        Assert.Null(state.Lifetime.HardByteLimit);
        Assert.Equal("lab", state.Namespace);

        // Every public property, as PowerShell's views and serializers see them: no key byte run.
        var keyHex = Convert.ToHexString(AuthenticationKey);
        foreach (var property in typeof(XfrmState).GetProperties())
        {
            var text = property.GetValue(state)?.ToString() ?? "";
            Assert.DoesNotContain(keyHex, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(keyHex, state.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// UPDSA sends the state back as read, with the attributes an add takes: the algorithms
    /// with their keys (the kernel requires them), the mark; not the plain XFRMA_ALG_AUTH the
    /// kernel sends beside XFRMA_ALG_AUTH_TRUNC, nor what only a dump carries (XFRMA_LASTUSED).
    /// </summary>
    [Fact]
    public void UpdateSendsTheStateBackWithItsAlgorithmsAndMark()
    {
        var read = DumpedState().Payload.ToArray();
        var writer = new MessageWriter();
        XfrmStateMessages.WriteUpdate(writer, read);

        // In the order the kernel sent them.
        var expected = Concat(UsersaInfo(), TruncatedHmac(), NullCipher(), Mark7());
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void WipingTheWriterLeavesNoKeyByte()
    {
        var writer = new MessageWriter();
        using var keys = new XfrmStateKeys { Authentication = new XfrmKey(AuthenticationKey) };
        XfrmStateMessages.WriteNew(writer, VtiState, keys);
        Assert.Contains(Convert.ToHexString(AuthenticationKey), Convert.ToHexString(writer.WrittenSpan));
        var length = writer.Length;
        writer.Wipe();
        Assert.Equal(0, writer.Length);
        writer.WriteRaw(new byte[length]);
        Assert.DoesNotContain(Convert.ToHexString(AuthenticationKey[..4]), Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public void KeysFromHexAreTheBytesAndShowOnlyTheirLength()
    {
        using var key = XfrmKey.FromHex("0x0102030405060708090a0b0c0d0e0f10");
        Assert.Equal(128, key.Bits);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray(), key.Bytes.ToArray());
        Assert.Equal("(128-bit key, not shown)", key.ToString());
        var odd = Assert.Throws<FormatException>(() => XfrmKey.FromHex("0xabc"));
        Assert.DoesNotContain("abc", odd.Message);
        var notHex = Assert.Throws<FormatException>(() => XfrmKey.FromHex("zz11"));
        Assert.DoesNotContain("zz", notHex.Message);
    }

    private static NetlinkMessage DumpedState()
    {
        var payload = Concat(
            UsersaInfo(),
            Hex.Parse("""
                68 00 01 00                                      # XFRMA_ALG_AUTH (1), nla_len 104 = 4 + 68 + 32
                68 6d 61 63 28 73 68 61 32 35 36 29              # "hmac(sha256)"
                """),
            new byte[52],
            Hex.Parse("00 01 00 00"),                            // alg_key_len 256
            AuthenticationKey,
            TruncatedHmac(),
            NullCipher(),
            Hex.Parse("0c 00 0f 00  00 00 00 00  00 00 00 00"), // XFRMA_LASTUSED (15) u64 0
            Mark7());
        var header = new NetlinkMessageHeader { Length = (uint)(NetlinkMessageHeader.Size + payload.Length), Type = XfrmMessageType.NewState, Flags = NetlinkFlags.Multi, Sequence = 1, PortId = 1 };
        return new NetlinkMessage(header, payload);
    }

    private static byte[] Repeat(byte value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
