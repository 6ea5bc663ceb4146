using System.Diagnostics;
using System.Text;
using IpipTools.Bench;
using IpipTools.Bench.Benchmarks;
using IpipTools.Core.Rtnl.Routes;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var machine = MachineInfo.Read();
var started = DateTimeOffset.UtcNow;
var loadBefore = MachineInfo.LoadAverage();
Console.WriteLine($"IpipTools.Bench: {machine.Processors} CPUs ({machine.Cpu}), kernel {machine.Kernel}, load {loadBefore}");

WarmUp();
var tables = new List<ResultTable>();
var clock = Stopwatch.StartNew();
if (options.Runs("routes"))
{
    tables.Add(Show(RouteProgrammingBenchmark.Run(options.RouteCounts, options.Repetitions, options.PerProcessSample)));
}

if (options.Runs("dump"))
{
    tables.Add(Show(RouteDumpBenchmark.Run(options.DumpCounts, options.Repetitions)));
}

if (options.Runs("tunnels"))
{
    tables.Add(Show(TunnelCreationBenchmark.Run(options.TunnelCount, options.Repetitions)));
}

if (options.Runs("mesh"))
{
    tables.Add(Show(MeshConvergenceBenchmark.Run(options.MeshPeers, options.Repetitions)));
}

// The cmdlet figures (what users run) come first; this program's are the core API's.
var cmdletSections = MarkedSection.From(options.Output, "cmdlets") + MarkedSection.From(options.Output, "cmdlets-qemu");
var qemuSection = MarkedSection.From(options.Output, "qemu");
var report = new StringBuilder();
report.AppendLine("# IpipTools benchmark results").AppendLine();
report.Append(cmdletSections);
report.AppendLine("# Core API (C#: IpipTools.Core called directly, no PowerShell; not what a user runs)").AppendLine();
report.AppendLine($"- date: {started:yyyy-MM-dd HH:mm} UTC, {clock.Elapsed.TotalSeconds:0} s");
report.AppendLine($"- machine: {machine.Processors} CPUs, {machine.Cpu}, kernel {machine.Kernel}, {machine.Runtime}, {machine.IpVersion}");
report.AppendLine($"- load average (1 min): {loadBefore} before, {MachineInfo.LoadAverage()} after (the machine is shared; wall times move with it)");
report.AppendLine($"- command: `dotnet run -c Release --project bench/IpipTools.Bench --{(args.Length == 0 ? string.Empty : " " + string.Join(' ', args))}`");
report.AppendLine("- each figure is the median of the runs; every contestant works in a fresh throwaway namespace; user/system are the CPU time of the process doing the work (IpipTools: this process, all threads; iproute2: the `ip` children)").AppendLine();
foreach (var table in tables)
{
    table.WriteMarkdown(report);
}

if (options.Output is string path)
{
    File.WriteAllText(path, report.Append(qemuSection).ToString());
    Console.WriteLine($"results written to {path}");
}

return 0;

static ResultTable Show(ResultTable table)
{
    var text = new StringBuilder();
    table.WriteMarkdown(text);
    Console.WriteLine(text);
    return table;
}

// JIT the measured paths first, so the figures are of steady-state code, as in a long-lived
// PowerShell session. The pause lets the runtime install the optimised (tier-1) code it
// compiles in the background after the first calls.
static void WarmUp()
{
    using var target = new BenchNamespace();
    var workload = new RouteWorkload(2000, BenchNamespace.Device);
    using var client = target.Connect();
    for (var round = 0; round < 6; round++)
    {
        client.Routes.AddMany(workload.Specs(), replace: true).ThrowIfAnyFailed();
        client.Routes.Stream(RouteQuery.MainTable, _ => { });
        _ = client.Routes.List();
        if (round == 2)
        {
            Thread.Sleep(500);
        }
    }
}
