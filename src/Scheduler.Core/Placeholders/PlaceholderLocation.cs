namespace Scheduler.Core.Placeholders;

/// <summary>A field of a target whose text may hold placeholders: its JSON path (as errors name it), its text and how values are escaped there.</summary>
public sealed record PlaceholderLocation(string Field, string Text, PlaceholderEscaping Escaping);
