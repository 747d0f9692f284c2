using Microsoft.Extensions.Configuration;
using Scheduler.Targets.Secrets;

namespace Scheduler.Targets.Tests;

public sealed class ConfigurationSecretResolverTests
{
    private readonly ConfigurationSecretResolver resolver = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Secrets:deploy-key"] = "s3cret", ["Scheduler:Secrets:empty"] = "" })
        .Build());

    [Fact]
    public async Task ResolveAsync_KnownReference_ReturnsValue()
    {
        Assert.True(await resolver.ExistsAsync("deploy-key", CancellationToken.None));
        Assert.Equal("s3cret", await resolver.ResolveAsync("deploy-key", CancellationToken.None));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("")]
    public async Task ResolveAsync_UnknownOrEmpty_IsNull(string reference)
    {
        Assert.False(await resolver.ExistsAsync(reference, CancellationToken.None));
        Assert.Null(await resolver.ResolveAsync(reference, CancellationToken.None));
    }
}
