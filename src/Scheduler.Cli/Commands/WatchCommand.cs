using System.CommandLine;
using System.Globalization;
using Scheduler.Cli.Output;
using Spectre.Console;

namespace Scheduler.Cli.Commands;

/// <summary><c>runs watch [JOB]</c>: a live table of the latest runs of a job (or of every job, filtered like <c>runs list</c>),
/// redrawn every interval until Ctrl+C or <c>--iterations</c>.</summary>
public static class WatchCommand
{
    public static Command Create(Actions actions, TimeProvider time)
    {
        var job = new Argument<string?>("job") { Description = "The job to watch; without it, runs of every job.", Arity = ArgumentArity.ZeroOrOne };
        var filters = new RunFilters();
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes.", DefaultValueFactory = _ => 2 };
        var iterations = new Option<int?>("--iterations", "-n") { Description = "Stop after this many refreshes (for scripts); by default runs until Ctrl+C." };
        var limit = new Option<int>("--limit") { Description = "Runs shown.", DefaultValueFactory = _ => 10 };
        var command = new Command("watch", "Watch runs live, a job's or every job's (Ctrl+C to stop).") { job, interval, iterations, limit };
        filters.AddTo(command);
        actions.Set(command, async (ctx, ct) =>
        {
            var jobId = ctx.Get(job);
            var every = TimeSpan.FromSeconds(Math.Clamp(ctx.Get(interval), 0.2, 3600));
            var stopAfter = ctx.Get(iterations);
            if (stopAfter is < 1)
            {
                throw new UsageException("--iterations is at least 1.");
            }

            var shown = ("limit", (string?)Math.Clamp(ctx.Get(limit), 1, 200).ToString(CultureInfo.InvariantCulture));
            // Without a job the window is recomputed at each refresh, so that --since 1h keeps meaning the last hour.
            string PathNow() => jobId is null ? "api/runs" + Paths.Query([.. filters.Query(ctx, time), shown]) : $"{Paths.Job(jobId)}/runs" + Paths.Query(shown);
            if (ctx.Terminal.IsJson)
            {
                // JSON lines: one page per refresh, for scripts that follow a job.
                for (var n = 1; stopAfter is null || n <= stopAfter; n++)
                {
                    ctx.Terminal.Json((await ctx.Client.GetAsync(PathNow(), ct).ConfigureAwait(false)).Body);
                    if (n != stopAfter)
                    {
                        await Task.Delay(every, time, ct).ConfigureAwait(false);
                    }
                }

                return ExitCodes.Ok;
            }

            var first = await Frame(ctx, PathNow(), jobId, 1, time, ct).ConfigureAwait(false);
            if (!ctx.Terminal.Out.Profile.Capabilities.Ansi)
            {
                // Redirected or a dumb terminal: nothing can be redrawn in place, so each refresh follows the last.
                ctx.Terminal.Render(first);
                for (var n = 2; stopAfter is null || n <= stopAfter; n++)
                {
                    await Task.Delay(every, time, ct).ConfigureAwait(false);
                    ctx.Terminal.Render(await Frame(ctx, PathNow(), jobId, n, time, ct).ConfigureAwait(false));
                }

                return ExitCodes.Ok;
            }

            await ctx.Terminal.Out.Live(first).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
            {
                live.Refresh();
                for (var n = 2; stopAfter is null || n <= stopAfter; n++)
                {
                    await Task.Delay(every, time, ct).ConfigureAwait(false);
                    live.UpdateTarget(await Frame(ctx, PathNow(), jobId, n, time, ct).ConfigureAwait(false));
                    live.Refresh();
                }
            }).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Table> Frame(CommandContext ctx, string path, string? jobId, int n, TimeProvider time, CancellationToken ct)
    {
        var page = (await ctx.Client.GetAsync(path, ct).ConfigureAwait(false)).Body;
        var table = RunTables.List(page, jobId);
        var at = time.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        table.Caption($"[grey]refresh {n.ToString(CultureInfo.InvariantCulture)} at {at} UTC · Ctrl+C to stop[/]");
        return table;
    }
}
