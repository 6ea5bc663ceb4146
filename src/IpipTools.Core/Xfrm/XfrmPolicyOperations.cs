using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Xfrm;

/// <summary><c>ip xfrm policy add|update|list|get|delete</c> over one <see cref="XfrmClient"/>.</summary>
public sealed class XfrmPolicyOperations
{
    private readonly XfrmClient _client;

    internal XfrmPolicyOperations(XfrmClient client)
    {
        _client = client;
    }

    private NetlinkConnection Connection => _client.Connection;

    /// <summary>Every policy of the namespace (per-socket policies are not the namespace's, and are left out).</summary>
    public List<XfrmPolicy> List() =>
        Connection.Dump("list xfrm policies", XfrmMessageType.GetPolicy, _ => { },
            m => m.Type == XfrmMessageType.NewPolicy ? XfrmPolicyReader.Read(m, _client.NamespaceName) : null);

    /// <summary>The policy of <paramref name="identity"/>'s index (or, without one, direction and selector), mark and if_id; null when there is none.</summary>
    public XfrmPolicy? Get(XfrmPolicy identity)
    {
        try
        {
            return Connection.Query($"read xfrm policy {identity}", XfrmMessageType.GetPolicy,
                w => XfrmPolicyMessages.WriteId(w, identity), m => XfrmPolicyReader.Read(m, _client.NamespaceName));
        }
        catch (NetlinkException e) when (e.ErrorNumber is Errno.ENOENT or Errno.ESRCH)
        {
            return null;
        }
    }

    /// <summary>Adds <paramref name="policy"/> and returns it as the kernel made it (with its index).</summary>
    public XfrmPolicy Add(XfrmPolicy policy)
    {
        XfrmErrors.Validate(policy);
        var operation = $"create xfrm policy {policy}";
        try
        {
            Connection.Execute(operation, XfrmMessageType.NewPolicy, NetlinkFlags.Create | NetlinkFlags.Exclusive, w => XfrmPolicyMessages.WriteInfo(w, policy));
        }
        catch (NetlinkException e)
        {
            throw XfrmErrors.Explain(e, policy);
        }

        return Get(policy with { Index = 0 }) ?? throw XfrmErrors.Vanished(operation, policy);
    }

    /// <summary>
    /// Replaces the policy <paramref name="changed"/> stands for (same direction, selector,
    /// mark and if_id: its index is kept) with <paramref name="changed"/> (XFRM_MSG_UPDPOLICY).
    /// UPDPOLICY would create a policy that is not there; a change is refused instead.
    /// </summary>
    public XfrmPolicy Update(XfrmPolicy changed)
    {
        XfrmErrors.Validate(changed);
        var operation = $"change xfrm policy {changed}";
        if (Get(changed with { Index = 0 }) is null)
        {
            throw XfrmErrors.PolicyNotFound(operation, changed);
        }

        try
        {
            Connection.Execute(operation, XfrmMessageType.UpdatePolicy, NetlinkFlags.None, w => XfrmPolicyMessages.WriteInfo(w, changed with { Index = 0 }));
        }
        catch (NetlinkException e)
        {
            throw XfrmErrors.Explain(e, changed);
        }

        return Get(changed with { Index = 0 }) ?? throw XfrmErrors.Vanished(operation, changed);
    }

    /// <summary>Deletes the policy of <paramref name="identity"/>'s index (or direction and selector), mark and if_id.</summary>
    public void Remove(XfrmPolicy identity)
    {
        try
        {
            Connection.Execute($"remove xfrm policy {identity}", XfrmMessageType.DeletePolicy, NetlinkFlags.None, w => XfrmPolicyMessages.WriteId(w, identity));
        }
        catch (NetlinkException e)
        {
            throw XfrmErrors.Explain(e, identity);
        }
    }
}
