using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>
/// The one place that writes error bodies. Bitwarden clients parse an error only when the Content-Type
/// contains application/json, so problem+json is never used on client routes.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public const string ConcurrentChangeMessage = "This item was changed at the same time by another request. Resync and try again.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, body) = exception switch
        {
            ApiException api => (api.Status, new ErrorResponse(api.Message, api.ValidationErrors)),
            // Malformed JSON, wrong content type, unparsable route values: the request's fault, never a 500.
            BadHttpRequestException bad => (bad.StatusCode, new ErrorResponse(Describe(bad))),
            JsonException => (400, new ErrorResponse("The request body is not valid JSON.")),
            // Another request (on this or another instance) changed the same row first: nothing was written.
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (409, new ErrorResponse(ConcurrentChangeMessage)),
            Microsoft.EntityFrameworkCore.DbUpdateException update when IsUniqueViolation(update) => (409, new ErrorResponse(ConcurrentChangeMessage)),
            _ => (500, new ErrorResponse("An unhandled server error has occurred.")),
        };
        if (status >= 500)
        {
            LogUnhandled(log, http.Request.Method, http.Request.Path, exception);   // never the body
        }
        if (http.Response.HasStarted)
        {
            return false;
        }
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(body, JsonDefaults.Options, cancellationToken);
        return true;
    }

    /// <summary>Two requests creating the same row at once (e.g. one user's item state): the loser wrote nothing.</summary>
    static bool IsUniqueViolation(Microsoft.EntityFrameworkCore.DbUpdateException update) => update.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,   // primary key, unique
        _ => false,
    };

    static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException ? "The request body is not valid JSON." :
        bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Expected a JSON request body." :
        bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." :
        "The request is not valid.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
