using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using IpipTools.Core.Xfrm;

namespace IpipTools.Completers;

/// <summary>Completes -Aead, -Encryption and -Authentication with the kernel names of the usual algorithms of each (<see cref="XfrmAlgorithmNames"/>), quoted.</summary>
public sealed class XfrmAlgorithmCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var names = parameterName switch
        {
            "Aead" => XfrmAlgorithmNames.Aead,
            "Encryption" => XfrmAlgorithmNames.Encryption,
            _ => XfrmAlgorithmNames.Authentication,
        };
        // Quoted: unquoted, the parentheses of rfc4106(gcm(aes)) would end the argument.
        return Completions.StartingWith(names, wordToComplete)
            .Select(c => new CompletionResult($"'{c.CompletionText}'", c.CompletionText, CompletionResultType.ParameterValue, c.CompletionText))
            .ToList();
    }
}
