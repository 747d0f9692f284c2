using System.CommandLine;
using System.Text.Json.Nodes;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler jobs tokens create|list|revoke</c>: tokens that may only trigger one job, for outside systems.</summary>
public static class TokensCommand
{
    public static Command Create(Actions actions)
    {
        var tokens = new Command("tokens", "Trigger tokens: each may only run one job now (POST /api/jobs/{id}/trigger), for webhooks from outside systems.");
        tokens.Add(New(actions));
        tokens.Add(List(actions));
        tokens.Add(Revoke(actions));
        return tokens;
    }

    private static Command New(Actions actions)
    {
        var id = new Argument<string>("job-id") { Description = "The job the token may trigger." };
        var name = new Option<string?>("--name") { Description = "What the token is for (1-64 letters, digits, '.', '_' or '-')." };
        var expires = new Option<string?>("--expires") { Description = "When it stops working (ISO 8601 instant); never by default." };
        var command = new Command("create", "Create a token; it is shown this once.") { id, name, expires };
        actions.Set(command, async (ctx, ct) =>
        {
            var body = new JsonObject();
            if (ctx.Get(name) is { } n)
            {
                body["name"] = n;
            }

            if (ctx.Get(expires) is { } e)
            {
                body["expiresUtc"] = e;
            }

            var created = (await ctx.Client.PostAsync(Paths.Job(ctx.Required(id)) + "/tokens", body, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(created);
            }
            else
            {
                ctx.Terminal.Render(TokenTables.Created(created));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(Actions actions)
    {
        var id = new Argument<string>("job-id") { Description = "The job's id." };
        var command = new Command("list", "List a job's tokens (never the tokens themselves).") { id };
        actions.Set(command, async (ctx, ct) =>
        {
            var page = (await ctx.Client.GetAsync(Paths.Job(ctx.Required(id)) + "/tokens", ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(page);
            }
            else
            {
                ctx.Terminal.Render(TokenTables.List(page));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(Actions actions)
    {
        var id = new Argument<string>("job-id") { Description = "The job's id." };
        var tokenId = new Argument<string>("token-id") { Description = "The token's id, as tokens list shows it." };
        var command = new Command("revoke", "Revoke a token: it is refused from the next request on.") { id, tokenId };
        actions.Set(command, async (ctx, ct) =>
        {
            var (job, token) = (ctx.Required(id), ctx.Required(tokenId));
            await ctx.Client.SendAsync(HttpMethod.Delete, $"{Paths.Job(job)}/tokens/{Uri.EscapeDataString(token)}", null, null, ct).ConfigureAwait(false);
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(new JsonObject { ["jobId"] = job, ["tokenId"] = token, ["revoked"] = true });
            }

            ctx.Terminal.Done($"Revoked token {token} of job {job}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
