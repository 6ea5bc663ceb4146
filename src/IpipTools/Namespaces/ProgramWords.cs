using System.Management.Automation;
using System.Management.Automation.Language;
using IpipTools.Core.Errors;

namespace IpipTools.Namespaces;

/// <summary>
/// How the words of an Invoke-NetNamespaceCommand PROGRAM ARGUMENTS command were written, read
/// back from the invocation's own text (its statement, parsed again): which parameters were
/// given by name, whether a word after the program was taken by PowerShell as a parameter of
/// the cmdlet, and where the program stands.
/// <para>
/// A compiled cmdlet cannot receive -words untouched: before it runs, PowerShell's binder
/// matches every -word by prefix against the cmdlet's parameters and the common ones (a cmdlet
/// always has those), and binds a match (-p as -PassThru, -n as -NetNamespace, -v as -Verbose)
/// or, for an ambiguous one such as -W (-WarningAction, -WarningVariable), fails. Only native
/// commands and functions without [CmdletBinding] get their words as written. What reaches the
/// program untouched is everything after <c>--</c>, where the parser stops reading parameters.
/// So a command in which a word after the program was bound is refused, naming the same
/// command with <c>--</c>, rather than run with other arguments than were written.
/// </para>
/// </summary>
internal sealed class ProgramWords
{
    /// <summary>The program's parameter: the word it binds, or the first positional one, is the program.</summary>
    private const string ProgramParameter = "FilePath";

    private readonly string _statement;
    private readonly string _cmdlet;
    private readonly IReadOnlyList<CommandElementAst> _elements;
    private readonly IDictionary<string, ParameterMetadata> _parameters;

    private ProgramWords(string statement, string cmdlet, IReadOnlyList<CommandElementAst> elements, IDictionary<string, ParameterMetadata> parameters)
    {
        _statement = statement;
        _cmdlet = cmdlet;
        _elements = elements;
        _parameters = parameters;
    }

    /// <summary>The words of <paramref name="invocation"/>; null when its text cannot tell (none, or splatted parameters).</summary>
    public static ProgramWords? Of(InvocationInfo invocation)
    {
        // InvocationInfo.Statement (the command's text), which the reference assemblies of 5.1 lack.
        var statement = typeof(InvocationInfo).GetProperty("Statement")?.GetValue(invocation) as string;
        if (string.IsNullOrWhiteSpace(statement))
        {
            return null;
        }

        var script = Parser.ParseInput(statement, out _, out var errors);
        if (errors.Length > 0 || script.Find(a => a is CommandAst, searchNestedScriptBlocks: false) is not CommandAst command
            || command.CommandElements.Any(e => e is VariableExpressionAst { Splatted: true }))
        {
            return null;
        }

        return new ProgramWords(statement, invocation.MyCommand.Name, command.CommandElements, invocation.MyCommand.Parameters);
    }

    /// <summary>Whether <paramref name="parameter"/> was written by name (before any <c>--</c>).</summary>
    public bool Names(string parameter) => Walk(namespaceFirst: false).Named.Contains(parameter);

    /// <summary>
    /// Null when no word after the program was bound to a parameter of the cmdlet; else why the
    /// command is refused. <paramref name="namespaceFirst"/>: the first positional word is the
    /// namespace and the program the next.
    /// </summary>
    public IpipToolsException? ParameterAfterProgram(bool namespaceFirst)
    {
        var (_, program, word, parameter) = Walk(namespaceFirst);
        if (word is null || program is null || parameter is null)
        {
            return null;
        }

        var name = program.Extent.Text;
        var withDashes = _statement.Insert(program.Extent.EndOffset, " --");
        return new IpipToolsException(
            $"'{word.Extent.Text}' after the program {name} was taken by PowerShell as an abbreviation of {_cmdlet}'s -{parameter.Name}, so {name} would not get it; nothing was run.",
            "ParameterAfterProgram", IpipErrorCategory.InvalidArgument,
            $"Put -- after the program's name, and PowerShell passes every word after it to the program as written: {withDashes}",
            word.Extent.Text);
    }

    /// <summary>
    /// Reads the words in order: the parameters given by name, the program, and the first word
    /// after it that PowerShell bound to a parameter by abbreviation (with that parameter).
    /// </summary>
    private (HashSet<string> Named, CommandElementAst? Program, CommandParameterAst? Bound, ParameterMetadata? BoundTo) Walk(bool namespaceFirst)
    {
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        CommandElementAst? program = null;
        var positionalBeforeProgram = namespaceFirst ? 1 : 0;
        for (var i = 1; i < _elements.Count; i++)
        {
            if (_elements[i] is not CommandParameterAst word)
            {
                if (program is null && positionalBeforeProgram-- == 0)
                {
                    program = _elements[i];
                }

                continue;
            }

            if (word.ParameterName == "-")
            {
                // --: PowerShell binds nothing after it.
                break;
            }

            var (parameter, exact) = Match(word.ParameterName);
            if (parameter is null)
            {
                // Not a parameter here: PowerShell passes the word on as written.
                continue;
            }

            // A parameter written out in full or as its alias (-ErrorAction, -ea, -PassThru,
            // -ArgumentList after -FilePath) is meant for the cmdlet, as PowerShell users write
            // them at the end; one reached by abbreviation after the program was the program's.
            if (program is not null && !exact)
            {
                return (named, program, word, parameter);
            }

            named.Add(parameter.Name);
            if (word.Argument is null && !parameter.SwitchParameter && i + 1 < _elements.Count)
            {
                i++;
                if (parameter.Name == ProgramParameter)
                {
                    program = _elements[i];
                }
            }
        }

        return (named, program, null, null);
    }

    /// <summary>
    /// The parameter PowerShell binds <paramref name="name"/> to, as its binder matches: an
    /// exact name or alias (Exact), else the one parameter it begins (the cmdlet's own before
    /// common ones); null when it begins none.
    /// </summary>
    private (ParameterMetadata? Parameter, bool Exact) Match(string name)
    {
        var exact = _parameters.Values.FirstOrDefault(p =>
            string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) || p.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
        if (exact is not null)
        {
            return (exact, true);
        }

        var prefixed = _parameters.Values.Where(p =>
            p.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase) || p.Aliases.Any(a => a.StartsWith(name, StringComparison.OrdinalIgnoreCase))).ToList();
        var own = prefixed.Where(p => !Cmdlet.CommonParameters.Contains(p.Name) && !Cmdlet.OptionalCommonParameters.Contains(p.Name)).ToList();
        return (own.Count == 1 ? own[0] : prefixed.FirstOrDefault(), false);
    }
}
