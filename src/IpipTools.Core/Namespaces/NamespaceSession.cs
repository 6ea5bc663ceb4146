using System.Runtime.CompilerServices;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// The default namespace of one shell session: a stack that Enter-NetNamespace pushes
/// and Exit-NetNamespace pops. It only changes which namespace later requests name
/// when they name none; no thread ever moves (see <see cref="NamespaceThread"/>).
/// What is typed at an interactive prompt after Enter-NetNamespace runs in a pwsh inside
/// the namespace instead; this stack is what the rest of a script that entered sees.
/// Sessions are keyed by an opaque object (PowerShell's runspace), held weakly, so a
/// closed runspace takes its stack with it.
/// </summary>
public sealed class NamespaceSession
{
    private static readonly ConditionalWeakTable<object, NamespaceSession> Sessions = new();

    /// <summary>Stands in for a missing key, e.g. a call from outside any runspace.</summary>
    private static readonly object NoSession = new();

    private readonly Stack<NetNamespace> _stack = new();

    /// <summary>The session of <paramref name="key"/> (created on first use).</summary>
    public static NamespaceSession For(object? key) => Sessions.GetValue(key ?? NoSession, _ => new NamespaceSession());

    /// <summary>The namespace requests use when they name none: the top of the stack, or the caller's.</summary>
    public NetNamespace Current
    {
        get
        {
            lock (_stack)
            {
                return _stack.Count == 0 ? NetNamespace.Caller : _stack.Peek();
            }
        }
    }

    /// <summary>The entered namespaces, innermost first.</summary>
    public IReadOnlyList<NetNamespace> Entered
    {
        get
        {
            lock (_stack)
            {
                return _stack.ToArray();
            }
        }
    }

    /// <summary>What a -NetNamespace argument means: null or empty is the session default, anything else a name or path.</summary>
    public NetNamespace Resolve(string? nameOrPath) => string.IsNullOrEmpty(nameOrPath) ? Current : NetNamespace.Parse(nameOrPath);

    /// <summary>Makes <paramref name="nameOrPath"/> the default; it must exist, so a typo fails here and not at the next command.</summary>
    public NetNamespace Enter(string nameOrPath)
    {
        var target = NetNamespace.Parse(nameOrPath).MustExist();

        lock (_stack)
        {
            _stack.Push(target);
        }

        return target;
    }

    /// <summary>How many namespaces are entered.</summary>
    public int Depth
    {
        get
        {
            lock (_stack)
            {
                return _stack.Count;
            }
        }
    }

    /// <summary>Leaves entered namespaces until at most <paramref name="depth"/> remain (e.g. when an entered shell was left with exit).</summary>
    public void ExitTo(int depth)
    {
        lock (_stack)
        {
            while (_stack.Count > Math.Max(depth, 0))
            {
                _stack.Pop();
            }
        }
    }

    /// <summary>Leaves the innermost entered namespace and returns the new default.</summary>
    public NetNamespace Exit()
    {
        lock (_stack)
        {
            if (_stack.Count == 0)
            {
                throw new IpipToolsException(
                    "No namespace has been entered in this session, so there is none to exit.",
                    "NoNamespaceEntered", IpipErrorCategory.InvalidOperation,
                    "Enter one first with Enter-NetNamespace, or leave it as it is.");
            }

            _stack.Pop();
            return _stack.Count == 0 ? NetNamespace.Caller : _stack.Peek();
        }
    }
}
