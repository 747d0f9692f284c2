using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>Tables of the operations endpoints: config, stats and schedule previews.</summary>
public static class OpsTables
{
    /// <summary>The final statuses /api/stats counts (runs that ended in the last hour).</summary>
    private static readonly string[] RunStatuses = ["Succeeded", "Failed", "Canceled", "Skipped"];

    public static IRenderable Config(JsonNode? config)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Config").AddColumns("Setting", "Value");
        table.AddRow("Pause all", Json.Bool(config, "pauseAll") ? "[yellow]yes[/]" : "no");
        table.AddRow("Default lane budget", Json.Text(config, "defaultLaneConcurrency"));
        if (Json.At(config, "lanes") is JsonObject lanes)
        {
            foreach (var (lane, budget) in lanes.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                table.AddRow($"Lane [bold]{Markup.Escape(lane)}[/]", Markup.Escape(budget?.ToString() ?? "-"));
            }
        }

        return table;
    }

    public static IRenderable Stats(JsonNode? stats)
    {
        var runs = Json.At(stats, "runsLastHour");
        var jobs = Json.At(stats, "jobsByStatus");
        var summary = new Table().Border(TableBorder.Rounded).Title("Scheduler").AddColumns("Measure", "Value");
        summary.AddRow("Jobs", $"{Json.Count(jobs, "Active")} active, {Json.Count(jobs, "Paused")} paused, {Json.Count(jobs, "Completed")} completed");
        summary.AddRow("Runs (last hour)", string.Join(", ", RunStatuses.Select(s => $"{Json.Count(runs, s)} {s.ToLowerInvariant()}")) + " (ended)");
        summary.AddRow("Throttled", Json.Text(stats, "throttled", "0"));
        summary.AddRow("Lateness p50 / p95 / p99", $"{Display.Duration(Json.Number(stats, "latenessMs.p50"))} / {Display.Duration(Json.Number(stats, "latenessMs.p95"))} / {Display.Duration(Json.Number(stats, "latenessMs.p99"))} ({Json.Text(stats, "latenessMs.samples", "0")} samples)");
        summary.AddRow("Pause all", Json.Bool(stats, "pauseAll") ? "[yellow]yes[/]" : "no");
        summary.AddRow("Last sweep", Display.Time(Json.Time(stats, "lastSweepUtc")));

        var lanes = new Table().Border(TableBorder.Rounded).Title("Lanes").AddColumns("Lane", "In use", "Budget");
        foreach (var lane in Json.Items(stats, "lanes"))
        {
            lanes.AddRow(Display.Escape(Json.Str(lane, "lane")), Json.Text(lane, "inUse", "0"), Json.Text(lane, "budget", "0"));
        }

        return new Rows(summary, lanes);
    }

    /// <summary>The next occurrences in UTC and in the schedule's zone (with its offset); a column of daylight-saving notes
    /// appears when a change moved an occurrence or repeated its local time.</summary>
    public static IRenderable Preview(JsonNode? preview)
    {
        var zone = Json.Text(preview, "timeZone", "UTC");
        var occurrences = Json.Items(preview, "occurrences").ToList();
        var notes = occurrences.Any(o => Json.Str(o, "note") is { Length: > 0 });
        var table = new Table().Border(TableBorder.Rounded).Title("Next occurrences").AddColumns("#", "UTC", Markup.Escape(zone));
        if (notes)
        {
            table.AddColumn("Daylight saving");
        }

        var n = 0;
        foreach (var occurrence in occurrences)
        {
            n++;
            var cells = new List<string> { n.ToString(System.Globalization.CultureInfo.InvariantCulture), Display.Time(Json.Time(occurrence, "utc")), Display.Time(Json.Time(occurrence, "local"), keepOffset: true) };
            if (notes)
            {
                cells.Add(Json.Str(occurrence, "note") is { Length: > 0 } note ? $"[yellow]{Markup.Escape(note)}[/]" : "");
            }

            table.AddRow(cells.ToArray());
        }

        if (n == 0)
        {
            table.AddRow("[grey]none[/]", "", "");
        }

        return table;
    }
}
