using Custodian.Bench;

// bench generate --db sqlite|postgres [--conn …] --data DIR [--scale 1]
// bench run      --db sqlite|postgres [--conn …] --data DIR --server path/Custodian.Server.dll
//                [--duration 10] [--concurrency 4] [--out results.md] [--label text] [--only "name|name"]  (parts of scenario names, which hold commas)
//                [--floor bench/floor/floor] [--env "NAME=value,…"]  (settings for the server process only)
// bench footprint --db … --data DIR --server path/Custodian.Server.dll|published/Custodian.Server [--env "NAME=value,…"] [--label text] [--out file] [--smaps file]
var options = Options.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var dataDirectory = Path.GetFullPath(options.Get("data", "bench-data"));
Directory.CreateDirectory(dataDirectory);
var database = BenchDatabase.From(options.Get("db", "sqlite"), options.Find("conn"), dataDirectory);
var manifestPath = Path.Combine(dataDirectory, $"manifest-{database.Provider.ToString().ToLowerInvariant()}.json");

switch (options.Command)
{
    case "generate":
        var shape = BenchShape.Full.Scale(double.Parse(options.Get("scale", "1"), System.Globalization.CultureInfo.InvariantCulture));
        var manifest = await new DataGenerator(database, shape, Console.Out).RunAsync(cancel.Token);
        manifest.Save(manifestPath);
        Console.WriteLine($"manifest: {manifestPath}");
        return 0;
    case "run":
        var driver = new LoadDriver(database, BenchManifest.Load(manifestPath), options, dataDirectory);
        var report = await driver.RunAsync(cancel.Token);
        Console.WriteLine(report);
        if (options.Find("out") is { } output)
        {
            await File.AppendAllTextAsync(output, report + Environment.NewLine, cancel.Token);
        }
        return driver.Failed ? 1 : 0;
    case "footprint":
        var footprint = await new Footprint(database, BenchManifest.Load(manifestPath), options, dataDirectory).RunAsync(cancel.Token);
        Console.WriteLine(footprint);
        if (options.Find("out") is { } footprintOutput)
        {
            if (!File.Exists(footprintOutput))
            {
                await File.AppendAllTextAsync(footprintOutput, Footprint.Header + Environment.NewLine, cancel.Token);
            }
            await File.AppendAllTextAsync(footprintOutput, footprint + Environment.NewLine, cancel.Token);
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: bench generate|run --db sqlite|postgres [--conn …] --data DIR …");
        return 2;
}

/// <summary>--name value pairs after a command word.</summary>
sealed record Options(string Command, IReadOnlyDictionary<string, string> Values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new(args.FirstOrDefault() ?? "", values);
    }

    public string? Find(string name) => Values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => Values.GetValueOrDefault(name) ?? fallback;

    /// <summary><c>--env "NAME=value,…"</c>: settings for the server process only (runtime knobs measured one at a time).</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment() =>
        (Find("env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);

    public int Int(string name, int fallback) => Values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
