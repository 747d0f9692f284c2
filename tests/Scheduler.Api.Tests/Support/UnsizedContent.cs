using System.Net;

namespace Scheduler.Api.Tests.Support;

/// <summary>A body sent without Content-Length (chunked), so the server cannot refuse it by its header alone.</summary>
public sealed class UnsizedContent(byte[] body) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
