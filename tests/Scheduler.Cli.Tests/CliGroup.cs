namespace Scheduler.Cli.Tests;

/// <summary>Every CLI test shares one system (Azurite, sink, Server) and runs one after the other.</summary>
[CollectionDefinition("cli")]
public sealed class CliGroup : ICollectionFixture<CliFixture>;
