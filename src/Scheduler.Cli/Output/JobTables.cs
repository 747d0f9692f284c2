using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>Tables of jobs: the list, and one job's definition and state.</summary>
public static class JobTables
{
    public static IRenderable List(JsonNode? page, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Jobs")
            .AddColumns("Id", "Name", "Status", "Schedule", "Next due (UTC)", "Lane", "Tags");
        foreach (var job in Json.Items(page))
        {
            var next = Json.Time(job, "nextDueUtc");
            table.AddRow(
                Display.Escape(Json.Str(job, "id")),
                Display.Escape(Json.Str(job, "definition.name"), ""),
                Display.Status(Json.Str(job, "status")),
                Display.Escape(Schedule(Json.At(job, "definition.schedule"))),
                next is null ? "-" : $"{Display.Time(next)} [grey]{Markup.Escape(Display.Relative(next, now))}[/]",
                Display.Escape(Json.Str(job, "definition.lane")),
                Display.Escape(string.Join(", ", Json.Items(job, "definition.tags").Select(t => t.ToString())), ""));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no jobs[/]", "", "", "", "", "", "");
        }

        if (Json.Str(page, "continuation") is { } token)
        {
            table.Caption($"[grey]more: --continuation {Markup.Escape(token)}[/]");
        }

        return table;
    }

    public static IRenderable Show(JsonNode? job, DateTimeOffset now)
    {
        var d = Json.At(job, "definition");
        var zone = Display.Zone(Json.Str(d, "schedule.timeZone"));
        var next = Json.Time(job, "nextDueUtc");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "Id", Json.Str(job, "id"));
        Row(grid, "Name", Json.Str(d, "name"));
        grid.AddRow("[bold]Status[/]", Display.Status(Json.Str(job, "status")));
        Row(grid, "Target", Target(Json.At(d, "target")));
        Row(grid, "Schedule", Schedule(Json.At(d, "schedule")));
        Row(grid, "Next due", next is null ? null : $"{Display.Time(next)} ({Display.Relative(next, now)})" + (zone is null ? "" : $" = {Display.Time(next, zone)} {zone.Id}"));
        Row(grid, "Lane", Json.Str(d, "lane"));
        Row(grid, "Priority", Json.Str(d, "priority"));
        Row(grid, "Timeout", Json.Str(d, "timeout"));
        Row(grid, "Retry", $"{Json.Str(d, "retry.maxAttempts")} attempts, first {Json.Str(d, "retry.firstInterval")}, x{Json.Str(d, "retry.coefficient")}, max {Json.Str(d, "retry.maxInterval")}");
        Row(grid, "Overlap", Json.Str(d, "overlap"));
        Row(grid, "Misfire", $"{Json.Str(d, "misfire.action")} after {Json.Str(d, "misfire.threshold")} (window {Json.Str(d, "misfire.window")})");
        Row(grid, "Tags", string.Join(", ", Json.Items(d, "tags").Select(t => t.ToString())));
        Row(grid, "Runs", $"{Json.Text(job, "occurrences", "0")} scheduled, {Json.Text(job, "manualRuns", "0")} manual");
        Row(grid, "Last run", Json.Str(job, "lastRunId"));
        Row(grid, "Created", Display.Time(Json.Time(job, "createdUtc")));
        Row(grid, "Updated", Display.Time(Json.Time(job, "updatedUtc")));
        return new Panel(grid).Header($"Job {Markup.Escape(Json.Text(job, "id"))}").Border(BoxBorder.Rounded);
    }

    public static string Schedule(JsonNode? schedule) => Json.Str(schedule, "kind") switch
    {
        "Cron" => $"cron {Json.Str(schedule, "cron")} ({Json.Str(schedule, "timeZone") ?? "UTC"})",
        "Interval" => $"every {Json.Str(schedule, "interval")}",
        "Once" => $"once at {Display.Time(Json.Time(schedule, "at"))}",
        var other => other ?? "-",
    };

    public static string Target(JsonNode? target) => Json.Str(target, "type") switch
    {
        "http" => $"{Json.Str(target, "method") ?? "POST"} {Json.Str(target, "url")}",
        "queue" => $"queue {Json.Str(target, "queueName")}",
        "command" => $"command {Json.Str(target, "program")}",
        "ssh" => $"ssh {Json.Str(target, "connection") ?? Json.Str(target, "host")} ({Json.Items(target, "commands").Count()} commands)",
        var other => other ?? "-",
    };

    private static void Row(Grid grid, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            grid.AddRow($"[bold]{label}[/]", Markup.Escape(value));
        }
    }
}
