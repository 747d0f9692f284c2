using System.Text.Json;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests;

/// <summary>host.json and the queue trigger agree with what Storage sends, and keep starts on time.</summary>
public sealed class HostJsonTests
{
    private static JsonElement HostJson() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Find(), "host.json"))).RootElement;

    [Fact]
    public void Queues_DecodeBase64_AsStorageSendsIt_AndPoisonAfterFive()
    {
        var queues = HostJson().GetProperty("extensions").GetProperty("queues");

        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void Polling_IsAtMostTwoSeconds_SoRunsStartOnTime()
    {
        var extensions = HostJson().GetProperty("extensions");

        Assert.True(TimeSpan.Parse(extensions.GetProperty("queues").GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(2));
        Assert.True(TimeSpan.Parse(extensions.GetProperty("durableTask").GetProperty("storageProvider").GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(2));
    }
}
