using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Sends;

/// <summary>
/// Bitwarden's <c>send_access</c> grant on <c>/identity/connect/token</c> (client <c>send</c>, scope
/// <c>api.send.access</c>), which <c>bw receive</c> and the web vault use before <c>POST /api/sends/access</c>:
/// an open Send gets a token straight away, a password Send against the client's password hash. Errors carry
/// <c>send_access_error_type</c>, which the clients branch on (SendAccessConstants in Bitwarden's server).
/// </summary>
public static class SendAccessGrant
{
    public static async Task<IResult> IssueAsync(HttpContext http, IFormCollection form, CancellationToken ct)
    {
        if (form["client_id"].ToString() != "send")
        {
            return Results.Json(new { error = "invalid_client", error_description = "invalid_client" }, statusCode: 400);
        }
        var sendId = form["send_id"].ToString();
        if (string.IsNullOrEmpty(sendId))
        {
            return Error("invalid_request", "send_id_required", "send_id is required.");
        }
        var services = http.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var id = SendAccessId.Decode(sendId);
        var send = id is null ? null : await services.GetRequiredService<AppDbContext>().Sends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (send is null || !send.IsAccessible(now))
        {
            return Error("invalid_grant", "send_id_invalid", "send_id is invalid.");
        }
        if (send.AuthType == SendAuthType.Password)
        {
            var throttle = services.GetRequiredService<LoginThrottle>();
            var keys = LoginThrottleKeys.For($"send:{send.Id}", http.Connection.RemoteIpAddress?.ToString());
            var verdict = await throttle.CheckAsync(keys, ct);
            if (verdict.Blocked)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "too_many_attempts" }, statusCode: 429);
            }
            if (verdict.Delay > TimeSpan.Zero)
            {
                await Task.Delay(verdict.Delay, services.GetRequiredService<TimeProvider>(), ct);
            }
            var hash = form["password_hash_b64"].ToString();
            if (string.IsNullOrEmpty(hash))
            {
                return Error("invalid_request", "password_hash_b64_required", "password_hash_b64 is required.");
            }
            if (!SendService.PasswordMatches(send, hash))
            {
                await throttle.RecordFailureAsync(keys, ct);
                return Error("invalid_grant", "password_hash_b64_invalid", "password_hash_b64 is invalid.");
            }
        }
        var tokens = services.GetRequiredService<SendAccessTokens>();
        return Results.Json(new
        {
            access_token = tokens.Issue(send.Id),
            expires_in = (int)SendAccessTokens.Lifetime.TotalSeconds,
            token_type = "Bearer",
            scope = "api.send.access",
        });
    }

    static IResult Error(string error, string type, string description) =>
        Results.Json(new { error, error_description = description, send_access_error_type = type }, statusCode: 400);
}

/// <summary>
/// The bearer a recipient spends on <c>/api/sends/access</c>: the Send's id, protected and time-limited (five
/// minutes, Bitwarden's default). It names a Send, never a user, so it opens no other route.
/// </summary>
public sealed class SendAccessTokens(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Custodian.Sends.AccessToken").ToTimeLimitedDataProtector();

    public string Issue(Guid sendId) => Protector.Protect(sendId.ToString("N"), Lifetime);

    /// <summary>The Send named by the request's bearer token, or null when there is none or it is not ours or expired.</summary>
    public Guid? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            return Guid.TryParseExact(Protector.Unprotect(header["Bearer ".Length..].Trim()), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
