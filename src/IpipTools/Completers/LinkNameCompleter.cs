using System.Collections;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Completers;

/// <summary>Completes link names of the command line's namespace; each subclass says which links it offers.</summary>
public abstract class LinkNameCompleter : NamespaceObjectCompleter
{
    protected sealed override IEnumerable<string> Offered(RtnetlinkClient client, IDictionary bound) =>
        client.Links.List().Where(Offers).Select(l => l.Name);

    /// <summary>Whether <paramref name="link"/> is one this completer offers.</summary>
    protected abstract bool Offers(Link link);
}
