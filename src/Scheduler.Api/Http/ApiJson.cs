using System.Text.Encodings.Web;
using System.Text.Json;
using Scheduler.Core.Serialization;

namespace Scheduler.Api.Http;

/// <summary>The API's JSON: <see cref="SchedulerJson.Options"/> (camelCase, enums as strings, unknown members refused),
/// and duplicate property names refused too, so that a body cannot say two things at once. Answers escape only what JSON
/// requires (a quote is <c>\"</c>, not <c>\u0022</c>): they are served as application/json, never inlined into HTML.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create(respectNullable: false);

    /// <summary>For request bodies only: also refuses a JSON null where the model says a value can not be null (a list, an
    /// object, a required string), so that such a body is a 400 naming the field rather than a failure further in.
    /// Responses keep <see cref="Options"/>: what storage holds is always written out.</summary>
    public static readonly JsonSerializerOptions Requests = Create(respectNullable: true);

    private static JsonSerializerOptions Create(bool respectNullable)
    {
        var options = new JsonSerializerOptions(SchedulerJson.Options)
        {
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = respectNullable,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Copies the API's settings onto the host's HTTP JSON options (used by ProblemDetails and the OpenAPI schemas).</summary>
    public static void Apply(JsonSerializerOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.PropertyNameCaseInsensitive = Options.PropertyNameCaseInsensitive;
        target.DefaultIgnoreCondition = Options.DefaultIgnoreCondition;
        target.UnmappedMemberHandling = Options.UnmappedMemberHandling;
        target.AllowDuplicateProperties = false;
        target.Encoder = Options.Encoder;
        target.AllowOutOfOrderMetadataProperties = true;
        // The OpenAPI schemas come from these options: numbers are numbers. (Bodies are read with Requests, which also takes
        // a quoted number, as it always has; the document asks for the plain one.)
        target.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        if (!target.Converters.Any(c => c is System.Text.Json.Serialization.JsonStringEnumConverter))
        {
            target.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        }
    }
}
