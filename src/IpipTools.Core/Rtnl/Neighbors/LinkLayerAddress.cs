using System.Globalization;
using System.Net;

namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary>
/// A neighbour's link-layer address (NDA_LLADDR) as text and bytes. Its length is the
/// device's: six bytes on Ethernet ("aa:bb:cc:dd:ee:ff"), four on an IPv4 tunnel, where the
/// "link layer" is the underlay (NBMA gre: <c>ip neigh add 10.0.0.2 lladdr 192.0.2.2 dev gre1</c>),
/// sixteen on an IPv6 tunnel. So it is written as <c>ip neigh</c> writes it: an address of four
/// or sixteen bytes as an IP address, anything else as colon-separated hex.
/// </summary>
public static class LinkLayerAddress
{
    /// <summary>The bytes <paramref name="text"/> writes (hex pairs split by ':' or '-', or an IP address); null when it is neither.</summary>
    public static byte[]? Parse(string text)
    {
        if (IsHexPairs(text))
        {
            return text.Split(':', '-').Select(p => byte.Parse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        }

        return IPAddress.TryParse(text, out var address) ? address.GetAddressBytes() : null;
    }

    public static string Format(ReadOnlySpan<byte> bytes) =>
        bytes.Length is 4 or 16 ? new IPAddress(bytes).ToString() : FormatHex(bytes);

    /// <summary>Colon-separated hex, whatever the length: how a MAC address is written.</summary>
    public static string FormatHex(ReadOnlySpan<byte> bytes)
    {
        var parts = new string[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            parts[i] = bytes[i].ToString("x2", CultureInfo.InvariantCulture);
        }

        return string.Join(':', parts);
    }

    private static bool IsHexPairs(string text)
    {
        var parts = text.Split(':', '-');
        return parts.Length > 1 && parts.All(p => p.Length is 1 or 2 && p.All(Uri.IsHexDigit));
    }
}
