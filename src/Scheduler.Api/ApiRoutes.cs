namespace Scheduler.Api;

/// <summary>Route templates of the API, relative to <see cref="Prefix"/> (the Functions host adds its own "api" prefix).</summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Jobs = "jobs";
    public const string Job = "jobs/{id}";
    public const string JobPause = "jobs/{id}/pause";
    public const string JobResume = "jobs/{id}/resume";
    public const string JobTrigger = "jobs/{id}/trigger";
    public const string JobRuns = "jobs/{id}/runs";
    public const string JobAlerts = "jobs/{id}/alerts";
    public const string JobTokens = "jobs/{id}/tokens";
    public const string JobToken = "jobs/{id}/tokens/{tokenId}";
    public const string JobAudit = "jobs/{id}/audit";
    public const string Audit = "audit";
    public const string Runs = "runs";
    public const string Run = "runs/{jobId}/{runId}";
    public const string RunCancel = "runs/{jobId}/{runId}/cancel";
    public const string Config = "config";
    public const string Stats = "stats";
    public const string StatsHistory = "stats/history";
    public const string Health = "health";
    public const string SchedulePreview = "schedules/preview";
    public const string Connections = "connections";
    public const string Connection = "connections/{name}";
    public const string Poison = "poison";
    public const string PoisonMessage = "poison/{messageId}";
    public const string PoisonRequeue = "poison/{messageId}/requeue";

    /// <summary>Where the browsable API reference is served.</summary>
    public const string Reference = "reference";

    /// <summary>The absolute path of a job, for Location headers.</summary>
    public static string JobPath(string id) => $"/{Prefix}/jobs/{Uri.EscapeDataString(id)}";

    /// <summary>The absolute path of a run, for Location headers (run ids contain ':', escaped here).</summary>
    public static string RunPath(string jobId, string runId) => $"/{Prefix}/runs/{Uri.EscapeDataString(jobId)}/{Uri.EscapeDataString(runId)}";

    public static string ConnectionPath(string name) => $"/{Prefix}/connections/{Uri.EscapeDataString(name)}";
}
