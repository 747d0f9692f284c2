namespace Scheduler.Api.Auth;

/// <summary>The role each operation needs, by its operation name (the Server's endpoint name, the Functions host's function
/// name, the OpenAPI operationId: the same on all three). Both hosts ask here, and the OpenAPI document shows it.</summary>
public static class OperationRoles
{
    private static readonly Dictionary<string, ApiRole> Needed = new(StringComparer.Ordinal)
    {
        ["ListJobs"] = ApiRole.Reader,
        ["GetJob"] = ApiRole.Reader,
        ["ListRuns"] = ApiRole.Reader,
        ["ListAlerts"] = ApiRole.Reader,
        ["ListAllRuns"] = ApiRole.Reader,
        ["GetRun"] = ApiRole.Reader,
        ["GetConfig"] = ApiRole.Reader,
        ["GetStats"] = ApiRole.Reader,
        ["GetStatsHistory"] = ApiRole.Reader,
        ["ListPoison"] = ApiRole.Reader,
        ["GetPoison"] = ApiRole.Reader,
        ["ListConnections"] = ApiRole.Reader,
        ["GetConnection"] = ApiRole.Reader,
        // Entries hold what readers may read anyway (definitions, settings, connections: secret references, never secrets) plus key names.
        ["ListAudit"] = ApiRole.Reader,
        ["ListJobAudit"] = ApiRole.Reader,
        // A POST that reads nothing stored and changes nothing: the schedule calculator of the job form.
        ["PreviewSchedule"] = ApiRole.Reader,
        ["TriggerJob"] = ApiRole.Operator,
        ["CancelRun"] = ApiRole.Operator,
        ["PauseJob"] = ApiRole.Operator,
        ["ResumeJob"] = ApiRole.Operator,
        ["CreateJob"] = ApiRole.Admin,
        ["ReplaceJob"] = ApiRole.Admin,
        ["DeleteJob"] = ApiRole.Admin,
        ["PutConfig"] = ApiRole.Admin,
        ["RequeuePoison"] = ApiRole.Admin,
        ["DeletePoison"] = ApiRole.Admin,
        ["CreateConnection"] = ApiRole.Admin,
        ["ReplaceConnection"] = ApiRole.Admin,
        ["DeleteConnection"] = ApiRole.Admin,
        // Listing too: token names and expiries tell what outside systems can start jobs.
        ["ListTriggerTokens"] = ApiRole.Admin,
        ["CreateTriggerToken"] = ApiRole.Admin,
        ["RevokeTriggerToken"] = ApiRole.Admin,
    };

    /// <summary>Operations anyone may call: health, and the dashboard's files (the page then calls the API with a key).</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal) { "GetHealth", "Dashboard" };

    public static bool IsAnonymous(string operation) => Anonymous.Contains(operation);

    /// <summary>The role <paramref name="operation"/> needs; an operation missing from the table needs admin, so a new
    /// endpoint nobody classified is closed rather than open.</summary>
    public static ApiRole For(string? operation) =>
        operation is not null && Needed.TryGetValue(operation, out var role) ? role : ApiRole.Admin;

    /// <summary>Every classified operation, for tests that hold the hosts to the table.</summary>
    public static IReadOnlyCollection<string> Classified => [.. Needed.Keys, .. Anonymous];

    /// <summary>A role as the API and the README spell it.</summary>
    public static string Name(ApiRole role) => role.ToString().ToLowerInvariant();
}
