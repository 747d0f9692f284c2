using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Targets.Command;
using Scheduler.Targets.Http;
using Scheduler.Targets.Identity;
using Scheduler.Targets.Queue;
using Scheduler.Targets.Secrets;
using Scheduler.Targets.Ssh;

namespace Scheduler.Targets;

/// <summary>Registers the target executors, their validators and settings.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the executors and validators of every kind, the run-end notifier (<see cref="RunNotifier"/>), the <see cref="TargetExecutorRegistry"/> (which decides the enabled
    /// kinds, and from which Core's job validator is built), and the SSRF-guarded HTTP client. The host supplies <see cref="IConnectionStore"/>, and either
    /// <c>Scheduler:Targets:Queue:ConnectionString</c> or its own <see cref="IQueueClientFactory"/>. The host's identity
    /// (<see cref="IdentityOptions"/>) mints <c>auth</c> tokens; secrets come from its Key Vault when <c>Scheduler:Targets:Identity:KeyVaultUri</c>
    /// is set (or <see cref="AddKeyVaultSecrets"/> is called), from configuration otherwise.
    /// </summary>
    public static IServiceCollection AddSchedulerTargets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<HttpTargetOptions>().Bind(configuration.GetSection(HttpTargetOptions.SectionName)).ValidateOnStart();
        services.AddOptions<QueueTargetOptions>().Bind(configuration.GetSection(QueueTargetOptions.SectionName)).ValidateOnStart();
        services.AddOptions<CommandTargetOptions>().Bind(configuration.GetSection(CommandTargetOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SshTargetOptions>().Bind(configuration.GetSection(SshTargetOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpTargetOptions>, HttpTargetOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueueTargetOptions>, QueueTargetOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommandTargetOptions>, CommandTargetOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SshTargetOptions>, SshTargetOptionsValidator>());

        services.AddHttpClient(HttpTargetExecutor.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedConnector.CreateHandler(sp.GetRequiredService<IOptions<HttpTargetOptions>>().Value.AddressPolicy));

        services.TryAddSingleton<IQueueClientFactory>(sp =>
            sp.GetRequiredService<IOptions<QueueTargetOptions>>().Value.ConnectionString is { Length: > 0 } connectionString
                ? new ConnectionStringQueueClientFactory(connectionString)
                : throw new InvalidOperationException("Queue targets need Scheduler:Targets:Queue:ConnectionString or a registered IQueueClientFactory."));
        var identity = configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        services.TryAddSingleton(HostCredential(identity));
        services.TryAddSingleton<AccessTokenCache>();
        if (identity.KeyVaultUri is { } vaultUri)
        {
            services.TryAddSingleton(sp => new SecretClient(vaultUri, sp.GetRequiredService<TokenCredential>()));
            services.TryAddSingleton<ISecretResolver, KeyVaultSecretResolver>();
        }

        services.TryAddSingleton<ISecretResolver>(new ConfigurationSecretResolver(configuration));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetExecutor, HttpTargetExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetExecutor, QueueTargetExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetExecutor, CommandTargetExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetExecutor, SshTargetExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFollowUpHandler, RunNotifier>());
        services.TryAddSingleton<IAlertSender, AlertWebhookSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetValidator, HttpTargetValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetValidator, CommandTargetValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetValidator, SshTargetValidator>());
        services.TryAddSingleton<ITargetExecutorRegistry, TargetExecutorRegistry>();
        return services;
    }

    /// <summary>The one place that decides which credential the host acts as: its user-assigned managed identity when a client id is
    /// configured, else <see cref="DefaultAzureCredential"/>.</summary>
    private static TokenCredential HostCredential(IdentityOptions identity) =>
        string.IsNullOrEmpty(identity.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(identity.ManagedIdentityClientId));

    /// <summary>Resolves secret references as Key Vault secret names, in place of configuration.</summary>
    public static IServiceCollection AddKeyVaultSecrets(this IServiceCollection services, Uri vaultUri, TokenCredential credential)
    {
        services.TryAddSingleton(new SecretClient(vaultUri, credential));
        services.RemoveAll<ISecretResolver>();
        services.AddSingleton<ISecretResolver, KeyVaultSecretResolver>();
        return services;
    }
}
