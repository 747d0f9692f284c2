using Scheduler.Core.Runs;

namespace Scheduler.Core.Stats;

/// <summary>What happened in one UTC minute: runs that reached each final status, and the lateness of the first attempts that
/// started, as counts per <see cref="LatenessBuckets"/> bucket. Also used for a delta to add, and for a sum over several minutes.</summary>
public sealed record RunCounts
{
    /// <summary>The final statuses counted: the terminal ones of <see cref="RunStatus"/>.</summary>
    public static IReadOnlyList<RunStatus> Outcomes { get; } = [.. Enum.GetValues<RunStatus>().Where(s => s.IsTerminal())];

    /// <summary>Start of the minute (or of the first minute of a sum), UTC.</summary>
    public required DateTimeOffset Minute { get; init; }
    /// <summary>Runs that reached each final status; statuses missing count zero.</summary>
    public IReadOnlyDictionary<RunStatus, long> Finished { get; init; } = new Dictionary<RunStatus, long>();
    /// <summary>First attempts started, per lateness bucket (<see cref="LatenessBuckets.Count"/> entries).</summary>
    public IReadOnlyList<long> Lateness { get; init; } = new long[LatenessBuckets.Count];
    /// <summary>Storage concurrency token of the minute's row when read from storage.</summary>
    public string? ETag { get; init; }

    public long Started => Lateness.Sum();

    /// <summary>First attempts that started before their due time.</summary>
    public long Early => Lateness.Where((_, k) => LatenessBuckets.IsEarly(k)).Sum();

    public bool IsEmpty => Started == 0 && Finished.Values.All(n => n == 0);

    public long FinishedWith(RunStatus status) => Finished.GetValueOrDefault(status);

    /// <summary>The sum of this and <paramref name="other"/>, keeping this one's minute.</summary>
    public RunCounts Plus(RunCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var finished = Outcomes.ToDictionary(s => s, s => FinishedWith(s) + other.FinishedWith(s));
        var lateness = new long[LatenessBuckets.Count];
        for (var k = 0; k < lateness.Length; k++)
        {
            lateness[k] = Lateness.ElementAtOrDefault(k) + other.Lateness.ElementAtOrDefault(k);
        }

        return this with { Finished = finished, Lateness = lateness, ETag = null };
    }

    /// <summary>The sum of <paramref name="minutes"/>, dated <paramref name="from"/>.</summary>
    public static RunCounts Sum(DateTimeOffset from, IEnumerable<RunCounts> minutes) =>
        minutes.Aggregate(new RunCounts { Minute = from }, (sum, m) => sum.Plus(m));

    /// <summary>The start of the UTC minute that holds <paramref name="instant"/>.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}
