using System.Text.Json;

namespace Scheduler.Functions.Tests.Build;

/// <summary>One function of functions.metadata: its name, entry point and bindings.</summary>
public sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<BindingEntry> Bindings)
{
    public BindingEntry Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public static FunctionEntry From(JsonElement function) => new(
        function.GetProperty("name").GetString()!,
        function.GetProperty("entryPoint").GetString()!,
        function.GetProperty("bindings").EnumerateArray().Select(BindingEntry.From).ToList());
}
