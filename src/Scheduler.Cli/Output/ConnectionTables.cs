using System.Text.Json.Nodes;
using Scheduler.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>Tables of SSH connection profiles: the list, and one profile.</summary>
public static class ConnectionTables
{
    public static IRenderable List(JsonNode? list)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Connections")
            .AddColumns("Name", "Endpoint", "Secret ref", "Host key", "Connect", "Command");
        foreach (var profile in Json.Items(list))
        {
            table.AddRow(
                Display.Escape(Json.Str(profile, "name")),
                Display.Escape(ConnectionsCommand.Endpoint(profile)),
                Display.Escape(Json.Str(profile, "secretRef")),
                Display.Escape(Json.Str(profile, "hostKeyFingerprint")),
                Display.Escape(Json.Str(profile, "connectTimeout")),
                Display.Escape(Json.Str(profile, "commandTimeout")));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("[grey]no connections[/]", "", "", "", "", "");
        }

        return table;
    }

    public static IRenderable Show(JsonNode? profile)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Connection {Markup.Escape(Json.Text(profile, "name"))}").AddColumns("Field", "Value");
        table.AddRow("Endpoint", Display.Escape(ConnectionsCommand.Endpoint(profile)));
        table.AddRow("Host", Display.Escape(Json.Str(profile, "host")));
        table.AddRow("Port", Json.Text(profile, "port", "22"));
        table.AddRow("User", Display.Escape(Json.Str(profile, "user")));
        table.AddRow("Secret ref", Display.Escape(Json.Str(profile, "secretRef")));
        table.AddRow("Host key", Display.Escape(Json.Str(profile, "hostKeyFingerprint")));
        table.AddRow("Connect timeout", Display.Escape(Json.Str(profile, "connectTimeout")));
        table.AddRow("Command timeout", Display.Escape(Json.Str(profile, "commandTimeout")));
        return table;
    }
}
