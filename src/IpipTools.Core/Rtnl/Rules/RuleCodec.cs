using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Rules;

/// <summary>What a <see cref="ReadBackBatch{T}"/> of rules needs: the encoder, the errors, and one listing per family to find what was made.</summary>
internal sealed class RuleCodec : IEntryCodec<Rule>
{
    private readonly RuleOperations _rules;

    public RuleCodec(RuleOperations rules)
    {
        _rules = rules;
    }

    public string Noun => "rule";

    public RequestBodyWriter Prepare(Rule entry, EntryChange change)
    {
        RuleEncoder.Validate(entry, change == EntryChange.Delete);
        return w => RuleEncoder.Write(w, entry);
    }

    public NetlinkException Explain(NetlinkException error, Rule entry, EntryChange change) => RuleErrors.Explain(error, entry, change);

    public IReadOnlyList<Rule> ListLike(IReadOnlyList<Rule> requested) =>
        requested.Select(r => r.Family).Distinct().SelectMany(_rules.List).ToList();

    public bool IsMadeBy(Rule requested, Rule read) => requested.IsMadeBy(read);
}
