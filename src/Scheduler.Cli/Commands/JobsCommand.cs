using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler jobs ...</c>: list, show, create, update, delete, pause, resume, trigger, alerts, tokens.</summary>
public static class JobsCommand
{
    public static Command Create(Actions actions, TimeProvider time)
    {
        var jobs = new Command("jobs", "Create, inspect and steer jobs.");
        jobs.Add(List(actions, time));
        jobs.Add(Show(actions, time));
        jobs.Add(JobWriteCommands.Create(actions));
        jobs.Add(JobWriteCommands.Update(actions));
        jobs.Add(Delete(actions));
        jobs.Add(Change(actions, "pause", "Stop future occurrences (runs in flight finish).", "Paused"));
        jobs.Add(Change(actions, "resume", "Resume a paused job from now on.", "Resumed"));
        jobs.Add(Trigger(actions));
        jobs.Add(Alerts(actions));
        jobs.Add(TokensCommand.Create(actions));
        return jobs;
    }

    private static Command List(Actions actions, TimeProvider time)
    {
        var status = new Option<string?>("--status") { Description = "Active, Paused or Completed." };
        status.AcceptOnlyFromAmong("Active", "Paused", "Completed", "active", "paused", "completed");
        var tag = new Option<string?>("--tag") { Description = "Only jobs with this tag." };
        var lane = new Option<string?>("--lane") { Description = "Only jobs of this lane." };
        var text = new Option<string?>("--search") { Description = "Text in the id or name." };
        var limit = new Option<int?>("--limit") { Description = "Jobs per page (1-200, default 50)." };
        var continuation = new Option<string?>("--continuation") { Description = "Token of the next page, from a previous listing." };
        var command = new Command("list", "List jobs.") { status, tag, lane, text, limit, continuation };
        actions.Set(command, async (ctx, ct) =>
        {
            var path = "api/jobs" + Paths.Query(("status", ctx.Get(status)), ("tag", ctx.Get(tag)), ("lane", ctx.Get(lane)), ("text", ctx.Get(text)),
                ("limit", ctx.Get(limit)?.ToString(CultureInfo.InvariantCulture)), ("continuation", ctx.Get(continuation)));
            var page = (await ctx.Client.GetAsync(path, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(page);
            }
            else
            {
                ctx.Terminal.Render(JobTables.List(page, time.GetUtcNow()));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Actions actions, TimeProvider time)
    {
        var id = new Argument<string>("id") { Description = "The job's id." };
        var command = new Command("show", "Show a job's definition and state.") { id };
        actions.Set(command, async (ctx, ct) =>
        {
            var job = (await ctx.Client.GetAsync(Paths.Job(ctx.Required(id)), ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(job);
            }
            else
            {
                ctx.Terminal.Render(JobTables.Show(job, time.GetUtcNow()));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(Actions actions)
    {
        var id = new Argument<string>("id") { Description = "The job's id." };
        var removeRuns = new Option<bool>("--remove-runs") { Description = "Delete the job's ended runs with it (by default they stay until retention removes them)." };
        var command = new Command("delete", "Delete a job (its schedule stops at once; its runs stay until retention unless --remove-runs).") { id, removeRuns };
        actions.Set(command, async (ctx, ct) =>
        {
            var jobId = ctx.Required(id);
            var remove = ctx.Get(removeRuns);
            await ctx.Client.SendAsync(HttpMethod.Delete, Paths.Job(jobId) + (remove ? "?runs=remove" : ""), null, null, ct).ConfigureAwait(false);
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(new System.Text.Json.Nodes.JsonObject { ["id"] = jobId, ["deleted"] = true, ["runs"] = remove ? "removed" : "kept" });
            }

            ctx.Terminal.Done(remove ? $"Deleted job {jobId} and its ended runs." : $"Deleted job {jobId}; its runs stay until retention removes them.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Change(Actions actions, string verb, string description, string done)
    {
        var id = new Argument<string>("id") { Description = "The job's id." };
        var command = new Command(verb, description) { id };
        actions.Set(command, async (ctx, ct) =>
        {
            var jobId = ctx.Required(id);
            var job = (await ctx.Client.PostAsync($"{Paths.Job(jobId)}/{verb}", null, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(job);
            }

            ctx.Terminal.Done($"{done} job {jobId}: now {Json.Text(job, "status")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Trigger(Actions actions)
    {
        var id = new Argument<string>("id") { Description = "The job's id." };
        var parameters = new Option<string[]>("--param", "-p") { Description = "A value for one of the job's parameters, 'name=value' (repeatable); the others keep their defaults." };
        var command = new Command("trigger", "Run a job once now, outside its schedule (also when paused).") { id, parameters };
        actions.Set(command, async (ctx, ct) =>
        {
            var jobId = ctx.Required(id);
            var body = ParameterBody(ctx.Get(parameters) ?? []);
            var triggered = (await ctx.Client.PostAsync($"{Paths.Job(jobId)}/trigger", body, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(triggered);
            }

            ctx.Terminal.Done($"Triggered job {jobId}: run {Json.Text(triggered, "runId")} is queued (or waits for a free slot in its lane).");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>No body without values: the run is then a Manual one with the defaults.</summary>
    private static JsonObject? ParameterBody(string[] pairs)
    {
        if (pairs.Length == 0)
        {
            return null;
        }

        var values = new JsonObject();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--param '{pair}' is not 'name=value'.");
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        return new JsonObject { ["parameters"] = values };
    }

    private static Command Alerts(Actions actions)
    {
        var id = new Argument<string>("id") { Description = "The job's id." };
        var command = new Command("alerts", "List a job's alerts: sent and suppressed by a cooldown, newest first, with their delivery.") { id };
        actions.Set(command, async (ctx, ct) =>
        {
            var jobId = ctx.Required(id);
            var page = (await ctx.Client.GetAsync($"{Paths.Job(jobId)}/alerts", ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(page);
            }
            else
            {
                ctx.Terminal.Render(AlertTables.List(page, jobId));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
