using System.Net;

namespace Scheduler.Targets.Http;

/// <summary>Thrown by the guarded connect callback when every address of a host is one the SSRF policy refuses.</summary>
public sealed class AddressRefusedException : Exception
{
    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message)
        : base(message)
    {
    }

    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AddressRefusedException(string host, IPAddress address, string reason)
        : base(Format(host, address, reason))
    {
        Address = address;
    }

    public IPAddress? Address { get; }

    public static string Format(string host, IPAddress address, string reason)
    {
        var from = IPAddress.TryParse(host.Trim('[', ']'), out _) ? "" : $" (resolved from '{host}')";
        return $"address {address} is not allowed: {reason}{from}; {AddressPolicy.Remedy(AddressPolicy.Classify(address))}";
    }

    /// <summary>Finds the refusal inside the exceptions that SocketsHttpHandler wraps around it.</summary>
    public static AddressRefusedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
