using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using IpipTools.Core.Xfrm;

namespace IpipTools.Ipsec;

/// <summary>
/// On a key parameter: takes a SecureString (its text is the key in hex, as ip xfrm takes
/// one: an optional 0x, two digits a byte) or bytes (a byte array, or numbers PowerShell can
/// make bytes of), and binds an <see cref="XfrmKey"/>, which never shows its bytes. A plain
/// string is refused: typed on a command line, a key would stay in the history and the
/// transcript. No error repeats what was given.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class XfrmKeyArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
            case XfrmKey:
                return value;
            case SecureString secure:
                return FromSecureString(secure);
            case byte[] bytes:
                return new XfrmKey(bytes);
            case string:
                throw new ArgumentTransformationMetadataException(
                    "A key is not taken as plain text, which would stay in the history: give a SecureString of hex digits (Read-Host -AsSecureString, or ConvertTo-SecureString) or a byte array.");
            default:
                try
                {
                    var converted = LanguagePrimitives.ConvertTo<byte[]>(value);
                    try
                    {
                        return new XfrmKey(converted);
                    }
                    finally
                    {
                        Array.Clear(converted);
                    }
                }
                catch (PSInvalidCastException)
                {
                    throw new ArgumentTransformationMetadataException(
                        $"A key is a SecureString of hex digits or a byte array; a {value.GetType().Name} is neither.");
                }
        }
    }

    private static XfrmKey FromSecureString(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        var text = new char[secure.Length];
        try
        {
            Marshal.Copy(pointer, text, 0, text.Length);
            return XfrmKey.FromHex(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentTransformationMetadataException($"The key's SecureString is not a key: {e.Message}.");
        }
        finally
        {
            Array.Clear(text);
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
