namespace Scheduler.Core.Runs;

/// <summary>A slot held by a run, with the slot row's concurrency token at acquisition.</summary>
public sealed record SlotHold(string Lane, int Number, string? ETag);
