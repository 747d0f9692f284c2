using Microsoft.Extensions.Logging;
using Scheduler.Core.Runs;
using Scheduler.Core.Stats;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Tests.Fakes;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Telemetry;

public sealed class RunEventsTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StatusChanged_QueuedRunWithoutLateness_LogsItsDueTimeAndNoEmptyLateness()
    {
        var logger = new Lines();

        new RunEvents(logger, new RunCounters(new InMemoryRunCounterStore(), TimeProvider.System)).StatusChanged(Run(latenessMs: null), RunStatus.Queued, 0);

        var (id, message) = Assert.Single(logger.Entries);
        Assert.Equal("RunStatusChanged", id.Name);
        Assert.Equal("Run job:1 of job job is Queued (attempt 0, due 2026-03-01T09:00:00.0000000+00:00, not started: no lateness yet)", message);
    }

    [Fact]
    public void StatusChanged_RunningRun_LogsItsLateness()
    {
        var logger = new Lines();

        new RunEvents(logger, new RunCounters(new InMemoryRunCounterStore(), TimeProvider.System)).StatusChanged(Run(latenessMs: 12.5), RunStatus.Running, 1);

        var (id, message) = Assert.Single(logger.Entries);
        Assert.Equal("RunStatusChanged", id.Name);
        Assert.Equal("Run job:1 of job job is Running (attempt 1, lateness 12.5 ms)", message);
    }

    private static Run Run(double? latenessMs) => new()
    {
        JobId = "job",
        RunId = "job:1",
        DueUtc = Due,
        Definition = TestJobs.Http("job", TestJobs.Once(Due)),
        CreatedUtc = Due,
        LatenessMs = latenessMs,
    };

    private sealed class Lines : ILogger<RunEvents>
    {
        public List<(EventId Id, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((eventId, formatter(state, exception)));
    }
}
