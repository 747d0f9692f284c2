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
            var watch = new Watch(ctx, PathNow, jobId, every, stopAfter, time);
            if (ctx.Terminal.IsJson)
            {
                await FollowAsJsonAsync(watch, ct).ConfigureAwait(false);
            }
            else if (!ctx.Terminal.Out.Profile.Capabilities.Ansi)
            {
                await AppendFramesAsync(watch, ct).ConfigureAwait(false);
            }
            else
            {
                await RedrawInPlaceAsync(watch, ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>JSON lines: one page per refresh, for scripts that follow a job.</summary>
    private static async Task FollowAsJsonAsync(Watch watch, CancellationToken ct)
    {
        for (var n = 1; watch.StopAfter is null || n <= watch.StopAfter; n++)
        {
            watch.Ctx.Terminal.Json((await watch.Ctx.Client.GetAsync(watch.Path(), ct).ConfigureAwait(false)).Body);
            if (n != watch.StopAfter)
            {
                await Task.Delay(watch.Every, watch.Time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Redirected or a dumb terminal: nothing can be redrawn in place, so each refresh follows the last.</summary>
    private static async Task AppendFramesAsync(Watch watch, CancellationToken ct)
    {
        watch.Ctx.Terminal.Render(await watch.FrameAsync(1, ct).ConfigureAwait(false));
        for (var n = 2; watch.StopAfter is null || n <= watch.StopAfter; n++)
        {
            await Task.Delay(watch.Every, watch.Time, ct).ConfigureAwait(false);
            watch.Ctx.Terminal.Render(await watch.FrameAsync(n, ct).ConfigureAwait(false));
        }
    }

    private static async Task RedrawInPlaceAsync(Watch watch, CancellationToken ct)
    {
        var first = await watch.FrameAsync(1, ct).ConfigureAwait(false);
        await watch.Ctx.Terminal.Out.Live(first).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
        {
            live.Refresh();
            for (var n = 2; watch.StopAfter is null || n <= watch.StopAfter; n++)
            {
                await Task.Delay(watch.Every, watch.Time, ct).ConfigureAwait(false);
                live.UpdateTarget(await watch.FrameAsync(n, ct).ConfigureAwait(false));
                live.Refresh();
            }
        }).ConfigureAwait(false);
    }

    private static async Task<Table> Frame(CommandContext ctx, string path, string? jobId, int n, TimeProvider time, CancellationToken ct)
    {
        var page = (await ctx.Client.GetAsync(path, ct).ConfigureAwait(false)).Body;
        var table = RunTables.List(page, jobId);
        var at = time.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        table.Caption($"[grey]refresh {n.ToString(CultureInfo.InvariantCulture)} at {at} UTC · Ctrl+C to stop[/]");
        return table;
    }

    /// <summary>What one watch shows, how often, and for how long.</summary>
    private sealed record Watch(CommandContext Ctx, Func<string> Path, string? JobId, TimeSpan Every, int? StopAfter, TimeProvider Time)
    {
        public Task<Table> FrameAsync(int n, CancellationToken ct) => Frame(Ctx, Path(), JobId, n, Time, ct);
    }
}
