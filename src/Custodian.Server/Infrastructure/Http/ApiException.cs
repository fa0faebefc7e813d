namespace Custodian.Server.Infrastructure.Http;

/// <summary>Thrown from deep code; <see cref="ApiExceptionHandler"/> turns it into Bitwarden's error body.</summary>
public abstract class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
    public IReadOnlyDictionary<string, string[]>? ValidationErrors { get; init; }
}

/// <summary>404; also what a caller gets for another tenant's resource, so existence never leaks.</summary>
public sealed class NotFoundException(string message = "Resource not found.") : ApiException(404, message);

public sealed class BadRequestException(string message) : ApiException(400, message)
{
    /// <summary>A 400 naming the offending field, the way Bitwarden's model-state errors do.</summary>
    public static BadRequestException ForField(string field, string message) =>
        new(message) { ValidationErrors = new Dictionary<string, string[]> { [field] = [message] } };
}

public sealed class ConflictException(string message) : ApiException(409, message);

public sealed class UnauthorizedException(string message) : ApiException(401, message);

public sealed class TooManyRequestsException(string message = "Too many requests. Try again later.")
    : ApiException(429, message);
