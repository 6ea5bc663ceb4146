using System.Reflection;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// Whether objects of a cmdlet's declared output type bind to the next cmdlet's
/// parameters by property name (or by value), as PowerShell would bind them:
/// every mandatory parameter the command line leaves open must be filled from the
/// object, a property matching a by-property-name parameter (name or alias) must have
/// an assignable type, and an object carrying a Namespace must keep the next cmdlet
/// in that namespace.
/// </summary>
public static class PipelineBinding
{
    public static IReadOnlyList<string> Problems(Type input, CommandLine next)
    {
        var problems = new List<string>();
        var properties = input.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var fromPipeline = new List<string>();
        foreach (var parameter in next.Cmdlet.Parameters.Where(p => !next.Bound.Contains(p.Name)))
        {
            if (parameter.FromPipeline && Assignable(parameter.Type, input))
            {
                fromPipeline.Add(parameter.Name);
                continue;
            }

            var property = parameter.ByPropertyName
                ? parameter.Names.Select(n => properties.FirstOrDefault(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(p => p is not null)
                : null;
            if (property is not null && !Assignable(parameter.Type, property.PropertyType))
            {
                problems.Add($"{input.Name}.{property.Name} ({property.PropertyType.Name}) cannot bind to -{parameter.Name} ({parameter.Type.Name}) of {next.Cmdlet.Name}");
            }
            else if (property is not null)
            {
                fromPipeline.Add(parameter.Name);
            }
            else if (parameter.Mandatory)
            {
                problems.Add($"{next.Cmdlet.Name} -{parameter.Name} is mandatory, not given, and {input.Name} has no property {string.Join("/", parameter.Names)}");
            }
        }

        if (fromPipeline.Count == 0)
        {
            problems.Add($"no parameter of {next.Cmdlet.Name} binds a {input.Name} from the pipeline");
        }

        // The namespace parameter may be -NetNamespace itself or carry it as an alias (the
        // namespace cmdlets' -Name); either way it must be filled from the object.
        if (properties.Any(p => p.Name == "Namespace") && next.Cmdlet.Parameter("NetNamespace") is { ByPropertyName: true } namespaceParameter
            && !fromPipeline.Contains(namespaceParameter.Name) && !next.Bound.Contains(namespaceParameter.Name))
        {
            problems.Add($"{input.Name}.Namespace does not reach -NetNamespace of {next.Cmdlet.Name}");
        }

        return problems;
    }

    /// <summary>Assignable as the binder converts: same or derived type, T to T?, T? to T, anything to string or object.</summary>
    public static bool Assignable(Type target, Type source)
    {
        static Type Underlying(Type t) => t.IsGenericType && t.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? t.GetGenericArguments()[0] : t;
        var to = Underlying(target);
        var from = Underlying(source);
        return to.IsAssignableFrom(from) || to.FullName is "System.String" or "System.Object";
    }
}
