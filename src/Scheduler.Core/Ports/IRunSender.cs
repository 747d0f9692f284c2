using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>The runs queue: a message starts (or resumes) a run once its visibility delay has passed.</summary>
public interface IRunSender
{
    Task SendAsync(RunMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken);
}
