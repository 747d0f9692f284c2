using System.CommandLine;
using System.Text.Json.Nodes;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler poison list|show|requeue|delete</c>: the runs the queue gave up on, for a person to decide about.</summary>
public static class PoisonCommand
{
    public static Command Create(Actions actions)
    {
        var poison = new Command("poison", "Read, requeue or delete poison messages (runs the queue gave up on; they never expire).");
        poison.Add(List(actions));
        poison.Add(Show(actions));
        poison.Add(Take(actions, "requeue", "Send a message back to the runs queue.", HttpMethod.Post, "/requeue", "Requeued"));
        poison.Add(Take(actions, "delete", "Delete a message for good.", HttpMethod.Delete, "", "Deleted"));
        return poison;
    }

    private static Command List(Actions actions)
    {
        var command = new Command("list", "The approximate count and the first 32 messages.");
        actions.Set(command, async (ctx, ct) =>
        {
            var view = (await ctx.Client.GetAsync("api/poison", ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(view);
            }
            else
            {
                ctx.Terminal.Render(PoisonTables.List(view));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Actions actions)
    {
        var id = new Argument<string>("message-id") { Description = "The message's id, as poison list shows it." };
        var command = new Command("show", "Show one message with its whole text.") { id };
        actions.Set(command, async (ctx, ct) =>
        {
            var message = (await ctx.Client.GetAsync(PathOf(ctx.Required(id)), ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(message);
            }
            else
            {
                ctx.Terminal.Render(PoisonTables.Show(message));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Take(Actions actions, string verb, string description, HttpMethod method, string suffix, string done)
    {
        var id = new Argument<string>("message-id") { Description = "The message's id, as poison list shows it." };
        var command = new Command(verb, description) { id };
        actions.Set(command, async (ctx, ct) =>
        {
            var messageId = ctx.Required(id);
            await ctx.Client.SendAsync(method, PathOf(messageId) + suffix, null, null, ct).ConfigureAwait(false);
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(new JsonObject { ["messageId"] = messageId, [verb == "requeue" ? "requeued" : "deleted"] = true });
            }

            ctx.Terminal.Done($"{done} poison message {messageId}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string PathOf(string messageId) => $"api/poison/{Uri.EscapeDataString(messageId)}";
}
