using Scheduler.Core.Jobs;

namespace Scheduler.Core.Runs;

/// <summary>A run's parameter values as they are frozen on it at dispatch: every parameter its definition declares, with the
/// value its trigger gave or else the default. A value for a parameter the definition no longer declares (the job was edited
/// between trigger and dispatch) is dropped.</summary>
public static class RunParameters
{
    public static RunInputs Freeze(JobDefinition definition, RunInputs? given)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var inputs = given ?? RunInputs.None;
        var declared = definition.Parameters ?? [];
        if (declared.Count == 0 && inputs.Parameters.Count == 0)
        {
            return inputs;
        }

        var values = declared.ToDictionary(p => p.Name, p => inputs.Parameters.GetValueOrDefault(p.Name) ?? p.Default ?? "", StringComparer.Ordinal);
        return inputs with { Parameters = values };
    }
}
