namespace Custodian.Server.Infrastructure.Http;

/// <summary>Bitwarden's <c>ErrorResponseModel</c>; clients read <c>message</c> and <c>validationErrors</c>.</summary>
public sealed record ErrorResponse(
    string Message,
    IReadOnlyDictionary<string, string[]>? ValidationErrors = null,
    string? ExceptionMessage = null,
    string? ExceptionStackTrace = null,
    string? InnerExceptionMessage = null) : ResponseModel("error");
