using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>An executor whose results are scripted per attempt number (success when unscripted). It records every call
/// with the clock's time and, when blocked, waits for <see cref="Release"/>. Like a real executor it enforces the job's timeout
/// itself on the clock and reports it as TimedOut, unless <see cref="EnforcesTimeout"/> is off (a misbehaving executor).</summary>
public sealed class FakeExecutor(TimeProvider time, string kind = TargetKinds.Http) : ITargetExecutor
{
    private readonly Dictionary<int, AttemptResult> script = [];
    private readonly List<ExecutedAttempt> calls = [];
    private readonly Lock gate = new();
    private TaskCompletionSource? hold;
    private TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Kind => kind;

    public IReadOnlyList<ExecutedAttempt> Calls
    {
        get
        {
            lock (gate)
            {
                return calls.ToList();
            }
        }
    }

    public int CallCount => Calls.Count;

    public bool EnforcesTimeout { get; set; } = true;

    /// <summary>The token the latest call received.</summary>
    public CancellationToken LastToken { get; private set; }

    /// <summary>Completes when a blocked call has started.</summary>
    public Task Started => started.Task;

    /// <summary>Scripts attempts 1, 2, 3... in order.</summary>
    public FakeExecutor Returns(params AttemptResult[] results)
    {
        lock (gate)
        {
            for (var i = 0; i < results.Length; i++)
            {
                script[i + 1] = results[i];
            }
        }

        return this;
    }

    /// <summary>From now on calls wait until <see cref="Release"/> (or their token) before answering.</summary>
    public void Block()
    {
        lock (gate)
        {
            hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        lock (gate)
        {
            hold?.TrySetResult();
            hold = null;
        }
    }

    public async Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken)
    {
        Task? wait;
        AttemptResult result;
        lock (gate)
        {
            calls.Add(new ExecutedAttempt(invocation.RunId, invocation.Attempt, time.GetUtcNow()));
            LastToken = cancellationToken;
            result = script.GetValueOrDefault(invocation.Attempt) ?? AttemptResult.Success("ok");
            wait = hold?.Task;
            if (wait is not null)
            {
                started.TrySetResult();
            }
        }

        if (wait is null)
        {
            return result;
        }

        if (!EnforcesTimeout)
        {
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }

        try
        {
            await wait.WaitAsync(invocation.Definition.Timeout, time, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (TimeoutException)
        {
            return new AttemptResult { Status = AttemptStatus.TimedOut, Retryable = true, Error = $"No answer within {invocation.Definition.Timeout}." };
        }
    }
}
