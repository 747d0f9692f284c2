using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

[CollectionDefinition("azurite")]
public sealed class AzuriteDefinition : ICollectionFixture<AzuriteFixture>;
