using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;

namespace Scheduler.Testing;

/// <summary>Small valid jobs and runs for tests.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static JobDefinition Definition(string id, string lane = JobDefinition.DefaultLane, string? name = null, params string[] tags) => new()
    {
        Id = id,
        Name = name,
        Target = new HttpTargetSpec { Url = "https://example.test/hook", Headers = new Dictionary<string, string> { ["X-Test"] = "1" } },
        Schedule = new ScheduleSpec { Kind = ScheduleKind.Cron, Cron = "*/5 * * * *", TimeZone = "Europe/Paris" },
        Lane = lane,
        Tags = tags,
        Priority = 7,
    };

    public static Job Job(string id, JobStatus status = JobStatus.Active, string lane = JobDefinition.DefaultLane, string? name = null, params string[] tags) => new()
    {
        Definition = Definition(id, lane, name, tags),
        Status = status,
        NextDueUtc = Epoch.AddMinutes(5),
        ScheduleVersion = 3,
        Occurrences = 2,
        CreatedUtc = Epoch,
        UpdatedUtc = Epoch.AddSeconds(1),
    };

    public static Run Run(string jobId, DateTimeOffset dueUtc) => new()
    {
        JobId = jobId,
        RunId = RunIds.For(jobId, dueUtc),
        DueUtc = dueUtc,
        Definition = Definition(jobId),
        CreatedUtc = dueUtc.AddSeconds(-3),
    };

    public static AttemptRecord Attempt(Run run, int number, AttemptResult? result = null) => new()
    {
        JobId = run.JobId,
        RunId = run.RunId,
        Number = number,
        StartedUtc = run.DueUtc.AddMilliseconds(20),
        FinishedUtc = run.DueUtc.AddMilliseconds(250),
        Result = result ?? AttemptResult.Success("ok"),
    };
}
