using System.Text.Json;

namespace Scheduler.Functions.Tests.Build;

/// <summary>One binding of a function in functions.metadata.</summary>
public sealed record BindingEntry(string Type, string Direction, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, string? QueueName, string? Connection, string? Schedule, bool? RunOnStartup)
{
    public static BindingEntry From(JsonElement binding) => new(
        binding.GetProperty("type").GetString()!,
        binding.GetProperty("direction").GetString()!,
        Text(binding, "route"),
        binding.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : [],
        Text(binding, "authLevel"),
        Text(binding, "queueName"),
        Text(binding, "connection"),
        Text(binding, "schedule"),
        binding.TryGetProperty("runOnStartup", out var startup) && startup.ValueKind is JsonValueKind.True or JsonValueKind.False ? startup.GetBoolean() : null);

    private static string? Text(JsonElement binding, string name) =>
        binding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
