namespace Scheduler.Api.OpenApi;

/// <summary>The groups of the API reference: each operation carries one of these names, and the document describes each.</summary>
public static class ApiTags
{
    public const string Health = "Health";
    public const string Jobs = "Jobs";
    public const string Runs = "Runs";
    public const string Operations = "Operations";
    public const string Connections = "Connections";
    public const string Tokens = "Trigger tokens";
    public const string Audit = "Audit";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Health] = "Liveness for probes and load balancers: storage reachable, sweep heartbeat age. The one endpoint without a key.",
        [Jobs] = "Job definitions (schedule, target, retry, lane) and the scheduler's state of each: create, read, change, pause, resume, run now, delete.",
        [Runs] = "Runs (one occurrence of a job each) with their attempts and results, per job or across jobs; cancel a run.",
        [Operations] = "Lane budgets and pause-all, stats over the last hour and their history, and a schedule's next occurrences.",
        [Connections] = "Named SSH connection profiles that SSH targets refer to; a profile names a secret and never holds one.",
        [Tokens] = "Tokens that may only trigger one job, for webhooks from outside systems: created (the secret shown once), listed without it, revoked.",
        [Audit] = "Every change made through the API (jobs, settings, connections, trigger tokens): who, what, when, before and after.",
    };
}
