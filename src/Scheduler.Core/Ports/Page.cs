namespace Scheduler.Core.Ports;

/// <summary>One page of a listing and the token for the next one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Continuation);
