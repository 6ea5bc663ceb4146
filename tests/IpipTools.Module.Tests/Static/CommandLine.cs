using System.Text.RegularExpressions;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// One command of an example bound the way PowerShell's binder starts: named
/// parameters (full name, alias or unique prefix; switches take no value; -Name:value
/// form too), then positional arguments in Position order, the rest to a
/// ValueFromRemainingArguments parameter; after "--" every word is positional.
/// </summary>
public sealed record CommandLine(CmdletModel Cmdlet, IReadOnlySet<string> Bound, IReadOnlyList<string> Problems)
{
    /// <summary>Cmdlet-shaped names that belong to this module's nouns (a typo in one should fail, not be skipped).</summary>
    public static bool LooksLikeOurs(string command) =>
        Regex.IsMatch(command, "^[A-Z][a-z]+-(Ipip|Tunnel|Onlink|NetNamespace|NetLink|Veth|IpForwarding)", RegexOptions.None);

    public static CommandLine Parse(CmdletModel cmdlet, string segment)
    {
        var words = ExampleScripts.Words(segment).Skip(1).ToList();
        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var positional = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "--")
            {
                // End of parameters: PowerShell binds everything after it by position.
                positional.AddRange(words.Skip(i + 1));
                break;
            }

            if (!Regex.IsMatch(word, "^-[A-Za-z]"))
            {
                positional.Add(word);
                continue;
            }

            var name = word[1..].Split(':')[0];
            if (CmdletModel.CommonParameters.Contains(name))
            {
                i += name is "ErrorAction" or "WarningAction" or "ErrorVariable" or "OutVariable" or "InformationAction" && !word.Contains(':') ? 1 : 0;
                continue;
            }

            var matches = cmdlet.Parameters.Where(p => p.Answers(name)).ToList();
            if (matches.Count == 0)
            {
                matches = cmdlet.Parameters.Where(p => p.Names.Any(n => n.StartsWith(name, StringComparison.OrdinalIgnoreCase))).ToList();
            }

            if (matches.Count != 1)
            {
                problems.Add($"{cmdlet.Name} has {(matches.Count == 0 ? "no" : "more than one")} parameter -{name}");
                continue;
            }

            bound.Add(matches[0].Name);
            if (!matches[0].IsSwitch && !word.Contains(':'))
            {
                i++;
            }
        }

        var open = cmdlet.Parameters.Where(p => p.Position is not null && !bound.Contains(p.Name)).OrderBy(p => p.Position).ToList();
        for (var i = 0; i < positional.Count; i++)
        {
            if (i < open.Count)
            {
                bound.Add(open[i].Name);
            }
            else if (cmdlet.Parameters.FirstOrDefault(p => p.RemainingArguments) is { } rest)
            {
                bound.Add(rest.Name);
            }
            else
            {
                problems.Add($"{cmdlet.Name} has no position for argument '{positional[i]}'");
            }
        }

        return new CommandLine(cmdlet, bound, problems);
    }
}
