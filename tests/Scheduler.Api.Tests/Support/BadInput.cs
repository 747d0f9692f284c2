using System.Net;

namespace Scheduler.Api.Tests.Support;

/// <summary>One malformed or hostile request and the problem it must get.</summary>
/// <param name="Key">The API key to send: the valid one by default, null for none.</param>
/// <param name="Chunked">Send the body without a Content-Length.</param>
public sealed record BadInput(
    string Name,
    HttpMethod Method,
    string Path,
    byte[]? Body,
    HttpStatusCode Status,
    string? Field = null,
    string? ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Key = SchedulerApp.ApiKey,
    bool Chunked = false)
{
    public override string ToString() => Name;
}
