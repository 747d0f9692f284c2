using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scheduler.Infra.Tests;

/// <summary>One resource of the compiled template, with the (nested) template that declares it.</summary>
public sealed partial record ArmResource(string Type, JsonElement Body, JsonElement Template)
{
    public JsonElement Properties => Body.GetProperty("properties");

    /// <summary>
    /// Raw JSON of <paramref name="value"/> followed by the raw JSON of every template variable it reaches
    /// through <c>variables('...')</c>, transitively: what the expression can evaluate to, as searchable text.
    /// </summary>
    public string ExpandVariables(JsonElement value)
    {
        var text = new StringBuilder(value.GetRawText());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([value.GetRawText()]);
        var variables = Template.TryGetProperty("variables", out var v) ? v : default;
        while (pending.Count > 0)
        {
            foreach (Match match in VariableReference().Matches(pending.Dequeue()))
            {
                var name = match.Groups["name"].Value;
                if (variables.ValueKind == JsonValueKind.Object && seen.Add(name) && variables.TryGetProperty(name, out var variable))
                {
                    var raw = variable.ValueKind == JsonValueKind.String ? variable.GetString()! : variable.GetRawText();
                    text.Append('\n').Append(raw);
                    pending.Enqueue(raw);
                }
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();
}
