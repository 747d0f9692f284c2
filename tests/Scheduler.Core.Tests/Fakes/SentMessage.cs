using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>One message put on the runs queue.</summary>
public sealed record SentMessage(RunMessage Message, TimeSpan VisibilityDelay);
