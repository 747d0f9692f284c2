using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Api.Auth;
using Scheduler.Api.Http;
using Scheduler.Api.OpenApi;

namespace Scheduler.Api.Hosting;

/// <summary>Registers the API's own services: ProblemDetails, the JSON shape, API keys, the health status and the OpenAPI
/// document. The endpoints call Core's services, which the host registers (<c>Scheduler.Hosting</c>'s <c>AddSchedulerEngine</c>).</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddSchedulerApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureHttpJsonOptions(o => ApiJson.Apply(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd(ProblemMembers.TraceId, context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>());
        services.TryAddSingleton<ApiKeyVerifier>();
        services.TryAddSingleton<ApiAccess>();
        services.TryAddSingleton<Audit.ChangeAudit>();
        // The health endpoint and the storage-ready filter read it; the Server's storage start-up marks it ready.
        services.TryAddSingleton<Core.Health.StorageStatus>();
        services.AddSchedulerOpenApi();
        return services;
    }
}
