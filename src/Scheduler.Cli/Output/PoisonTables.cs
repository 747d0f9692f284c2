using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>Tables of the poison queue: its first messages, and one message with its whole text.</summary>
public static class PoisonTables
{
    public static IRenderable List(JsonNode? view)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Poison messages (about {Json.Text(view, "approximateCount", "0")})")
            .AddColumns("Message id", "Arrived", "Reads", "Text");
        foreach (var message in Json.Items(view))
        {
            table.AddRow(
                Display.Escape(Json.Str(message, "messageId")),
                Display.Escape(Json.Str(message, "insertedUtc")),
                Json.Text(message, "dequeueCount", "0"),
                Display.Escape(Display.Truncate(Json.Str(message, "text"), 80)));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no poison messages[/]", "", "", "");
        }

        return table;
    }

    public static IRenderable Show(JsonNode? message)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Poison message {Markup.Escape(Json.Text(message, "messageId"))}").AddColumns("Field", "Value");
        table.AddRow("Arrived", Display.Escape(Json.Str(message, "insertedUtc")));
        table.AddRow("Reads", Json.Text(message, "dequeueCount", "0"));
        table.AddRow("Text", Display.Escape(Json.Str(message, "text")));
        return table;
    }
}
