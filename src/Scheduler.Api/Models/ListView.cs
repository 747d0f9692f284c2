namespace Scheduler.Api.Models;

/// <summary>A page of a listing; pass <see cref="Continuation"/> back as the <c>continuation</c> query parameter for the next page.</summary>
public sealed record ListView<T>(IReadOnlyList<T> Items, string? Continuation = null);
