namespace Scheduler.Core.Services;

/// <summary>The expected outcomes of a command on jobs or runs; the API maps them to HTTP statuses.</summary>
public enum ServiceStatus
{
    Ok,
    Created,
    Invalid,
    NotFound,
    /// <summary>The id is taken, or the run is already finished.</summary>
    Conflict,
    /// <summary>If-Match did not match the stored ETag.</summary>
    PreconditionFailed,
}
