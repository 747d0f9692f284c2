namespace Scheduler.Api.Http;

/// <summary>The members a problem carries beyond RFC 9457's own (and a validation problem's <c>errors</c>): their names, and what
/// the OpenAPI document declares for each, so that a client or gateway that holds answers to the document accepts them.</summary>
public static class ProblemMembers
{
    /// <summary>Every problem: the request's trace id, to find it in the server's logs.</summary>
    public const string TraceId = "traceId";

    /// <summary>A body that is not valid JSON: where the reader stopped.</summary>
    public const string JsonPath = "jsonPath";
    public const string Line = "line";
    public const string BytePositionInLine = "bytePositionInLine";

    /// <summary>A 503: why storage could not be used.</summary>
    public const string Error = "error";

    /// <summary>The health check's 503: what a probe reads.</summary>
    public const string Health = "health";
    public const string StorageReachable = "storageReachable";
    public const string LastStorageError = "lastStorageError";
    public const string OutageSinceUtc = "outageSinceUtc";
    public const string CheckedUtc = "checkedUtc";

    /// <summary>A 403: the role the operation needs, and the role of the key that was sent.</summary>
    public const string RequiredRole = "requiredRole";
    public const string KeyRole = "keyRole";

    /// <summary>Each member with its JSON type, format (or null) and description, as the document states it.</summary>
    public static readonly IReadOnlyList<(string Name, string Type, string? Format, string Description)> Declared =
    [
        (TraceId, "string", null, "The request's trace id, to find it in the server's logs."),
        (JsonPath, "string", null, "A body that is not valid JSON: the JSON path where reading stopped, e.g. $.schedule.cron."),
        (Line, "integer", "int64", "A body that is not valid JSON: the line where reading stopped, counted from 0."),
        (BytePositionInLine, "integer", "int64", "A body that is not valid JSON: the byte in that line where reading stopped, counted from 0."),
        (Error, "string", null, "A 503: why storage could not be used (e.g. 'starting', or the failure's type)."),
        (Health, "string", null, "The health check's 503: Unhealthy."),
        (StorageReachable, "boolean", null, "The health check's 503: false."),
        (LastStorageError, "string", null, "The health check's 503: the last storage failure the host saw, when it saw one."),
        (OutageSinceUtc, "string", "date-time", "The health check's 503: since when storage has failed, when the host saw it fail."),
        (CheckedUtc, "string", "date-time", "The health check's 503: when the check ran."),
        (RequiredRole, "string", null, "A 403: the role the operation needs (reader, operator or admin)."),
        (KeyRole, "string", null, "A 403: the role of the key that was sent."),
    ];
}
