using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Support;

/// <summary>One Azurite and one scripted sink for the engine's end-to-end tests; each test gets its own tables and queue.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();
    public ScriptedSink Sink { get; } = new();

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await Sink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Sink.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("engine")]
public sealed class EngineDefinition : ICollectionFixture<EngineFixture>;
