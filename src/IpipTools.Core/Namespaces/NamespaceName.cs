using System.Text;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// The rules for a namespace name, checked before anything touches the file system:
/// it becomes a file name under /run/netns, so it must not be empty, "." or "..",
/// contain '/' or NUL, or exceed NAME_MAX (255 bytes), exactly as iproute2 refuses.
/// </summary>
public static class NamespaceName
{
    public const int MaxBytes = 255;

    public static void Validate(string? name)
    {
        string? problem = name switch
        {
            null or "" => "is empty",
            "." or ".." => "would name the directory itself or its parent",
            _ when name.Contains('/') => "contains '/', which would leave /run/netns",
            _ when name.Contains('\0') => "contains a NUL character",
            _ when Encoding.UTF8.GetByteCount(name) > MaxBytes => $"is {Encoding.UTF8.GetByteCount(name)} bytes long; the limit is {MaxBytes}",
            _ when name.Any(char.IsControl) => "contains a control character",
            _ => null,
        };
        if (problem is not null)
        {
            throw new IpipToolsException(
                $"The namespace name '{name}' {problem}.",
                "InvalidNamespaceName", IpipErrorCategory.InvalidArgument,
                "Use a plain file name such as 'lab1': letters, digits, '-', '_' and '.'.", name);
        }
    }
}
