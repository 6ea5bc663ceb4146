using System.Globalization;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Commands;

/// <summary>
/// The ttl and tos values as <c>ip tunnel</c> takes them: "inherit" or a number (ttl
/// 1..255 in decimal; tos 00..ff in hexadecimal, as iproute2 reads it).
/// </summary>
public static class TunnelOptionText
{
    /// <summary>"inherit" (or "0") is 0; otherwise 1..255.</summary>
    public static byte ParseTtl(string text)
    {
        var value = text.Trim();
        if (value.Equals("inherit", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
        {
            return ttl;
        }

        throw new IpipToolsException($"TTL '{text}' is not 'inherit' or a number from 1 to 255.", "InvalidTtl",
            IpipErrorCategory.InvalidArgument, "Give 'inherit' or a TTL from 1 to 255.", text);
    }

    /// <summary>"inherit" is 1 (the kernel's marker for copying the inner TOS); otherwise hexadecimal 00..ff, "0x" allowed.</summary>
    public static byte ParseTos(string text)
    {
        var value = text.Trim();
        if (value.Equals("inherit", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var digits = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        if (byte.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var tos))
        {
            return tos;
        }

        throw new IpipToolsException($"TOS '{text}' is not 'inherit' or a hexadecimal value from 00 to ff.", "InvalidTos",
            IpipErrorCategory.InvalidArgument, "Give 'inherit' or a hexadecimal TOS such as 10 or 0x10.", text);
    }
}
