using System.Globalization;

namespace Scheduler.Core.Runs;

/// <summary>Deterministic run ids: <c>{jobId}:{dueTicks}</c>, so inserting the run row is the dedupe.</summary>
public static class RunIds
{
    public static string For(string jobId, DateTimeOffset dueUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{jobId}:{dueUtc.UtcTicks:D19}");

    /// <summary>The due instant a run id carries.</summary>
    public static DateTimeOffset DueOf(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var ticks = long.Parse(runId.AsSpan(runId.LastIndexOf(':') + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public static string JobIdOf(string runId)
    {
        var colon = runId.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new ArgumentException($"'{runId}' is not a run id.", nameof(runId));
        }

        return runId[..colon];
    }
}
