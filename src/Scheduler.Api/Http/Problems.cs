using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Http;

/// <summary>RFC 9457 problem results: every error the API returns is one of these. A field rule's failure is a
/// <see cref="ValidationProblem"/> (typed as the 400 of the endpoint's OpenAPI description); where one step can fail with
/// several statuses (reading a body: 400, 413, 415; a service outcome: 400, 404, 409, 412) it is a <see cref="ProblemHttpResult"/>,
/// the 400 among them carrying the same validation body (<see cref="Refused"/>).</summary>
public static class Problems
{
    public static ValidationProblem Invalid(ValidationErrors errors, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), detail: Summary(errors), title: "The request is not valid.", extensions: extensions);
    }

    public static ValidationProblem Invalid(string field, string message, IDictionary<string, object?>? extensions = null)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors, extensions);
    }

    /// <summary>The same 400 body, as the general problem result of a step that can also fail with other statuses.</summary>
    public static ProblemHttpResult Refused(ValidationProblem invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return TypedResults.Problem(invalid.ProblemDetails);
    }

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict.", detail);

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Problem(StatusCodes.Status412PreconditionFailed, "The resource has changed.", detail + " Read it again and retry with its current ETag.");

    public static ProblemHttpResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"The body is limited to {limit} bytes.");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
            $"Send the body as application/json (UTF-8); got '{contentType ?? "no Content-Type"}'.");

    public static ProblemHttpResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "An API key is required.",
            "Send a valid key in the X-Api-Key header or as 'Authorization: Bearer <key>'.");

    /// <summary>A key was sent but is not one of the server's: say so, rather than ask for a key the caller did send.</summary>
    public static ProblemHttpResult KeyRefused() =>
        Problem(StatusCodes.Status401Unauthorized, "The API key was refused.",
            "The key sent is not one of the server's keys (Scheduler:Api:Keys). scripts/run.sh prints the local key and keeps it in .data/api-key.");

    /// <summary>A known key whose role does not cover the operation's: name the role needed, the key (by name) and its role.</summary>
    public static ProblemHttpResult Forbidden(string? operation, Auth.ApiRole needed, Auth.ApiCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var role = Auth.OperationRoles.Name(needed);
        return Problem(StatusCodes.Status403Forbidden, $"This needs the {role} role.",
            $"{operation ?? "This operation"} needs the {role} role; the key '{caller.Name}' has the {Auth.OperationRoles.Name(caller.Role)} role. Use a key with the {role} role (Scheduler:Api:NamedKeys) or an admin key.",
            new Dictionary<string, object?> { [ProblemMembers.RequiredRole] = role, [ProblemMembers.KeyRole] = Auth.OperationRoles.Name(caller.Role) });
    }

    /// <summary>The Functions host let a function key in that no Scheduler:Api key lists: it has no role here.</summary>
    public static ProblemHttpResult NoRole(string? operation, Auth.ApiRole needed)
    {
        var role = Auth.OperationRoles.Name(needed);
        return Problem(StatusCodes.Status403Forbidden, $"This needs the {role} role.",
            $"{operation ?? "This operation"} needs the {role} role; the function key sent is not listed in Scheduler:Api:Keys or Scheduler:Api:NamedKeys, so it has no role. List it there with a role.",
            new Dictionary<string, object?> { [ProblemMembers.RequiredRole] = role });
    }

    /// <summary>A trigger token sent to an operation other than a job's trigger.</summary>
    public static ProblemHttpResult TokenOnlyTriggers(string? operation) =>
        Problem(StatusCodes.Status403Forbidden, "A trigger token only triggers its job.",
            $"{operation ?? "This operation"} needs an API key; a trigger token is accepted only by POST /api/jobs/{{id}}/trigger of the job it was created for.");

    /// <summary>A trigger token that is not valid for this job now; which check failed is not told.</summary>
    public static ProblemHttpResult TokenRefused(string? jobId) =>
        Problem(StatusCodes.Status403Forbidden, "The trigger token was refused.",
            $"The token is not a valid trigger token of job '{jobId}': it was revoked or has expired, belongs to another job, or the job was deleted since. Ask an admin for a new one (POST /api/jobs/{{id}}/tokens).");

    public static ProblemHttpResult Unavailable(string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Unavailable.", detail, extensions);

    public static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    private static string Summary(ValidationErrors errors) =>
        errors.All.Count == 1
            ? Describe(errors.All[0])
            : $"{errors.All.Count} problems: " + string.Join(" ", errors.All.Take(5).Select(Describe));

    private static string Describe(FieldError error) => error.Field.Length == 0 ? error.Message : $"{error.Field}: {error.Message}";
}
