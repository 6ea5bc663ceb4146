using System.Reflection;
using System.Runtime.InteropServices;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// The built module (IpipTools.dll, copied beside the tests) opened for reading only:
/// PowerShellStandard's System.Management.Automation is a reference assembly that
/// cannot run, so attributes and IL are read through a MetadataLoadContext.
/// </summary>
public static class ModuleAssembly
{
    private static readonly Lazy<MetadataLoadContext> Context = new(Open);

    public static Assembly Module => Context.Value.LoadFromAssemblyName("IpipTools");

    public static Assembly Core => Context.Value.LoadFromAssemblyName("IpipTools.Core");

    public static Assembly Automation => Context.Value.LoadFromAssemblyName("System.Management.Automation");

    /// <summary>A type of the read-only universe by full name (from the module, the core, SMA or the runtime).</summary>
    public static Type TypeNamed(string fullName) =>
        new[] { Module, Core, Automation }.Select(a => a.GetType(fullName)).FirstOrDefault(t => t is not null)
        ?? Context.Value.CoreAssembly!.GetType(fullName)
        ?? throw new InvalidOperationException($"type {fullName} not found");

    private static MetadataLoadContext Open()
    {
        var here = AppContext.BaseDirectory;
        var ours = new[] { "IpipTools.dll", "IpipTools.Core.dll", "System.Management.Automation.dll" }.Select(f => Path.Combine(here, f)).ToList();
        foreach (var file in ours.Where(f => !File.Exists(f)))
        {
            throw new FileNotFoundException($"{file} is missing: build the test project (it copies the module and the reference assembly).", file);
        }

        var runtime = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll");
        return new MetadataLoadContext(new PathAssemblyResolver(runtime.Concat(ours)), typeof(object).Assembly.GetName().Name);
    }
}
