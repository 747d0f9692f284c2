using System.CommandLine;
using System.Globalization;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler audit</c>: changes made through the API, newest first, across jobs or for one.</summary>
public static class AuditCommand
{
    public static Command Create(Actions actions)
    {
        var job = new Option<string?>("--job") { Description = "Only this job's changes (its trigger tokens' too)." };
        var kind = new Option<string?>("--kind") { Description = "job, config, connection or token." };
        kind.AcceptOnlyFromAmong("job", "config", "connection", "token");
        var entity = new Option<string?>("--entity") { Description = "Only changes to the entity with this id." };
        var caller = new Option<string?>("--caller") { Description = "Only changes made with the key of this name." };
        var since = new Option<string?>("--since") { Description = "From this instant (ISO 8601); the last 30 days by default." };
        var until = new Option<string?>("--until") { Description = "Up to this instant (ISO 8601)." };
        var limit = new Option<int?>("--limit") { Description = "Entries per page (1-200, default 50)." };
        var continuation = new Option<string?>("--continuation") { Description = "Token of the next page, from a previous listing." };
        var command = new Command("audit", "List changes made through the API: who, what, when (--output json adds before and after).")
        {
            job, kind, entity, caller, since, until, limit, continuation,
        };
        actions.Set(command, async (ctx, ct) =>
        {
            var root = ctx.Get(job) is { } id ? Paths.Job(id) + "/audit" : "api/audit";
            var path = root + Paths.Query(("kind", ctx.Get(kind)), ("entity", ctx.Get(entity)), ("caller", ctx.Get(caller)), ("since", ctx.Get(since)),
                ("until", ctx.Get(until)), ("limit", ctx.Get(limit)?.ToString(CultureInfo.InvariantCulture)), ("continuation", ctx.Get(continuation)));
            var page = (await ctx.Client.GetAsync(path, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(page);
            }
            else
            {
                ctx.Terminal.Render(AuditTables.List(page));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
