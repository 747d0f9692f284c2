namespace Scheduler.Core.Validation;

/// <summary>Collects field errors into the map that ProblemDetails carries.</summary>
public sealed class ValidationErrors
{
    private readonly List<FieldError> errors = [];

    public bool IsValid => errors.Count == 0;
    public IReadOnlyList<FieldError> All => errors;

    public void Add(string field, string message) => errors.Add(new FieldError(field, message));

    public void AddRange(IEnumerable<FieldError> more) => errors.AddRange(more);

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }
    }

    public IDictionary<string, string[]> ToDictionary() =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
              .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
