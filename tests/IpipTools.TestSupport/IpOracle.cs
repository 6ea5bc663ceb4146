using System.Text.Json;

namespace IpipTools.TestSupport;

/// <summary>
/// iproute2 as an independent oracle: what `ip -d -j` reports about a namespace,
/// as JSON elements the tests compare with IpipTools' objects.
/// </summary>
public static class IpOracle
{
    public static JsonElement Json(string? netns, params string[] arguments)
    {
        var result = Command.Ip(netns, new[] { "-d", "-j" }.Concat(arguments).ToArray()).EnsureSuccess("ip " + string.Join(' ', arguments));
        var text = string.IsNullOrWhiteSpace(result.Output) ? "[]" : result.Output;
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>One link as `ip -d -j link show NAME` reports it, or null if it does not exist.</summary>
    public static JsonElement? Link(string? netns, string name)
    {
        var result = Command.Ip(netns, "-d", "-j", "link", "show", "dev", name);
        if (result.ExitCode != 0)
        {
            return null;
        }

        var array = JsonDocument.Parse(result.Output).RootElement.Clone();
        return array.GetArrayLength() == 0 ? null : array[0];
    }

    public static JsonElement Links(string? netns) => Json(netns, "link", "show");

    public static JsonElement Addresses(string? netns, string? device = null) =>
        device is null ? Json(netns, "addr", "show") : Json(netns, "addr", "show", "dev", device);

    public static JsonElement Routes(string? netns, params string[] selector) =>
        Json(netns, new[] { "route", "show" }.Concat(selector).ToArray());

    public static string? String(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? Int(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static IEnumerable<string> Strings(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)
            : Enumerable.Empty<string>();

    /// <summary>linkinfo.info_data of a link, or an undefined element.</summary>
    public static JsonElement InfoData(this JsonElement link) =>
        link.TryGetProperty("linkinfo", out var info) && info.TryGetProperty("info_data", out var data) ? data : default;

    public static string? InfoKind(this JsonElement link) =>
        link.TryGetProperty("linkinfo", out var info) ? info.String("info_kind") : null;
}
