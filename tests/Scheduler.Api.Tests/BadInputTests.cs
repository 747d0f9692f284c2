using System.Net.Http.Headers;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class BadInputTests(ApiFixture fixture)
{
    [Theory]
    [MemberData(nameof(BadInputCases.Names), MemberType = typeof(BadInputCases))]
    public async Task Request_MalformedOrHostile_GetsProblemAndWritesNothing(string name)
    {
        var input = BadInputCases.All[name];
        var app = await fixture.GuardedAsync();
        using var client = app.Anonymous();
        var before = await StoreSnapshot.TakeAsync(app.Storage);

        using var response = await client.SendAsync(Request(input));

        await response.ExpectProblemAsync(input.Status, input.Field);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app.Storage));
    }

    private static HttpRequestMessage Request(BadInput input)
    {
        var request = new HttpRequestMessage(input.Method, input.Path);
        if (input.Key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", input.Key);
        }

        foreach (var (header, value) in input.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        if (input.Body is not null)
        {
            request.Content = input.Chunked ? new UnsizedContent(input.Body) : new ByteArrayContent(input.Body);
            if (input.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input.ContentType);
            }
        }

        return request;
    }
}
