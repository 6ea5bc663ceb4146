using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// <c>ip xfrm state add|update|list|get|delete</c> over one <see cref="XfrmClient"/>. Every
/// exchange that carried keys (a new state goes out with them; the kernel sends them back in
/// every state it returns) ends by zeroing the connection's buffers.
/// </summary>
public sealed class XfrmStateOperations
{
    private readonly XfrmClient _client;

    internal XfrmStateOperations(XfrmClient client)
    {
        _client = client;
    }

    private NetlinkConnection Connection => _client.Connection;

    /// <summary>Every state of the namespace.</summary>
    public List<XfrmState> List()
    {
        try
        {
            return Connection.Dump("list xfrm states", XfrmMessageType.GetState, _ => { },
                m => m.Type == XfrmMessageType.NewState ? XfrmStateReader.Read(m, _client.NamespaceName) : null);
        }
        finally
        {
            Connection.WipeBuffers();
        }
    }

    /// <summary>The state of <paramref name="identity"/>'s destination, SPI, protocol and mark; null when there is none.</summary>
    public XfrmState? Get(XfrmState identity)
    {
        try
        {
            return Connection.Query($"read xfrm state {identity}", XfrmMessageType.GetState,
                w => XfrmStateMessages.WriteId(w, identity), m => XfrmStateReader.Read(m, _client.NamespaceName));
        }
        catch (NetlinkException e) when (e.ErrorNumber is Errno.ESRCH or Errno.ENOENT)
        {
            return null;
        }
        finally
        {
            Connection.WipeBuffers();
        }
    }

    /// <summary>Adds <paramref name="state"/> with <paramref name="keys"/> and returns it as the kernel made it.</summary>
    public XfrmState Add(XfrmState state, XfrmStateKeys keys)
    {
        XfrmErrors.Validate(state);
        var operation = $"create xfrm state {state}";
        try
        {
            Connection.Execute(operation, XfrmMessageType.NewState, NetlinkFlags.Create | NetlinkFlags.Exclusive, w => XfrmStateMessages.WriteNew(w, state, keys));
        }
        catch (NetlinkException e)
        {
            throw XfrmErrors.ExplainCreate(e, state);
        }
        finally
        {
            Connection.WipeBuffers();
        }

        return Get(state) ?? throw XfrmErrors.Vanished(operation, state);
    }

    /// <summary>
    /// Gives the state of <paramref name="identity"/> new lifetimes (XFRM_MSG_UPDSA): what the
    /// kernel changes in place. UPDSA takes the whole state again, keys included, so the
    /// state is read with its keys, sent back with the new lifetimes, and the copies zeroed.
    /// </summary>
    public XfrmState SetLifetime(XfrmState identity, XfrmLifetime lifetime)
    {
        var operation = $"change xfrm state {identity}";
        byte[]? current = null;
        try
        {
            current = Connection.Query(operation, XfrmMessageType.GetState,
                w => XfrmStateMessages.WriteId(w, identity), m => m.Payload.ToArray());
            Connection.WipeBuffers();
            var update = current;
            lifetime.Write(update.AsSpan(XfrmStateMessages.LifetimeOffset));
            Connection.Execute(operation, XfrmMessageType.UpdateState, NetlinkFlags.None, w => XfrmStateMessages.WriteUpdate(w, update));
        }
        catch (NetlinkException e)
        {
            throw XfrmErrors.Explain(e, identity);
        }
        finally
        {
            if (current is not null)
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(current);
            }

            Connection.WipeBuffers();
        }

        return Get(identity) ?? throw XfrmErrors.Vanished(operation, identity);
    }

    /// <summary>Deletes the state of <paramref name="identity"/>'s destination, SPI, protocol and mark.</summary>
    public void Remove(XfrmState identity)
    {
        try
        {
            Connection.Execute($"remove xfrm state {identity}", XfrmMessageType.DeleteState, NetlinkFlags.None, w => XfrmStateMessages.WriteId(w, identity));
        }
        catch (NetlinkException e)
        {
            throw XfrmErrors.Explain(e, identity);
        }
    }
}
