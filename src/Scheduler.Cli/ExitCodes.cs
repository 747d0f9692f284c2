namespace Scheduler.Cli;

/// <summary>The exit codes scripts can rely on; the README and <c>scheduler --help</c> list them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad arguments, a missing server URL, an unreadable job file.</summary>
    public const int Usage = 1;
    /// <summary>The job, run or route does not exist (HTTP 404).</summary>
    public const int NotFound = 2;
    /// <summary>The server refused the request: validation (400/422), conflict (409) or a stale ETag (412).</summary>
    public const int Rejected = 3;
    /// <summary>Missing or wrong API key (HTTP 401/403).</summary>
    public const int Auth = 4;
    /// <summary>The server could not be reached: connection refused, DNS failure, timeout, 502/503/504.</summary>
    public const int Unreachable = 5;
    /// <summary>The server failed (another 5xx) or answered something the CLI does not understand.</summary>
    public const int ServerError = 6;

    public const string Summary =
        "Exit codes: 0 ok, 1 usage, 2 not found, 3 validation or conflict, 4 authentication, 5 server unreachable, 6 server error.";

    /// <summary>The exit code for an HTTP error status.</summary>
    public static int ForStatus(int status) => status switch
    {
        400 or 409 or 412 or 422 => Rejected,
        401 or 403 => Auth,
        404 or 410 => NotFound,
        502 or 503 or 504 => Unreachable,
        >= 400 and < 500 => Rejected,
        _ => ServerError,
    };
}
