using System.Text;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// The kernel's rules for an interface name (dev_valid_name): 1 to 15 bytes
/// (IFNAMSIZ - 1), not "." or "..", no '/', ':' or white space. Checked before any
/// request so the user hears exactly which rule was broken.
/// </summary>
public static class InterfaceName
{
    public const int MaxBytes = 15;

    public static void Validate(string? name, string what = "interface name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid(name ?? string.Empty, $"The {what} is empty.", "Give a name of 1 to 15 characters.");
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxBytes)
        {
            throw Invalid(name, $"The {what} '{name}' is {bytes} bytes long; Linux allows at most {MaxBytes} (IFNAMSIZ is 16 with the terminating NUL).",
                $"Use a name of at most {MaxBytes} characters.");
        }

        if (name is "." or "..")
        {
            throw Invalid(name, $"The {what} '{name}' is reserved.", "Choose another name.");
        }

        foreach (var c in name)
        {
            if (c == '/' || c == ':' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw Invalid(name, $"The {what} '{name}' contains '{(char.IsWhiteSpace(c) ? "white space" : c.ToString())}', which Linux does not allow in interface names.",
                    "Use letters, digits, '-', '_' and '.' only.");
            }
        }
    }

    private static IpipToolsException Invalid(string name, string message, string action) =>
        new(message, "InvalidInterfaceName", IpipErrorCategory.InvalidArgument, action, name);
}
