using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;

namespace Scheduler.PortContracts;

/// <summary>The jobs, runs and attempts the contracts write. Instants carry sub-millisecond ticks on purpose: a store must keep them.</summary>
public static class ContractRows
{
    public static readonly DateTimeOffset T = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public static JobDefinition Definition(string id, string lane = JobDefinition.DefaultLane, string? name = null, params string[] tags) => new()
    {
        Id = id,
        Name = name,
        Target = new HttpTargetSpec { Url = "https://example.test/hook", Headers = new Dictionary<string, string> { ["X-Contract"] = "1" } },
        Schedule = new ScheduleSpec { Kind = ScheduleKind.Cron, Cron = "*/5 * * * *", TimeZone = "Europe/Paris" },
        Lane = lane,
        Tags = tags,
        Priority = 3,
    };

    public static Job Job(string id, JobStatus status = JobStatus.Active, string lane = JobDefinition.DefaultLane, string? name = null, params string[] tags) => new()
    {
        Definition = Definition(id, lane, name, tags),
        Status = status,
        NextDueUtc = T.AddMinutes(5),
        ScheduleVersion = 2,
        Occurrences = 1,
        CreatedUtc = T,
        UpdatedUtc = T.AddSeconds(1),
    };

    public static Run Run(string jobId, DateTimeOffset due, DateTimeOffset? created = null) => new()
    {
        JobId = jobId,
        RunId = RunIds.For(jobId, due),
        DueUtc = due,
        Definition = Definition(jobId),
        CreatedUtc = created ?? due.AddSeconds(-2),
    };

    public static AttemptRecord Attempt(Run run, int number) => new()
    {
        JobId = run.JobId,
        RunId = run.RunId,
        Number = number,
        StartedUtc = run.DueUtc.AddMilliseconds(10),
        FinishedUtc = run.DueUtc.AddMilliseconds(90),
        Result = AttemptResult.Success("ok"),
    };
}
