using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>The table of audit entries: who changed what, and when.</summary>
public static class AuditTables
{
    public static IRenderable List(JsonNode? page)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("When", "Who", "Operation", "Kind", "Entity");
        foreach (var entry in Json.Items(page))
        {
            table.AddRow(
                Display.Escape(Json.Str(entry, "atUtc")),
                Display.Escape(Json.Str(entry, "caller")),
                Display.Escape(Json.Str(entry, "operation")),
                Display.Escape(Json.Str(entry, "entityKind")),
                Display.Escape(Json.Str(entry, "entityId")));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no changes[/]", "", "", "", "");
        }

        return table;
    }
}
