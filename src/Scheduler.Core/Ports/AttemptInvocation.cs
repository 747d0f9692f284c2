using Scheduler.Core.Jobs;

namespace Scheduler.Core.Ports;

/// <summary>What an executor needs to run one attempt.</summary>
public sealed record AttemptInvocation(string JobId, string RunId, int Attempt, JobDefinition Definition, DateTimeOffset DueUtc);
