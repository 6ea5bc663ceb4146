using System.Management.Automation;
using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Completers;
using IpipTools.Core.Xfrm;
using IpipTools.Infrastructure;

namespace IpipTools.Ipsec;

/// <summary>
/// <c>ip xfrm state add src S dst D proto esp spi SPI [mode M] [reqid R] [mark M/MASK]
/// [if_id I] aead|enc|auth-trunc ...</c>: one security association. The keys are taken as
/// SecureStrings or bytes (<see cref="XfrmKeyArgumentAttribute"/>), go to the kernel in one
/// request and are zeroed; the state written back is read from the kernel, without them.
/// </summary>
[Cmdlet(VerbsCommon.New, "XfrmState", SupportsShouldProcess = true)]
[OutputType(typeof(XfrmState))]
public sealed class NewXfrmStateCommand : XfrmCmdlet, IXfrmLifetimeParameters
{
    [Parameter(Mandatory = true, Position = 0)]
    [IPAddressArgument]
    public IPAddress Source { get; set; } = IPAddress.None;

    [Parameter(Mandatory = true, Position = 1)]
    [IPAddressArgument]
    public IPAddress Destination { get; set; } = IPAddress.None;

    [Parameter(Mandatory = true, Position = 2)]
    public uint Spi { get; set; }

    [Parameter]
    public XfrmProtocol Protocol { get; set; } = XfrmProtocol.Esp;

    [Parameter]
    public XfrmMode Mode { get; set; } = XfrmMode.Transport;

    [Parameter]
    public uint ReqId { get; set; }

    [Parameter]
    public uint? Mark { get; set; }

    [Parameter]
    public uint? MarkMask { get; set; }

    [Parameter]
    public uint? InterfaceId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(XfrmAlgorithmCompleter))]
    public string? Aead { get; set; }

    [Parameter]
    [XfrmKeyArgument]
    public XfrmKey? AeadKey { get; set; }

    [Parameter]
    [ValidateRange(64, 128)]
    public int IcvLength { get; set; } = 128;

    [Parameter]
    [ArgumentCompleter(typeof(XfrmAlgorithmCompleter))]
    public string? Encryption { get; set; }

    [Parameter]
    [XfrmKeyArgument]
    public XfrmKey? EncryptionKey { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(XfrmAlgorithmCompleter))]
    public string? Authentication { get; set; }

    [Parameter]
    [XfrmKeyArgument]
    public XfrmKey? AuthenticationKey { get; set; }

    [Parameter]
    [ValidateRange(32, 512)]
    public int? TruncationLength { get; set; }

    [Parameter]
    public byte ReplayWindow { get; set; }

    [Parameter]
    public TimeSpan? SoftLifetime { get; set; }

    [Parameter]
    public TimeSpan? HardLifetime { get; set; }

    [Parameter]
    public ulong? SoftByteLimit { get; set; }

    [Parameter]
    public ulong? HardByteLimit { get; set; }

    [Parameter]
    public ulong? SoftPacketLimit { get; set; }

    [Parameter]
    public ulong? HardPacketLimit { get; set; }

    protected override void ProcessItem()
    {
        using var keys = new XfrmStateKeys { Aead = AeadKey, Encryption = EncryptionKey, Authentication = AuthenticationKey };
        var state = new XfrmState(Source, Destination, Spi)
        {
            Protocol = Protocol,
            Mode = Mode,
            ReqId = ReqId,
            Mark = Mark,
            MarkMask = Mark is null ? null : MarkMask ?? uint.MaxValue,
            InterfaceId = InterfaceId,
            AeadAlgorithm = Name(Aead, nameof(Aead)),
            IcvLength = Aead is null ? null : IcvLength,
            EncryptionAlgorithm = Name(Encryption, nameof(Encryption)),
            AuthenticationAlgorithm = Name(Authentication, nameof(Authentication)),
            TruncationLength = Authentication is null ? null : TruncationLength ?? DefaultTruncation(Authentication),
            ReplayWindow = ReplayWindow,
            Lifetime = this.Apply(XfrmLifetime.Unlimited),
        };
        RefuseStrayKeys();
        var target = Target;
        if (ShouldProcess($"xfrm state spi 0x{Spi:x8} to {Destination} {target.Describe()}", $"Create xfrm state {state} {state.Algorithms}"))
        {
            WriteObject(Xfrm(target).States.Add(state, keys));
        }
    }

    private static string? Name(string? algorithm, string parameter)
    {
        if (algorithm is not null)
        {
            XfrmAlgorithmNames.Validate(algorithm, "-" + parameter);
        }

        return algorithm;
    }

    /// <summary>A key without its algorithm would be silently dropped; refuse it instead.</summary>
    private void RefuseStrayKeys()
    {
        foreach (var (key, algorithm, name) in new[] { (AeadKey, Aead, nameof(Aead)), (EncryptionKey, Encryption, nameof(Encryption)), (AuthenticationKey, Authentication, nameof(Authentication)) })
        {
            if (key is not null && algorithm is null)
            {
                throw new IpipToolsException(
                    $"-{name}Key was given without -{name}: the key would go with no algorithm; nothing was changed.",
                    "XfrmKeyWithoutAlgorithm", IpipErrorCategory.InvalidArgument, $"Give -{name} (the algorithm's name) with its key.");
            }
        }
    }

    /// <summary>RFC 4868's truncation for the SHA-2 HMACs (half the digest), 96 bits for the older ones; others must be given.</summary>
    private static int DefaultTruncation(string algorithm) => algorithm switch
    {
        "hmac(sha256)" => 128,
        "hmac(sha384)" => 192,
        "hmac(sha512)" => 256,
        "hmac(sha1)" or "hmac(md5)" => 96,
        _ => throw new IpipToolsException(
            $"-Authentication {algorithm} has no default truncation length; nothing was changed.",
            "XfrmTruncationLengthMissing", IpipErrorCategory.InvalidArgument,
            "Give -TruncationLength, the number of bits of the digest each packet carries.", algorithm),
    };
}
