using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Scheduler.Cli.Http;

/// <summary>A thin client of the REST API: JSON in, JSON out, errors as <see cref="ApiException"/> or <see cref="UnreachableException"/>.</summary>
public sealed class SchedulerClient(HttpClient http, Uri server)
{
    public const string ApiKeyHeader = "X-Api-Key";

    public Uri Server => server;

    public static SchedulerClient Create(Connection.ServerSettings settings, TimeSpan timeout)
    {
        var baseUri = settings.Server.AbsoluteUri.EndsWith('/') ? settings.Server : new Uri(settings.Server.AbsoluteUri + "/");
        var http = new HttpClient { BaseAddress = baseUri, Timeout = timeout };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("scheduler-cli", "1.0"));
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            http.DefaultRequestHeaders.Add(ApiKeyHeader, settings.ApiKey);
        }

        return new SchedulerClient(http, baseUri);
    }

    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, null, cancellationToken);

    public Task<ApiResponse> PostAsync(string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, null, cancellationToken);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body, string? ifMatch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UnreachableException(server, ex.InnerException?.Message ?? ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UnreachableException(server, $"no answer within {http.Timeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException(Problem.From(status, response.ReasonPhrase, text));
            }

            JsonNode? json;
            try
            {
                json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new ApiException(new Problem(status, "The server answered something that is not JSON.", ex.Message, new Dictionary<string, IReadOnlyList<string>>()));
            }

            return new ApiResponse(status, json, response.Headers.ETag?.ToString(), response.Headers.Location);
        }
    }
}
