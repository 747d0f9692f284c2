namespace Scheduler.Core.Runs;

/// <summary>What a run is started with besides its job's definition: its parameter values and the parent run that started it.
/// Carried on the due row from the trigger to the dispatch, then frozen on the run: every attempt uses the same values.</summary>
public sealed record RunInputs
{
    public static readonly RunInputs None = new();

    /// <summary>Parameter values by name, validated against the job's declared parameters.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>The parent run whose end started this run, if one did.</summary>
    public RunParent? Parent { get; init; }

    public bool IsEmpty => Parameters.Count == 0 && Parent is null;
}
