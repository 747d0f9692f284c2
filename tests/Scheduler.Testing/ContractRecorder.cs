using System.Collections.Concurrent;

namespace Scheduler.Testing;

/// <summary>A handler that holds every answer that passes through it to the <see cref="OpenApiContract"/>, keeping what broke
/// it and which operations answered with what status: a test drives the API through a client built on it, then asserts.</summary>
public sealed class ContractRecorder : DelegatingHandler
{
    private readonly OpenApiContract contract;

    private readonly ConcurrentQueue<string> violations = new();
    private readonly ConcurrentQueue<(string Operation, int Status)> answers = new();

    public IReadOnlyList<string> Violations => violations.ToList();

    /// <summary>Each answer's operation (<c>"GET /api/jobs/{id}"</c>, or the raw request when the document has none) and status.</summary>
    public IReadOnlyList<(string Operation, int Status)> Answers => answers.ToList();

    public ContractRecorder(OpenApiContract contract)
        : base(new SocketsHttpHandler())
    {
        this.contract = contract;
    }

    /// <summary>A client over real sockets to <paramref name="baseAddress"/>, sending <paramref name="apiKey"/> when given, whose every
    /// answer is checked here (clients with different keys share the one record).</summary>
    public HttpClient Client(Uri baseAddress, string? apiKey)
    {
        var client = new HttpClient(this, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var method = request.Method.Method;
        var path = request.RequestUri!.AbsolutePath;
        var status = (int)response.StatusCode;
        answers.Enqueue((contract.OperationOf(method, path) ?? $"{method} {path}", status));
        foreach (var violation in contract.Check(method, path, status, response.Content.Headers.ContentType?.MediaType, body))
        {
            violations.Enqueue(violation);
        }

        return response;
    }
}
