using System.CommandLine;
using System.Globalization;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler runs ...</c>: runs of a job or of every job, one run with its attempts, cancel, and a live watch.</summary>
public static class RunsCommand
{
    public static Command Create(Actions actions, TimeProvider time)
    {
        var runs = new Command("runs", "Inspect, cancel and watch runs.");
        runs.Add(List(actions, time));
        runs.Add(Show(actions));
        runs.Add(Cancel(actions));
        runs.Add(WatchCommand.Create(actions, time));
        return runs;
    }

    private static Command List(Actions actions, TimeProvider time)
    {
        var job = new Argument<string?>("job") { Description = "The job whose runs to list; without it, runs of every job.", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int?>("--limit") { Description = "Runs per page (1-200, default 50)." };
        var continuation = new Option<string?>("--continuation") { Description = "Token of the next page." };
        var filters = new RunFilters();
        var command = new Command("list", "List runs, newest first: a job's, or every job's filtered by --status, --since and --until.") { job, limit, continuation };
        filters.AddTo(command);
        actions.Set(command, async (ctx, ct) =>
        {
            var jobId = ctx.Get(job);
            var paging = new[] { ("limit", ctx.Get(limit)?.ToString(CultureInfo.InvariantCulture)), ("continuation", ctx.Get(continuation)) };
            var path = jobId is null
                ? "api/runs" + Paths.Query([.. filters.Query(ctx, time), .. paging])
                : $"{Paths.Job(jobId)}/runs" + Paths.Query(paging);
            var page = (await ctx.Client.GetAsync(path, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(page);
            }
            else
            {
                ctx.Terminal.Render(RunTables.List(page, jobId));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Actions actions)
    {
        var run = new Argument<string>("run") { Description = "The run id ('{job}:{ticks}', as runs list prints it)." };
        var job = new Option<string?>("--job") { Description = "The job id (by default, the run id up to its last ':')." };
        var command = new Command("show", "Show a run with its attempts, response excerpts, errors and per-command results.") { run, job };
        actions.Set(command, async (ctx, ct) =>
        {
            var runId = ctx.Required(run);
            var body = (await ctx.Client.GetAsync(Paths.Run(ctx.Get(job) ?? Paths.JobOfRun(runId), runId), ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(body);
            }
            else
            {
                ctx.Terminal.Render(RunTables.Show(body));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Cancel(Actions actions)
    {
        var run = new Argument<string>("run") { Description = "The run id." };
        var job = new Option<string?>("--job") { Description = "The job id (by default, the run id up to its last ':')." };
        var command = new Command("cancel", "Cancel a run: a waiting run ends now; a running attempt is interrupted within about a second.") { run, job };
        actions.Set(command, async (ctx, ct) =>
        {
            var runId = ctx.Required(run);
            var body = (await ctx.Client.PostAsync($"{Paths.Run(ctx.Get(job) ?? Paths.JobOfRun(runId), runId)}/cancel", null, ct).ConfigureAwait(false)).Body;
            if (ctx.Terminal.IsJson)
            {
                ctx.Terminal.Json(body);
            }

            ctx.Terminal.Done($"Cancel requested for run {runId}: now {Json.Text(body, "status")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
