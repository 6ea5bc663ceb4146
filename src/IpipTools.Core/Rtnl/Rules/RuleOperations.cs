using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Rules;

/// <summary>The policy routing rules of one namespace: list, and add or delete in batches.</summary>
public sealed class RuleOperations
{
    private readonly RtnetlinkClient _client;

    internal RuleOperations(RtnetlinkClient client)
    {
        _client = client;
    }

    /// <summary>The rules of one family, in the order the kernel applies them (<c>ip rule show</c>, <c>ip -6 rule show</c>).</summary>
    public IReadOnlyList<Rule> List(IpFamily family) =>
        _client.Connection.Dump($"list {family} rules {_client.Namespace.Describe()}", RtnlMessageType.GetRule,
            w => w.WriteStruct(new FibRuleHeader { Family = (byte)family }),
            m => RuleReader.Read(m, _client.NamespaceName))
        .Where(r => r.Family == family)
        .ToList();

    /// <summary>An empty batch of <paramref name="change"/>s (Add or Delete), each add answered by the rule as the kernel lists it.</summary>
    public ReadBackBatch<Rule> CreateBatch(EntryChange change) =>
        new(_client, new RuleCodec(this), change, RtnlMessageType.NewRule, RtnlMessageType.DeleteRule);

    /// <summary>Adds one rule and returns it as the kernel lists it; throws when it is refused.</summary>
    public Rule Add(Rule rule) => SendOne(rule, EntryChange.Add)!;

    /// <summary>Deletes the first rule that matches <paramref name="rule"/> on everything it gives; throws when none does.</summary>
    public void Delete(Rule rule) => SendOne(rule, EntryChange.Delete);

    private Rule? SendOne(Rule rule, EntryChange change)
    {
        var batch = CreateBatch(change);
        batch.Queue(rule);
        var outcome = batch.Send()[0];
        return outcome.Error is { } error ? throw error : outcome.Made;
    }
}
