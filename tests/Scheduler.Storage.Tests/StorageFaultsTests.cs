using Azure;
using Scheduler.Storage;

namespace Scheduler.Storage.Tests;

public sealed class StorageFaultsTests
{
    [Fact]
    public void Describe_SdkRetriesOfARefusedConnection_IsTheLastTryInOneLine()
    {
        var tries = Enumerable.Range(0, 4).Select(_ => new RequestFailedException(0, "Connection refused", new HttpRequestException("Connection refused (127.0.0.1:10002)")));
        var exception = new AggregateException("Retry failed after 4 tries.", tries);

        Assert.Equal("Connection refused (127.0.0.1:10002)", StorageFaults.Describe(exception));
    }

    [Fact]
    public void Describe_ServiceAnswer_IsStatusAndErrorCode()
    {
        var exception = new RequestFailedException(503, "busy", "ServerBusy", null);

        Assert.Equal("storage answered 503 ServerBusy", StorageFaults.Describe(exception));
    }

    [Fact]
    public void Describe_Timeout_SaysNoAnswer()
    {
        Assert.Equal("no answer in time", StorageFaults.Describe(new TaskCanceledException("The operation was canceled.\nmore")));
    }

    [Fact]
    public void Describe_OtherFailure_IsTypeAndFirstLine()
    {
        Assert.Equal("InvalidOperationException: first line", StorageFaults.Describe(new InvalidOperationException("first line\nsecond line")));
    }
}
