using System.Management.Automation;
using System.Net;
using IpipTools.Core.Xfrm;

namespace IpipTools.Ipsec;

/// <summary>
/// The template parameters New-XfrmPolicy and Set-XfrmPolicy share: one template spelled out
/// (-TemplateSource, -TemplateDestination, ...: ip's <c>tmpl src S dst D proto esp mode
/// tunnel reqid R</c>), or whole templates (-Template, as a policy read back holds them).
/// </summary>
internal interface IXfrmTemplateParameters
{
    XfrmTemplate[]? Template { get; }

    IPAddress? TemplateSource { get; }

    IPAddress? TemplateDestination { get; }

    XfrmProtocol TemplateProtocol { get; }

    XfrmMode? TemplateMode { get; }

    uint TemplateReqId { get; }

    uint TemplateSpi { get; }
}

internal static class XfrmTemplateParameters
{
    private static readonly string[] Spelled =
    {
        nameof(IXfrmTemplateParameters.TemplateSource), nameof(IXfrmTemplateParameters.TemplateDestination), nameof(IXfrmTemplateParameters.TemplateProtocol),
        nameof(IXfrmTemplateParameters.TemplateMode), nameof(IXfrmTemplateParameters.TemplateReqId), nameof(IXfrmTemplateParameters.TemplateSpi),
    };

    /// <summary>
    /// The templates given: -Template's, then the one spelled out when any of its parameters
    /// was given (tunnel mode when it has a destination, else transport); null when none was.
    /// </summary>
    public static IReadOnlyList<XfrmTemplate>? Templates(this IXfrmTemplateParameters given, InvocationInfo invocation)
    {
        var spelled = Spelled.Any(invocation.BoundParameters.ContainsKey);
        if (given.Template is null && !spelled)
        {
            return null;
        }

        var templates = new List<XfrmTemplate>(given.Template ?? Array.Empty<XfrmTemplate>());
        if (spelled)
        {
            templates.Add(new XfrmTemplate
            {
                Source = given.TemplateSource,
                Destination = given.TemplateDestination,
                Protocol = given.TemplateProtocol,
                Mode = given.TemplateMode ?? (given.TemplateDestination is null ? XfrmMode.Transport : XfrmMode.Tunnel),
                ReqId = given.TemplateReqId,
                Spi = given.TemplateSpi,
            });
        }

        return templates;
    }
}
