using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Core.Alerts;
using Scheduler.Core.Dependencies;
using Scheduler.Core.Dispatch;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Retention;
using Scheduler.Core.Services;
using Scheduler.Core.Stats;
using Scheduler.Core.Targets;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Tokens;
using Scheduler.Core.Validation;
using Scheduler.Core.Workflow;

namespace Scheduler.Hosting;

/// <summary>The one place where Core's engine is wired (sweep, dispatch, run workflow, job service); both hosts call it through <see cref="EngineServiceCollectionExtensions.AddSchedulerEngine"/>.</summary>
public static class CoreServiceCollectionExtensions
{
    public const string SweepSection = "Scheduler:Sweep";
    public const string RunsSection = "Scheduler:Runs";

    /// <summary>Registers the sweep, the run workflow, the job service and their settings. The host supplies the ports
    /// (storage), the <see cref="ITargetExecutorRegistry"/> and the target validators, and an <see cref="ISweepSignal"/>.</summary>
    public static IServiceCollection AddSchedulerCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SweepOptions>().BindConfiguration(SweepSection).ValidateOnStart();
        services.AddOptions<RunOptions>().BindConfiguration(RunsSection).ValidateOnStart();
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FollowUpOptions>>().Value);
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AlertOptions>>().Value);
        services.AddOptions<StatsOptions>().BindConfiguration(StatsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SweepOptions>, SweepOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RunOptions>, RunOptionsValidator>());
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatsOptions>, StatsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RetentionOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SweepOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RunOptions>>().Value);

        // Built from the host's ITargetExecutorRegistry, which alone decides the enabled kinds.
        services.TryAddSingleton<JobValidator>();

        services.TryAddSingleton<RunCounters>();
        services.TryAddSingleton<RunHistory>();
        services.TryAddSingleton<RunEvents>();
        // Handlers of each kind come from the hosts' target registrations (IFollowUpHandler), but for child runs, which are Core's own.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFollowUpHandler, ChildRunHandler>());
        services.TryAddSingleton<FollowUpRunner>();
        services.TryAddSingleton<AlertDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFollowUpHandler, AlertFollowUpHandler>());
        services.TryAddSingleton<NoSuccessCheck>();
        services.TryAddSingleton<ParentChecks>();
        services.TryAddSingleton<ParentLinks>();
        services.TryAddSingleton<SlotAllocator>();
        services.TryAddSingleton<JobAdvancer>();
        services.TryAddSingleton<JobCache>();
        services.TryAddSingleton<SkippedRuns>();
        // Hosts that run runs in process register their own launcher; the default sends every run through the queue.
        services.TryAddSingleton<IRunLauncher, QueueOnlyRunLauncher>();
        services.TryAddSingleton<RunStarter>();
        services.TryAddSingleton<OccurrenceDispatcher>();
        services.TryAddSingleton<Sweeper>();
        services.TryAddSingleton<ManualDispatch>();
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton<TriggerInstants>();
        services.TryAddSingleton<RunTriggers>();
        services.TryAddSingleton<TriggerTokens>();
        services.TryAddSingleton<RunCanceller>();
        services.TryAddSingleton<RunSettler>();
        services.TryAddSingleton<TargetCall>();
        services.TryAddSingleton<RunSlots>();
        services.TryAddSingleton<AttemptStep>();
        services.TryAddSingleton<RunRetention>();
        services.TryAddSingleton<RetentionPass>();
        return services;
    }
}
