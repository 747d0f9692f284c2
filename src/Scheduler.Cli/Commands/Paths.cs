namespace Scheduler.Cli.Commands;

/// <summary>API paths, relative to the server URL; ids are escaped (run ids hold ':').</summary>
public static class Paths
{
    public static string Job(string id) => $"api/jobs/{Uri.EscapeDataString(id)}";

    public static string Connection(string name) => $"api/connections/{Uri.EscapeDataString(name)}";

    public static string Run(string jobId, string runId) => $"api/runs/{Uri.EscapeDataString(jobId)}/{Uri.EscapeDataString(runId)}";

    /// <summary>A run id is <c>{jobId}:{dueTicks}</c>: the job is the part before the last colon.</summary>
    public static string JobOfRun(string runId)
    {
        var colon = runId.LastIndexOf(':');
        return colon > 0 ? runId[..colon] : throw new UsageException($"'{runId}' is not a run id ('{{jobId}}:{{ticks}}'); pass --job too.");
    }

    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
