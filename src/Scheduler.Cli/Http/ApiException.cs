namespace Scheduler.Cli.Http;

/// <summary>The API answered with an error status; <see cref="Problem"/> holds what it said.</summary>
public sealed class ApiException(Problem problem) : Exception(problem.Title)
{
    public Problem Problem { get; } = problem;
    public int ExitCode => ExitCodes.ForStatus(Problem.Status);
}
