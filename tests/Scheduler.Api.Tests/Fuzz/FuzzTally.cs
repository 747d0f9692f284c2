using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Scheduler.Api.Tests.Fuzz;

/// <summary>What a fuzz run saw: answers by status class, and every broken promise with the body that broke it.</summary>
public sealed class FuzzTally(string endpoint)
{
    /// <summary>Parses what the mutator can nest (deeper than the default 64).</summary>
    public static readonly System.Text.Json.JsonDocumentOptions Deep = new() { MaxDepth = 1000 };

    public string Endpoint => endpoint;

    private readonly List<string> broken = [];

    public int Sent { get; private set; }
    public int Accepted { get; private set; }
    public int Refused { get; private set; }
    public int ServerErrors { get; private set; }
    public int Dropped { get; private set; }

    /// <summary>Sends one body; a 5xx or a dropped connection is recorded as broken. Null when the connection dropped.</summary>
    public async Task<(HttpResponseMessage Response, string Text)?> SendAsync(HttpClient client, HttpMethod method, string path, string json, IDictionary<string, string>? headers = null)
    {
        Sent++;
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        string text;
        try
        {
            response = await client.SendAsync(request);
            text = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException ex)
        {
            Dropped++;
            Break(json, $"connection dropped: {ex.Message}");
            return null;
        }

        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            ServerErrors++;
            Break(json, $"{status}: {text}");
        }
        else if (status >= 400)
        {
            Refused++;
            CheckProblem(response, text, json);
        }
        else
        {
            Accepted++;
        }

        return (response, text);
    }

    public void Break(string body, string what)
    {
        if (broken.Count < 20)
        {
            broken.Add($"{what}\n    body: {(body.Length > 1200 ? body[..300] + " … " + body[^900..] : body)}");
        }
        else
        {
            broken[^1] = "… and more";
        }
    }

    /// <summary>Fails with the first broken promises, each with its body (reproducible: the mutator's seed is fixed).</summary>
    public void AssertClean(int minimumSent)
    {
        Assert.True(broken.Count == 0, $"{endpoint}: {Summary()}\n" + string.Join("\n", broken));
        Assert.True(Sent >= minimumSent, $"{endpoint}: only {Sent} bodies sent.");
        Assert.True(Accepted > 0 && Refused > 0, $"{endpoint}: the mutations must both pass and fail validation ({Summary()}).");
    }

    public string Summary() => $"{Sent} sent, {Accepted} accepted, {Refused} refused, {ServerErrors} 5xx, {Dropped} dropped";

    /// <summary>A refusal is an RFC 9457 problem; a 400 names at least one field.</summary>
    private void CheckProblem(HttpResponseMessage response, string text, string body)
    {
        var node = text.Length == 0 ? null : JsonNode.Parse(text, documentOptions: Deep);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || node?["status"]?.GetValue<int>() != (int)response.StatusCode)
        {
            Break(body, $"{(int)response.StatusCode} without a problem body: {text}");
        }
        else if (response.StatusCode == HttpStatusCode.BadRequest && node["errors"] is not JsonObject { Count: > 0 })
        {
            Break(body, $"400 without a field error: {text}");
        }
    }
}
