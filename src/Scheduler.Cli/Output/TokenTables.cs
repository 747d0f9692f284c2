using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>Tables of trigger tokens: a new one with its text, a job's list.</summary>
public static class TokenTables
{
    public static IRenderable Created(JsonNode? token)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Trigger token {Markup.Escape(Json.Text(token, "id"))} (shown once: keep it now)").AddColumns("Field", "Value");
        table.AddRow("Job", Display.Escape(Json.Str(token, "jobId")));
        table.AddRow("Name", Display.Escape(Json.Str(token, "name")));
        table.AddRow("Expires", Display.Escape(Json.Text(token, "expiresUtc", "never")));
        table.AddRow("Token", Display.Escape(Json.Str(token, "token")));
        table.AddRow("Send to", Display.Escape($"POST {Json.Str(token, "triggerUrl")} with 'Authorization: Bearer <token>'"));
        return table;
    }

    public static IRenderable List(JsonNode? page)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Name", "Created", "Expires", "Created by");
        foreach (var token in Json.Items(page))
        {
            table.AddRow(
                Display.Escape(Json.Str(token, "id")),
                Display.Escape(Json.Str(token, "name")),
                Display.Escape(Json.Str(token, "createdUtc")),
                Display.Escape(Json.Text(token, "expiresUtc", "never")),
                Display.Escape(Json.Str(token, "createdBy")));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no trigger tokens[/]", "", "", "", "");
        }

        return table;
    }
}
