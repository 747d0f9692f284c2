using System.Globalization;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>How <see cref="RecordingRunContext"/> writes down each call, so expected sequences read like the orchestration.</summary>
public static class ContextCalls
{
    public const string ContinuedAsNew = "ContinueAsNew";

    public static string Attempt(int number) => string.Create(CultureInfo.InvariantCulture, $"ExecuteAttempt({number})");

    /// <summary>A wait, written as its length from the workflow's clock when it began.</summary>
    public static string Delay(TimeSpan delay) => string.Create(CultureInfo.InvariantCulture, $"Delay({delay:c})");
}
