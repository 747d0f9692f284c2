using System.Globalization;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>Incrementing ETags, like a table's: every write yields a new one, never reused within a store.</summary>
internal sealed class ETags
{
    private long last;

    public string Next() => Interlocked.Increment(ref last).ToString(CultureInfo.InvariantCulture);
}
