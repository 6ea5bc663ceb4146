using System.Management.Automation;
using System.Management.Automation.Language;
using IpipTools.Core.Errors;

namespace IpipTools.Namespaces;

/// <summary>
/// Finds a word written after the program's name that PowerShell took as a parameter of
/// Invoke-NetNamespaceCommand itself (-p as -PassThru, -n as -NetNamespace, -v as -Verbose)
/// instead of passing it to the program, so that the command is refused rather than run with
/// other arguments than were written.
/// <para>
/// A compiled cmdlet cannot receive such words untouched: before it runs, PowerShell's binder
/// matches every -word by prefix against the cmdlet's parameters and the common ones (a cmdlet
/// always has those), and binds a match or, for an ambiguous one such as -W (-WarningAction,
/// -WarningVariable), fails. Only native commands and functions without [CmdletBinding] get
/// their words as written. What reaches the program untouched is everything after <c>--</c>,
/// where the parser stops reading parameters: the refusal shows the same command with it.
/// The invocation's own text (its statement) is parsed again to see where each word stood.
/// </para>
/// </summary>
internal static class ParameterAfterProgram
{
    /// <summary>The program's parameter: the word it binds, or the first positional one, is the program.</summary>
    private const string ProgramParameter = "FilePath";

    /// <summary>Null when no parameter stands after the program (or the text cannot tell); else why the command is refused.</summary>
    public static IpipToolsException? Find(InvocationInfo invocation)
    {
        // InvocationInfo.Statement (the command's text), which the reference assemblies of 5.1 lack.
        var statement = typeof(InvocationInfo).GetProperty("Statement")?.GetValue(invocation) as string;
        if (string.IsNullOrWhiteSpace(statement))
        {
            return null;
        }

        var script = Parser.ParseInput(statement, out _, out var errors);
        if (errors.Length > 0 || script.Find(a => a is CommandAst, searchNestedScriptBlocks: false) is not CommandAst command)
        {
            return null;
        }

        var elements = command.CommandElements;
        CommandElementAst? program = null;
        for (var i = 1; i < elements.Count; i++)
        {
            switch (elements[i])
            {
                case VariableExpressionAst { Splatted: true }:
                    // Splatted parameters are not in the text: nothing can be told.
                    return null;
                case CommandParameterAst { ParameterName: "-" }:
                    // --: PowerShell binds nothing after it.
                    return null;
                case CommandParameterAst word:
                    var (parameter, exact) = Match(invocation.MyCommand.Parameters, word.ParameterName);
                    if (parameter is null)
                    {
                        // Not a parameter here: PowerShell passes the word on as written.
                        continue;
                    }

                    // A parameter written out in full or as its alias (-ErrorAction, -ea,
                    // -PassThru, -ArgumentList after -FilePath) is meant for the cmdlet, as
                    // PowerShell users write them at the end; one reached by abbreviation
                    // (-p for -PassThru, -n for -NetNamespace, -v for -Verbose) was the program's.
                    if (program is not null && !exact)
                    {
                        return Refusal(statement, invocation.MyCommand.Name, program, word, parameter);
                    }

                    if (word.Argument is null && !parameter.SwitchParameter && i + 1 < elements.Count)
                    {
                        i++;
                        if (parameter.Name == ProgramParameter)
                        {
                            program = elements[i];
                        }
                    }

                    continue;
                default:
                    program ??= elements[i];
                    continue;
            }
        }

        return null;
    }

    /// <summary>
    /// The parameter PowerShell binds <paramref name="name"/> to, as its binder matches: an
    /// exact name or alias (Exact), else the one parameter it begins (the cmdlet's own before
    /// common ones); null when it begins none.
    /// </summary>
    private static (ParameterMetadata? Parameter, bool Exact) Match(IDictionary<string, ParameterMetadata> parameters, string name)
    {
        var exact = parameters.Values.FirstOrDefault(p =>
            string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) || p.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
        if (exact is not null)
        {
            return (exact, true);
        }

        var prefixed = parameters.Values.Where(p =>
            p.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase) || p.Aliases.Any(a => a.StartsWith(name, StringComparison.OrdinalIgnoreCase))).ToList();
        var own = prefixed.Where(p => !IsCommon(p)).ToList();
        return (own.Count == 1 ? own[0] : prefixed.FirstOrDefault(), false);
    }

    private static bool IsCommon(ParameterMetadata parameter) =>
        Cmdlet.CommonParameters.Contains(parameter.Name) || Cmdlet.OptionalCommonParameters.Contains(parameter.Name);

    private static IpipToolsException Refusal(string statement, string cmdlet, CommandElementAst program, CommandParameterAst word, ParameterMetadata parameter)
    {
        var name = program.Extent.Text;
        var withDashes = statement.Substring(0, program.Extent.EndOffset) + " --" + statement.Substring(program.Extent.EndOffset);
        return new IpipToolsException(
            $"'{word.Extent.Text}' after the program {name} was taken by PowerShell as an abbreviation of {cmdlet}'s -{parameter.Name}, so {name} would not get it; nothing was run.",
            "ParameterAfterProgram", IpipErrorCategory.InvalidArgument,
            $"Put -- after the program's name, and PowerShell passes every word after it to the program as written: {withDashes}",
            word.Extent.Text);
    }
}
