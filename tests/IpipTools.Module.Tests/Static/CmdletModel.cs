using System.Collections.ObjectModel;
using System.Reflection;

namespace IpipTools.Module.Tests.Static;

/// <summary>A parameter as PowerShell's binder sees it, read from [Parameter] and [Alias].</summary>
public sealed record CmdletParameter(
    string Name,
    Type Type,
    IReadOnlyList<string> Aliases,
    bool Mandatory,
    int? Position,
    bool FromPipeline,
    bool ByPropertyName,
    bool RemainingArguments)
{
    public bool IsSwitch => Type.FullName == "System.Management.Automation.SwitchParameter";

    public IEnumerable<string> Names => Aliases.Prepend(Name);

    public bool Answers(string name) => Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A [Cmdlet] class of the module and what its attributes declare.</summary>
public sealed record CmdletModel(
    Type Type,
    string Verb,
    string Noun,
    bool SupportsShouldProcess,
    string ConfirmImpact,
    IReadOnlyList<Type> OutputTypes,
    IReadOnlyList<CmdletParameter> Parameters)
{
    public const string Attributes = "System.Management.Automation.";

    /// <summary>Parameters every cmdlet has from PowerShell itself (and -WhatIf/-Confirm with ShouldProcess).</summary>
    public static readonly IReadOnlySet<string> CommonParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf",
    };

    public string Name => $"{Verb}-{Noun}";

    public static IReadOnlyList<CmdletModel> All { get; } = Load();

    public static CmdletModel Named(string name) =>
        All.SingleOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"no cmdlet {name}");

    public static CmdletModel? Find(string name) => All.SingleOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public CmdletParameter? Parameter(string name) => Parameters.SingleOrDefault(p => p.Answers(name));

    private static IReadOnlyList<CmdletModel> Load() => ModuleAssembly.Module.GetTypes()
        .Select(t => (Type: t, Cmdlet: Attribute(t.GetCustomAttributesData(), "CmdletAttribute")))
        .Where(x => x.Cmdlet is not null)
        .Select(x => Read(x.Type, x.Cmdlet!))
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    private static CmdletModel Read(Type type, CustomAttributeData cmdlet)
    {
        var outputTypes = type.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == Attributes + "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
            .OfType<Type>()
            .ToList();
        return new CmdletModel(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            Named<bool>(cmdlet, "SupportsShouldProcess"),
            ConfirmImpactName(cmdlet),
            outputTypes,
            ReadParameters(type));
    }

    private static IReadOnlyList<CmdletParameter> ReadParameters(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, Parameter: Attribute(p.GetCustomAttributesData(), "ParameterAttribute")))
        .Where(x => x.Parameter is not null)
        .Select(x =>
        {
            var p = x.Parameter!;
            var aliases = x.Property.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == Attributes + "AliasAttribute")
                .SelectMany(a => (ReadOnlyCollection<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(v => (string)v.Value!)
                .ToList();
            var position = p.NamedArguments.Where(n => n.MemberName == "Position").Select(n => (int?)(int)n.TypedValue.Value!).FirstOrDefault();
            return new CmdletParameter(x.Property.Name, x.Property.PropertyType, aliases, Named<bool>(p, "Mandatory"),
                position is >= 0 ? position : null, Named<bool>(p, "ValueFromPipeline"), Named<bool>(p, "ValueFromPipelineByPropertyName"),
                Named<bool>(p, "ValueFromRemainingArguments"));
        })
        .ToList();

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.FullName == Attributes + name);

    private static T Named<T>(CustomAttributeData attribute, string name) where T : struct =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => (T)n.TypedValue.Value!).FirstOrDefault();

    /// <summary>ConfirmImpact by name (the enum's value is read as a number from metadata).</summary>
    private static string ConfirmImpactName(CustomAttributeData cmdlet)
    {
        var value = cmdlet.NamedArguments.Where(n => n.MemberName == "ConfirmImpact").Select(n => (int?)Convert.ToInt32(n.TypedValue.Value)).FirstOrDefault();
        var enumType = ModuleAssembly.Automation.GetType(Attributes + "ConfirmImpact")!;
        return value is int v ? enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Single(f => Convert.ToInt32(f.GetRawConstantValue()) == v).Name : "Medium";
    }
}
