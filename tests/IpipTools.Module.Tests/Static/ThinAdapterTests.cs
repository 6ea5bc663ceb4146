using System.Reflection;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// The cmdlet classes hold no logic a core test cannot reach. The enforced rule, for
/// every method of every [Cmdlet] class and of the types the compiler nests in it
/// (lambdas, closures), and of the completers:
/// <list type="bullet">
/// <item>no loop (no backward branch in the IL): iteration belongs to the core;</item>
/// <item>no exception handler: failures are mapped once, in IpipCmdlet.ProcessRecord;</item>
/// <item>at most <see cref="MaxConditionalBranches"/> conditional branches (the
/// ShouldProcess check, a -PassThru choice, a null check);</item>
/// <item>at most <see cref="MaxIlBytes"/> bytes of IL (binding parameters into one
/// request object and one core call fit well inside);</item>
/// <item>no methods besides ProcessItem, StopProcessing, constructors and the
/// parameters' accessors.</item>
/// </list>
/// The shared base classes (Infrastructure/) may branch but not loop; IpipCmdlet's
/// ProcessRecord holds the module's one exception handler.
/// </summary>
public sealed class ThinAdapterTests
{
    public const int MaxConditionalBranches = 2;

    public const int MaxIlBytes = 256;

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly HashSet<string> AllowedMethods = new(StringComparer.Ordinal) { "ProcessItem", "StopProcessing", ".ctor", ".cctor" };

    public static TheoryData<string> CmdletTypes => new(CmdletModel.All.Select(c => c.Type.FullName!));

    [Theory]
    [MemberData(nameof(CmdletTypes))]
    public void CmdletIsAThinAdapter(string typeName)
    {
        var type = ModuleAssembly.Module.GetType(typeName)!;
        var parameterAccessors = type.GetProperties(Declared).SelectMany(p => new[] { p.GetMethod, p.SetMethod }).Where(m => m is not null).Select(m => m!.Name).ToHashSet();
        foreach (var method in type.GetMethods(Declared).Where(m => !parameterAccessors.Contains(m.Name)))
        {
            Assert.True(AllowedMethods.Contains(method.Name), $"{type.Name}.{method.Name}: cmdlets declare only ProcessItem/StopProcessing; move the logic into the core");
        }

        foreach (var (name, flow) in Bodies(type))
        {
            Assert.False(flow.HasLoop, $"{name} loops; iterate in the core");
            Assert.True(flow.ExceptionHandlers == 0, $"{name} catches exceptions; IpipCmdlet maps failures");
            Assert.True(flow.ConditionalBranches <= MaxConditionalBranches, $"{name} has {flow.ConditionalBranches} conditional branches (at most {MaxConditionalBranches})");
            Assert.True(flow.Size <= MaxIlBytes, $"{name} is {flow.Size} bytes of IL (at most {MaxIlBytes})");
        }
    }

    [Fact]
    public void SupportCodeDoesNotLoop()
    {
        var support = ModuleAssembly.Module.GetTypes().Where(t => t.Namespace is "IpipTools.Infrastructure" or "IpipTools.Completers" && !t.IsNested);
        foreach (var type in support)
        {
            foreach (var (name, flow) in Bodies(type))
            {
                Assert.False(flow.HasLoop, $"{name} loops");
                Assert.True(flow.ExceptionHandlers == 0 || name == "IpipCmdlet.ProcessRecord", $"{name} has an exception handler");
            }
        }
    }

    [Fact]
    public void TheRuleCatchesALoop()
    {
        // A method of this test assembly that loops, read through the same IL walker.
        var flow = IlBranches.Of(typeof(ThinAdapterTests).GetMethod(nameof(Sum), BindingFlags.NonPublic | BindingFlags.Static)!);
        Assert.True(flow.HasLoop);
        Assert.True(flow.ConditionalBranches >= 1);
    }

    private static int Sum(int[] values)
    {
        var total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    private static IEnumerable<(string Name, IlBranches Flow)> Bodies(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared))
            .Select(m => ($"{type.Name}.{m.Name}", IlBranches.Of(m)))
            .Concat(type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).SelectMany(Bodies));
}
