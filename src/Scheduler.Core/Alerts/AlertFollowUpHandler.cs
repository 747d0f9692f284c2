using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Alerts;

/// <summary>Carries out a run's alert follow-up: applies the run to its job's alert state once (<see cref="AlertDecider"/>,
/// written with the state's ETag, decided again on a conflict), then delivers the run's alerts still pending. Carried out again
/// (a failed delivery, a carrier that died), it finds the run applied and only delivers what is pending.</summary>
public sealed class AlertFollowUpHandler(IAlertStore store, AlertDelivery delivery, AlertOptions options, TimeProvider time) : IFollowUpHandler
{
    public string Kind => FollowUpKinds.Alert;

    public async Task<FollowUpResult> CarryOutAsync(FollowUp followUp, Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rules = AlertRuleSet.For(run.Definition, options.Defaults);
        while (true)
        {
            var state = await store.GetStateAsync(run.JobId, cancellationToken).ConfigureAwait(false) ?? AlertState.Empty(run.JobId);
            if (AlertDecider.ForRunEnd(state, rules, run, time.GetUtcNow()) is not { } decision)
            {
                break;
            }

            // Armed before the state says so: a deadline row without its state is read and set right; the reverse would never be read.
            foreach (var deadline in decision.ToArm)
            {
                await store.ArmAsync(deadline, cancellationToken).ConfigureAwait(false);
            }

            var records = AlertHistory.Placed(decision.Records, options.HistoryPerJob);
            if ((await store.DecideAsync(decision.State, records, cancellationToken).ConfigureAwait(false)).Done)
            {
                delivery.Decided(records);
                break;
            }
        }

        var history = await store.ListAsync(run.JobId, cancellationToken).ConfigureAwait(false);
        var pending = history.Where(r => r.Pending && r.RunId == run.RunId).ToList();
        return await delivery.DeliverAsync(pending, run.Definition.Name, run, cancellationToken).ConfigureAwait(false);
    }
}
