using System.CommandLine;
using System.Text.Json.Nodes;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler connections list|show|create|delete</c>: the named SSH profiles that jobs reference.</summary>
public static class ConnectionsCommand
{
    public static Command Create(Actions actions)
    {
        var connections = new Command("connections", "Manage SSH connection profiles (secrets go by reference, never by value).");
        connections.Add(List(actions));
        connections.Add(Show(actions));
        connections.Add(CreateCommand(actions));
        connections.Add(Delete(actions));
        return connections;
    }

    private static Command List(Actions actions)
    {
        var command = new Command("list", "List connection profiles.");
        actions.Set(command, async (ctx, ct) =>
        {
            var list = (await ctx.Client.GetAsync("api/connections", ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(list);
            }
            else
            {
                ctx.Terminal.Render(ConnectionTables.List(list));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Actions actions)
    {
        var name = new Argument<string>("name") { Description = "The profile's name." };
        var command = new Command("show", "Show one connection profile.") { name };
        actions.Set(command, async (ctx, ct) =>
        {
            var profile = (await ctx.Client.GetAsync(Paths.Connection(ctx.Required(name)), ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(profile);
            }
            else
            {
                ctx.Terminal.Render(ConnectionTables.Show(profile));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateCommand(Actions actions)
    {
        var file = new Option<string?>("--file", "-f") { Description = "A profile in JSON (the API's shape); '-' reads stdin. Flags override it." };
        var name = new Option<string?>("--name") { Description = "The profile's name, as SSH jobs reference it." };
        var host = new Option<string?>("--host") { Description = "Host name or address." };
        var port = new Option<int?>("--port") { Description = "SSH port (default 22)." };
        var user = new Option<string?>("--user") { Description = "User to log in as." };
        var secretRef = new Option<string?>("--secret-ref") { Description = "NAME of a secret the server knows (key or password), never the secret." };
        var hostKey = new Option<string?>("--host-key") { Description = "Pinned host key fingerprint, 'SHA256:...' as ssh-keygen -lf prints it." };
        var connectTimeout = new Option<string?>("--connect-timeout") { Description = "e.g. 10s (default 10s)." };
        var commandTimeout = new Option<string?>("--command-timeout") { Description = "e.g. 5m (default 5m)." };
        var command = new Command("create", "Create a profile from --file profile.json, or from flags (--name, --host, --user, --secret-ref, --host-key).")
        {
            file, name, host, port, user, secretRef, hostKey, connectTimeout, commandTimeout,
        };
        actions.Set(command, async (ctx, ct) =>
        {
            var profile = ctx.Get(file) is { } path ? JobFile.Read(path) : null;
            if (profile is null)
            {
                if (ctx.Get(name) is null || ctx.Get(host) is null || ctx.Get(user) is null || ctx.Get(secretRef) is null || ctx.Get(hostKey) is null)
                {
                    throw new UsageException("Give --file profile.json, or --name, --host, --user, --secret-ref and --host-key.");
                }

                profile = [];
            }

            Set(profile, "name", ctx.Get(name));
            Set(profile, "host", ctx.Get(host));
            if (ctx.Get(port) is { } portNumber)
            {
                profile["port"] = portNumber;
            }

            Set(profile, "user", ctx.Get(user));
            Set(profile, "secretRef", ctx.Get(secretRef));
            Set(profile, "hostKeyFingerprint", ctx.Get(hostKey));
            Set(profile, "connectTimeout", Durations.Parse(ctx.Get(connectTimeout), "--connect-timeout"));
            Set(profile, "commandTimeout", Durations.Parse(ctx.Get(commandTimeout), "--command-timeout"));
            var created = (await ctx.Client.PostAsync("api/connections", profile, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(created);
            }

            ctx.Terminal.Done($"Created connection {Json.Text(created, "name")}: {Endpoint(created)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(Actions actions)
    {
        var name = new Argument<string>("name") { Description = "The profile's name." };
        var command = new Command("delete", "Delete a profile (SSH jobs naming it fail until it exists again).") { name };
        actions.Set(command, async (ctx, ct) =>
        {
            var profileName = ctx.Required(name);
            await ctx.Client.SendAsync(HttpMethod.Delete, Paths.Connection(profileName), null, null, ct).ConfigureAwait(false);
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(new JsonObject { ["name"] = profileName, ["deleted"] = true });
            }

            ctx.Terminal.Done($"Deleted connection {profileName}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>user@host:port</c>.</summary>
    public static string Endpoint(JsonNode? profile) =>
        $"{Json.Text(profile, "user")}@{Json.Text(profile, "host")}:{Json.Text(profile, "port", "22")}";

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
