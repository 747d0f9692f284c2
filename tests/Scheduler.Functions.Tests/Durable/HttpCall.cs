using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>An HTTP function invoked as the host's ASP.NET Core integration invokes it: a real <see cref="HttpRequest"/>
/// in, the function's <see cref="IResult"/> executed against a real response.</summary>
public static class HttpCall
{
    public static HttpRequest Request(FunctionsApp app, string method, string? json = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = method;
        context.Response.Body = new MemoryStream();
        if (json is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }

        return context.Request;
    }

    /// <summary>Executes the function's result; returns the status code and the JSON body (if any).</summary>
    public static async Task<(int Status, JsonElement? Body)> ExecuteAsync(HttpRequest request, Task<IResult> invocation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var result = await invocation;
        await result.ExecuteAsync(request.HttpContext);
        var body = (MemoryStream)request.HttpContext.Response.Body;
        var json = body.Length == 0 ? (JsonElement?)null : JsonDocument.Parse(body.ToArray()).RootElement.Clone();
        return (request.HttpContext.Response.StatusCode, json);
    }
}
