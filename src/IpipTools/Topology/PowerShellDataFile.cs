using System.Globalization;
using System.Management.Automation.Language;
using IpipTools.Core.DesiredState.Data;

namespace IpipTools.Topology;

/// <summary>
/// Reads a topology data file (.psd1) with PowerShell's own parser, never running it: the
/// file is parsed into an AST and only constants are taken from it (hashtables, arrays,
/// strings, numbers in any of PowerShell's literal forms, $true, $false, $null). Anything
/// that would run or read the session (a command, a variable, a subexpression, a string
/// that expands) is refused, like a syntax error, with the file, line and column. The
/// result is the core's <see cref="DataValue"/> tree, each value knowing where it stands,
/// so an unknown key or a wrong type found later is reported at its line and column too.
/// </summary>
public static class PowerShellDataFile
{
    private const string Allowed = "a data file may hold only @{ } hashtables, @( ) arrays, strings, numbers, $true, $false and $null";

    public static DataValue Read(string path)
    {
        var source = Path.GetFileName(path);
        var script = Parser.ParseFile(path, out _, out var errors);
        if (errors.Length > 0)
        {
            // The first error is the one to fix; later ones often follow from it.
            var first = errors[0];
            throw new TopologyFormatException(At(source, first.Extent), first.Message.TrimEnd('.'));
        }

        return new Walker(source).Document(script);
    }

    private static SourceLocation At(string source, IScriptExtent extent) =>
        new(source, extent.StartLineNumber, extent.StartColumnNumber, string.Empty);

    /// <summary>Turns the AST of one file into data, refusing every node that is not a constant.</summary>
    private sealed class Walker
    {
        private readonly string _source;

        public Walker(string source)
        {
            _source = source;
        }

        /// <summary>The whole file: exactly one value (a hashtable, for a topology), and nothing else.</summary>
        public DataValue Document(ScriptBlockAst document)
        {
            var code = (Ast?)document.ParamBlock ?? document.DynamicParamBlock ?? document.BeginBlock ?? document.ProcessBlock
                ?? (Ast?)document.UsingStatements.FirstOrDefault() ?? (document.ScriptRequirements is null ? null : document);
            if (code is not null)
            {
                throw Refuse(code.Extent, $"param, begin, process, using and #requires are script, not data; {Allowed}");
            }

            if (document.EndBlock?.Traps is { Count: > 0 } traps)
            {
                throw Refuse(traps[0].Extent, $"a trap is code, not data; {Allowed}");
            }

            var statements = document.EndBlock?.Statements ?? (IReadOnlyList<StatementAst>)Array.Empty<StatementAst>();
            if (statements.Count == 0)
            {
                throw new TopologyFormatException(new SourceLocation(_source, 1, 1, string.Empty),
                    "the data is empty; expected a hashtable such as @{ Namespaces = @( ... ) }");
            }

            if (statements.Count > 1)
            {
                throw Refuse(statements[1].Extent, $"a second value after the end of the data; {Allowed}");
            }

            return Statement(statements[0]);
        }

        /// <summary>A statement holding a value: a pipeline of one pure expression. A command or any other statement is code.</summary>
        private DataValue Statement(StatementAst statement)
        {
            if (statement is PipelineAst pipeline && pipeline.GetPureExpression() is { } expression)
            {
                return Value(expression);
            }

            if (statement is PipelineAst { PipelineElements: [CommandAst command, ..] })
            {
                var name = command.GetCommandName() ?? command.CommandElements[0].Extent.Text;
                throw new TopologyFormatException(At(_source, command.Extent),
                    $"'{name}' is a command, which a data file may not run; {Allowed}",
                    $"Quote it if it is a string: '{name}'.");
            }

            throw Refuse(statement.Extent, $"'{Excerpt(statement)}' is code, not data; {Allowed}");
        }

        private DataValue Value(ExpressionAst expression)
        {
            var location = At(_source, expression.Extent);
            switch (expression)
            {
                case HashtableAst hashtable:
                    return HashtableValue(hashtable, location);
                case ArrayLiteralAst literal:
                    return new DataList(location, literal.Elements.Select(Value).ToList());
                case ArrayExpressionAst array:
                    return ArrayExpression(array, location);
                case StringConstantExpressionAst text:
                    return new DataScalar(location, text.Value);
                case ExpandableStringExpressionAst expandable:
                    // Backtick escapes alone make a StringConstantExpressionAst; this one would expand.
                    throw new TopologyFormatException(At(_source, expandable.NestedExpressions.FirstOrDefault()?.Extent ?? expandable.Extent),
                        "'$' in a double-quoted string would expand a variable or run a subexpression, which a data file may not do",
                        "Use a single-quoted string, or escape the dollar sign as `$.");
                case ConstantExpressionAst constant:
                    return new DataScalar(location, Number(constant.Value, constant));
                case VariableExpressionAst variable:
                    return new DataScalar(location, Constant(variable));
                case ConvertExpressionAst or UnaryExpressionAst:
                    return new DataScalar(location, Evaluated(expression));
                default:
                    throw Refuse(expression.Extent, $"'{Excerpt(expression)}' is an expression, which a data file may not contain; write the value itself");
            }
        }

        private DataMap HashtableValue(HashtableAst hashtable, SourceLocation location)
        {
            var map = new DataMap(location);
            foreach (var (keyAst, valueAst) in hashtable.KeyValuePairs.Select(p => (p.Item1, p.Item2)))
            {
                var key = keyAst switch
                {
                    StringConstantExpressionAst text => text.Value,
                    ConstantExpressionAst constant => Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? string.Empty,
                    _ => throw Refuse(keyAst.Extent, $"the key '{Excerpt(keyAst)}' is an expression; a key must be a name or a quoted string"),
                };

                // PowerShell's parser already refuses a duplicate constant key; this keeps the rule in case it lets one through.
                if (!map.TryAdd(key, Statement(valueAst)))
                {
                    throw Refuse(keyAst.Extent, $"the key '{key}' appears twice in this hashtable (keys are matched in any letter case)");
                }
            }

            return map;
        }

        /// <summary>
        /// @( ) collects what each statement inside it outputs, and an array is output item by
        /// item: so a list inside is flattened one level, exactly as PowerShell does.
        /// </summary>
        private DataList ArrayExpression(ArrayExpressionAst array, SourceLocation location)
        {
            var items = new List<DataValue>();
            var block = array.SubExpression;
            if (block.Traps is { Count: > 0 } traps)
            {
                throw Refuse(traps[0].Extent, $"a trap is code, not data; {Allowed}");
            }

            foreach (var statement in block.Statements)
            {
                var value = Statement(statement);
                if (value is DataList list)
                {
                    items.AddRange(list.Items);
                }
                else
                {
                    items.Add(value);
                }
            }

            return new DataList(location, items);
        }

        /// <summary>$true, $false or $null; every other variable is refused, so reading cannot depend on the session.</summary>
        private object? Constant(VariableExpressionAst variable)
        {
            var path = variable.VariablePath;
            if (path.IsUnqualified && !variable.Splatted)
            {
                switch (path.UserPath.ToLowerInvariant())
                {
                    case "true":
                        return true;
                    case "false":
                        return false;
                    case "null":
                        return null;
                }
            }

            throw new TopologyFormatException(At(_source, variable.Extent),
                $"the variable {variable.Extent.Text} is not allowed: a data file holds constants only ($true, $false and $null), so nothing in it can run or read the session",
                "Write the value itself.");
        }

        /// <summary>
        /// A cast or a sign in front of a constant ([int]5, -0x10): PowerShell's SafeGetValue
        /// decides whether it can be had without running anything, and the result must be a
        /// string, a number or a boolean.
        /// </summary>
        private object? Evaluated(ExpressionAst expression)
        {
            object? value;
            try
            {
                value = expression.SafeGetValue();
            }
            catch (InvalidOperationException)
            {
                throw Refuse(expression.Extent, $"'{Excerpt(expression)}' is an expression PowerShell would have to run; write the value itself (a string or a number)");
            }

            return value is string or bool ? value : Number(value, expression);
        }

        /// <summary>A number as the core's data holds it: a long for integers, a double otherwise.</summary>
        private object Number(object? value, Ast ast) => value switch
        {
            byte or sbyte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            ulong u when u <= long.MaxValue => (long)u,
            decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
            ulong or float or double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw Refuse(ast.Extent, $"'{Excerpt(ast)}' is not a string, a number or a boolean; {Allowed}"),
        };

        private TopologyFormatException Refuse(IScriptExtent extent, string problem) => new(At(_source, extent), problem);

        /// <summary>The text of a node for a message: its first line, shortened.</summary>
        private static string Excerpt(Ast ast)
        {
            var text = ast.Extent.Text.Split('\n')[0].TrimEnd('\r');
            return text.Length <= 40 ? text : text[..37] + "...";
        }
    }
}
