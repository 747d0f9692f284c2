using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>All API tests share one Azurite (started by <see cref="Scheduler.Testing.AzuriteFixture"/>) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ApiDefinition : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
