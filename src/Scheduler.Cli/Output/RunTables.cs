using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>Tables of runs: a job's runs, and one run with its attempts and per-command results.</summary>
public static class RunTables
{
    /// <summary>A page of runs: of one job, or of every job when <paramref name="jobId"/> is null.</summary>
    public static Table List(JsonNode? page, string? jobId)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(jobId is null ? "Runs of every job" : $"Runs of {Markup.Escape(jobId)}")
            .AddColumns("Run", "Status", "Trigger", "Due (UTC)", "Attempts", "Lateness", "Duration", "Last error");
        foreach (var run in Json.Items(page))
        {
            var started = Json.Time(run, "startedUtc");
            var finished = Json.Time(run, "finishedUtc");
            table.AddRow(
                Display.Escape(Json.Str(run, "runId")),
                Display.Status(Json.Str(run, "status")),
                Display.Escape(Json.Str(run, "trigger")),
                Display.Time(Json.Time(run, "dueUtc")),
                Attempts(run),
                Display.Duration(Json.Number(run, "latenessMs")),
                started is { } s && finished is { } f ? Display.Duration((f - s).TotalMilliseconds) : "-",
                Display.Escape(Display.Truncate(Json.Str(run, "lastError"), 60), ""));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no runs yet[/]", "", "", "", "", "", "", "");
        }

        return table;
    }

    public static IRenderable Show(JsonNode? run)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "Run", Json.Str(run, "runId"));
        grid.AddRow("[bold]Status[/]", Display.Status(Json.Str(run, "status")) + (Json.Bool(run, "cancelRequested") ? " [yellow](cancel requested)[/]" : ""));
        Row(grid, "Trigger", Json.Str(run, "trigger"));
        Row(grid, "Started by", Json.Str(run, "parent.runId") is { } parent ? $"run {parent} ({Json.Text(run, "parent.status")}): scheduler runs show {parent}" : null);
        foreach (var (name, value) in Json.At(run, "parameters") as JsonObject ?? [])
        {
            Row(grid, $"Parameter {Markup.Escape(name)}", value?.ToString() is { Length: > 0 } text ? text : "(empty)");
        }

        Row(grid, "Lane", Json.Str(run, "lane"));
        Row(grid, "Due", Display.Time(Json.Time(run, "dueUtc")));
        Row(grid, "Started", Display.Time(Json.Time(run, "startedUtc")));
        Row(grid, "Finished", Display.Time(Json.Time(run, "finishedUtc")));
        Row(grid, "Lateness", Display.Duration(Json.Number(run, "latenessMs")));
        Row(grid, "Last error", Json.Str(run, "lastError"));
        Row(grid, "Result", Display.Truncate(Json.Str(run, "resultExcerpt"), 200));

        var attempts = new Table().Border(TableBorder.Rounded).Title("Attempts")
            .AddColumns("#", "Status", "Started (UTC)", "Duration", "Code", "Error / response");
        foreach (var attempt in Json.Items(run, "attempts"))
        {
            var code = Json.Str(attempt, "statusCode") is { } http ? $"HTTP {http}" : Json.Str(attempt, "exitCode") is { } exit ? $"exit {exit}" : "-";
            var detail = Json.Str(attempt, "error") ?? Json.Str(attempt, "responseExcerpt");
            attempts.AddRow(
                Display.Escape(Json.Str(attempt, "number")),
                Display.Status(Json.Str(attempt, "status")),
                Display.Time(Json.Time(attempt, "startedUtc")),
                Display.Duration(Json.Number(attempt, "durationMs")),
                Markup.Escape(code),
                Display.Escape(Display.Truncate(detail, 100), ""));
            foreach (var command in Json.Items(attempt, "commands"))
            {
                attempts.AddRow("", "", "", Markup.Escape(Json.Text(command, "duration")), Markup.Escape($"exit {Json.Text(command, "exitCode")}"),
                    $"[grey]$ {Markup.Escape(Json.Text(command, "command"))}[/] {Markup.Escape(Display.Truncate(Json.Str(command, "error") ?? Json.Str(command, "stdout") ?? Json.Str(command, "stderr"), 80))}");
            }
        }

        if (attempts.Rows.Count == 0)
        {
            attempts.AddRow("[grey]none yet[/]", "", "", "", "", "");
        }

        return new Rows(new Panel(grid).Header("Run").Border(BoxBorder.Rounded), attempts);
    }

    private static string Attempts(JsonNode run)
    {
        var count = Json.Text(run, "attemptCount", "0");
        return Json.Str(run, "inFlightAttempt") is { } inFlight ? string.Create(CultureInfo.InvariantCulture, $"{count} (+#{inFlight})") : count;
    }

    private static void Row(Grid grid, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value) && value != "-")
        {
            grid.AddRow($"[bold]{label}[/]", Markup.Escape(value));
        }
    }
}
