using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Scheduler.Api.Tests.Support;

/// <summary>Request and response helpers.</summary>
public static class HttpHelpers
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode? body, IDictionary<string, string>? headers = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, body?.ToJsonString() ?? "", headers);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, JsonNode body, IDictionary<string, string>? headers = null) =>
        client.SendJsonAsync(HttpMethod.Put, path, body.ToJsonString(), headers);

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty JSON body.");

    /// <summary>Asserts a status and returns the JSON body.</summary>
    public static async Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and (when given) an error on the field.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field), $"Expected an error on '{field}': {text}");
        }

        return problem;
    }

    public static string ETagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.Single() : throw new InvalidOperationException("No ETag header.");

    public static MediaTypeHeaderValue Json => new("application/json");
}
