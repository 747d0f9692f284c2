using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Engine.Tests.Support;

namespace Scheduler.Engine.Tests;

/// <summary>A new user's first ten minutes: <c>scripts/run.sh</c> as the README says, then the README's "Try it" commands as
/// written (only the port differs), on this machine with nothing from the internet.</summary>
[Collection("run-command")]
public sealed class ReadmeTryItTests : IDisposable
{
    private static readonly TimeSpan BuildAndStart = TimeSpan.FromMinutes(8);
    private readonly string _home = Directory.CreateTempSubdirectory("scheduler-readme-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task RunScriptThenTryIt_AsWritten_WebhookOnThisMachineSucceeds()
    {
        string[] documents;
        JsonNode run;
        await using (var script = RunScript.Start(Path.Combine(_home, ".data")))
        {
            await script.WaitForAsync("Scheduler listening on", BuildAndStart);
            await script.WaitForAsync("API key", TimeSpan.FromSeconds(10));
            using var http = new HttpClient { BaseAddress = script.BaseUrl };
            var health = await http.GetFromJsonAsync<JsonNode>("api/health");

            documents = await RunTryItAsync(script.BaseUrl);

            var trigger = JsonNode.Parse(documents[1])!;
            var runId = trigger["runId"]!.GetValue<string>();
            var listed = JsonNode.Parse(documents[2])!["items"]!.AsArray().Select(r => r!["runId"]!.GetValue<string>());
            Assert.Contains(runId, listed);
            var key = (await File.ReadAllTextAsync(Path.Combine(_home, ".data", "api-key"))).Trim();
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            run = await RunPolling.WaitForRunAsync(http, trigger["location"]!.GetValue<string>(), r => RunPolling.Status(r) is "Succeeded" or "Failed");

            var output = script.Output;
            var building = output[output.IndexOf("Building Scheduler.Server", StringComparison.Ordinal)..output.IndexOf("Starting Scheduler.Server", StringComparison.Ordinal)];
            Assert.Contains("Scheduler.Server -> ", building, StringComparison.Ordinal);
            Assert.Contains("API key (generated", output, StringComparison.Ordinal);
            Assert.Contains("Echo webhook received POST with 18 bytes", output, StringComparison.Ordinal);
            Assert.Equal("Healthy", health!["status"]!.GetValue<string>());
        }

        Assert.Equal("nightly-report", JsonNode.Parse(documents[0])!["id"]!.GetValue<string>());
        Assert.Equal("Succeeded", run["status"]!.GetValue<string>());
        var attempt = Assert.Single(run["attempts"]!.AsArray());
        Assert.Equal("{\"report\":\"daily\"}", attempt!["responseExcerpt"]!.GetValue<string>());
        Assert.DoesNotContain("\\u0022", documents[0], StringComparison.Ordinal);

        await using var again = RunScript.Start(Path.Combine(_home, ".data"));
        await again.WaitForAsync("API key (", BuildAndStart);
        await again.WaitForAsync(".data/api-key)", TimeSpan.FromSeconds(5));
        Assert.Contains("API key (reused from", again.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the README block with bash in a folder holding run.sh's <c>.data</c>, as a user in the repository root
    /// would; returns the JSON documents it printed, in order.</summary>
    private async Task<string[]> RunTryItAsync(Uri baseUrl)
    {
        var script = ReadmeTryIt.Script().Replace(ReadmeTryIt.DocumentedUrl, baseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        var bash = await ProcessRun.RunAsync(new ProcessStartInfo("bash", ["-e", "-c", script]) { WorkingDirectory = _home }, TimeSpan.FromMinutes(5));
        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}: {bash.Stderr}");
        return Split(bash.Stdout);
    }

    /// <summary>curl prints the answers back to back; each is one JSON document.</summary>
    private static string[] Split(string output)
    {
        var bytes = Encoding.UTF8.GetBytes(output);
        var documents = new List<string>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            documents.Add(Encoding.UTF8.GetString(bytes, start, (int)reader.BytesConsumed - start));
        }

        Assert.True(documents.Count == 3, $"expected three answers, got: {output}");
        return [.. documents];
    }
}
