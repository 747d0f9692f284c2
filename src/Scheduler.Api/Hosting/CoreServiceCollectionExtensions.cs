using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Stats;
using Scheduler.Core.Targets;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Validation;
using Scheduler.Core.Workflow;

namespace Scheduler.Api.Hosting;

/// <summary>The one place where Core's engine is wired; both hosts call it (through <see cref="ApiServiceCollectionExtensions.AddSchedulerApi"/>).</summary>
public static class CoreServiceCollectionExtensions
{
    public const string SweepSection = "Scheduler:Sweep";
    public const string RunsSection = "Scheduler:Runs";
    public const string CommandEnabledKey = "Scheduler:Targets:Command:Enabled";

    /// <summary>Registers the sweep, the run workflow, the job service and their settings. The host supplies the ports
    /// (storage), the target executors and validators, and an <see cref="ISweepSignal"/>.</summary>
    public static IServiceCollection AddSchedulerCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SweepOptions>().BindConfiguration(SweepSection).ValidateOnStart();
        services.AddOptions<RunOptions>().BindConfiguration(RunsSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SweepOptions>, SchedulerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RunOptions>, SchedulerOptionsValidator>());
        services.AddOptions<StatsOptions>().BindConfiguration(StatsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatsOptions>, SchedulerOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SweepOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RunOptions>>().Value);

        services.TryAddSingleton(sp => new JobValidator(EnabledKinds(sp.GetRequiredService<IConfiguration>()), sp.GetServices<ITargetValidator>()));
        // Only the kinds this host enables run, whatever executors are registered.
        services.TryAddSingleton(sp =>
        {
            var enabled = sp.GetRequiredService<JobValidator>().EnabledKinds;
            return new TargetExecutors(sp.GetServices<ITargetExecutor>().Where(e => enabled.Contains(e.Kind)));
        });

        services.TryAddSingleton<RunCounters>();
        services.TryAddSingleton<RunHistory>();
        services.TryAddSingleton<RunEvents>();
        services.TryAddSingleton<SlotAllocator>();
        services.TryAddSingleton<JobAdvancer>();
        services.TryAddSingleton<SkippedRuns>();
        // Hosts that run runs in process register their own launcher; the default sends every run through the queue.
        services.TryAddSingleton<IRunLauncher, QueueOnlyRunLauncher>();
        services.TryAddSingleton<OccurrenceDispatcher>();
        services.TryAddSingleton<Sweeper>();
        services.TryAddSingleton<ManualDispatch>();
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton<RunCanceller>();
        services.TryAddSingleton<RunFinalizer>();
        services.TryAddSingleton<AttemptRunner>();
        services.TryAddSingleton<AttemptSlots>();
        services.TryAddSingleton<AttemptStep>();
        services.TryAddSingleton<RunProcessor>();
        services.TryAddSingleton<LaunchedRunProcessor>();
        return services;
    }

    /// <summary>HTTP, queue and SSH everywhere; command targets only where <c>Scheduler:Targets:Command:Enabled</c> is true.</summary>
    public static IReadOnlySet<string> EnabledKinds(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kinds = new HashSet<string>(JobValidator.DefaultKinds, StringComparer.Ordinal);
        if (configuration.GetValue<bool>(CommandEnabledKey))
        {
            kinds.Add(TargetKinds.Command);
        }

        return kinds;
    }
}
