using System.Globalization;
using System.Text.Json;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Models;

/// <summary>What a trigger may send: values for the job's declared parameters, each a string, a number or true/false
/// (kept as its text). An outside system's payload goes here.</summary>
public sealed record TriggerBody
{
    public IReadOnlyDictionary<string, JsonElement>? Parameters { get; init; }

    /// <summary>The values as text, or the errors naming each value that is not a string, a number or a boolean.</summary>
    public IReadOnlyDictionary<string, string> Values(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Parameters ?? new Dictionary<string, JsonElement>())
        {
            string? text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                _ => null,
            };
            if (text is null)
            {
                errors.Add($"parameters.{name}", "A parameter's value is a string, a number or true/false.");
                continue;
            }

            values[name] = text;
        }

        return values;
    }
}
