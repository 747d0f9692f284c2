using System.CommandLine;
using System.Globalization;

namespace Scheduler.Cli.Commands;

/// <summary>The filters of runs across jobs (<c>runs list</c> and <c>runs watch</c> without a job): status and a window.</summary>
public sealed class RunFilters
{
    public Option<string?> Status { get; } = new("--status") { Description = "Only runs of this status (Queued, Running, Retrying, Succeeded, Failed, Canceled, Skipped)." };
    public Option<string?> Since { get; } = new("--since") { Description = "Runs created since this long ago (30m, 2h, 1d) or this ISO 8601 instant; default 1h." };
    public Option<string?> Until { get; } = new("--until") { Description = "Runs created before this ISO 8601 instant; default now." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Status);
        command.Add(Since);
        command.Add(Until);
    }

    /// <summary>The query-string pairs for <c>GET /api/runs</c>; a relative <c>--since</c> becomes an instant here.</summary>
    public (string Name, string? Value)[] Query(CommandContext ctx, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(time);
        return [("status", ctx.Get(Status)), ("since", Instant(ctx.Get(Since), "--since", time)), ("until", Instant(ctx.Get(Until), "--until", time))];
    }

    private static string? Instant(string? text, string flag, TimeProvider time)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        }

        var ago = TimeSpan.Parse(Durations.Parse(text, flag)!, CultureInfo.InvariantCulture);
        return (time.GetUtcNow() - ago).ToString("O", CultureInfo.InvariantCulture);
    }
}
