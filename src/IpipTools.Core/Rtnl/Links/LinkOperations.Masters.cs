namespace IpipTools.Core.Rtnl.Links;

public sealed partial class LinkOperations
{
    /// <summary>
    /// <paramref name="links"/> with <see cref="Link.Master"/> set to the name of the bridge each
    /// is attached to (the kernel reports only its index), so that a read link says "master br0"
    /// as ip does and can be created again as it is.
    /// </summary>
    /// <param name="all">Every link of this namespace, when the caller has just listed them; null lists them here if any link has a master.</param>
    public IReadOnlyList<Link> WithMasterNames(IReadOnlyList<Link> links, IReadOnlyList<Link>? all = null)
    {
        if (!links.Any(l => l.MasterIndex != 0))
        {
            return links;
        }

        var names = (all ?? List()).ToDictionary(l => l.Index, l => l.Name);
        return links.Select(l => l.MasterIndex == 0 ? l : l with { Master = names.GetValueOrDefault(l.MasterIndex) }).ToList();
    }
}
