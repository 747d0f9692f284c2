using Scheduler.Testing;

namespace Scheduler.Functions.Tests.Durable;

[CollectionDefinition("azurite")]
public sealed class AzuriteDefinition : ICollectionFixture<AzuriteFixture>;
