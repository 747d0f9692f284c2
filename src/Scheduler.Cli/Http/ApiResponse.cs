using System.Text.Json.Nodes;

namespace Scheduler.Cli.Http;

/// <summary>A successful answer: its JSON body (null when empty), ETag and Location.</summary>
public sealed record ApiResponse(int Status, JsonNode? Body, string? ETag, Uri? Location);
