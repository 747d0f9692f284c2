using System.Text.Json.Nodes;
using Spectre.Console;

namespace Scheduler.Cli.Output;

/// <summary>A job's alerts: sent and suppressed, newest first, with their delivery.</summary>
public static class AlertTables
{
    public static Table List(JsonNode? page, string jobId)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Alerts of {Markup.Escape(jobId)}")
            .AddColumns("At (UTC)", "Rule", "On", "Run", "Delivery", "Tries", "Reason", "Id");
        foreach (var alert in Json.Items(page))
        {
            var delivery = Json.Text(alert, "delivery");
            table.AddRow(
                Display.Time(Json.Time(alert, "atUtc")),
                Display.Escape(Json.Str(alert, "rule")),
                Display.Escape(Json.Str(alert, "on")),
                Display.Escape(Json.Str(alert, "runId")),
                delivery switch
                {
                    "delivered" => "[green]delivered[/]",
                    "gave-up" => "[red]gave up[/]",
                    "pending" => "[yellow]pending[/]",
                    _ => "[grey]suppressed[/]",
                },
                Display.Escape(Json.Str(alert, "tries")),
                Display.Escape(Display.Truncate(Json.Str(alert, "reason"), 60), ""),
                Display.Escape(Json.Str(alert, "id")));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no alerts yet[/]", "", "", "", "", "", "", "");
        }

        return table;
    }
}
