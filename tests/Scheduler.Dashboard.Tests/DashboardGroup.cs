namespace Scheduler.Dashboard.Tests;

/// <summary>Every dashboard test shares one system (Azurite, sink, Server, browser) and runs one after the other.</summary>
[CollectionDefinition("dashboard")]
public sealed class DashboardGroup : ICollectionFixture<DashboardFixture>;
