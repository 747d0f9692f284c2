using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduler.Testing;

namespace Scheduler.Bench.Infra;

/// <summary>Console tables and the JSON results under <c>bench/results/</c>.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ResultsFolder => Path.Combine(RepoRoot.Find(), "bench", "results");

    public static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine("== " + text);
    }

    public static void Line(string text) => Console.WriteLine("   " + text);

    /// <summary>Prints rows under headers, columns padded to their widest cell (numbers right-aligned).</summary>
    public static void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        var output = new StringBuilder();
        void Row(IReadOnlyList<string> cells)
        {
            output.Append("   |");
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < cells.Count ? cells[i] : "";
                var numeric = cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] == '-' || cell[0] == '+') && i > 0;
                output.Append(' ').Append(numeric ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])).Append(" |");
            }

            output.AppendLine();
        }

        Row(headers);
        output.Append("   |");
        foreach (var width in widths)
        {
            output.Append(new string('-', width + 2)).Append('|');
        }

        output.AppendLine();
        foreach (var row in all)
        {
            Row(row);
        }

        Console.Write(output.ToString());
    }

    /// <summary>Writes <c>bench/results/{scenario}.json</c> with the machine and date around the scenario's own result.</summary>
    public static string Write(string scenario, object result)
    {
        Directory.CreateDirectory(ResultsFolder);
        var path = Path.Combine(ResultsFolder, scenario + ".json");
        var document = new
        {
            scenario,
            dateUtc = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            machine = Machine.Describe(),
            source = Machine.Source,
            result,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        Line($"written: {Path.GetRelativePath(RepoRoot.Find(), path)}");
        return path;
    }

    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Ms(double value) => value < 10 ? N(value, 2) : value < 100 ? N(value, 1) : N(value, 0);
}

/// <summary>What this machine is, for the results.</summary>
internal static class Machine
{
    public static object Describe() => new
    {
        cores = Environment.ProcessorCount,
        memoryGiB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
        cpu = CpuModel(),
        os = RuntimeInformation.OSDescription,
        dotnet = RuntimeInformation.FrameworkDescription,
        azurite = AzuriteVersion(),
    };

    /// <summary>The commit measured, read when the benchmark starts (scripts/bench.sh builds right before), so that commits
    /// landing while a long scenario runs are not credited with its numbers.</summary>
    public static string Source { get; } = Commit();

    /// <summary>HEAD ("+ local changes in src/" when the work tree differs from it).</summary>
    public static string Commit()
    {
        try
        {
            var root = RepoRoot.Find();
            var head = Git(root, "rev-parse --short HEAD").Trim();
            var dirty = Git(root, "status --porcelain --untracked-files=no -- src").Trim().Length > 0;
            return dirty ? head + " + local changes in src/" : head;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return "unknown";
        }
    }

    private static string Git(string root, string arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("git did not start");
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output;
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string AzuriteVersion()
    {
        try
        {
            var package = Path.Combine(RepoRoot.Find(), "node_modules", "azurite", "package.json");
            using var json = JsonDocument.Parse(File.ReadAllText(package));
            return json.RootElement.GetProperty("version").GetString() ?? "unknown";
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException)
        {
            return "unknown";
        }
    }
}

/// <summary>Order statistics.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile (p in 0..100); NaN when empty.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
