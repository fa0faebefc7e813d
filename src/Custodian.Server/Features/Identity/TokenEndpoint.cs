using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.TwoFactor;
using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Identity;

/// <summary>
/// <c>POST /identity/connect/token</c>: the password, refresh_token, client_credentials and send_access grants, with Bitwarden's
/// field names (camelCase device fields; snake_case accepted too) and error bodies.
/// </summary>
public static class TokenEndpoint
{
    const string WrongPassword = "Username or password is incorrect. Try again.";

    public static async Task<IResult> Token(HttpContext http, AppDbContext db, TokenService tokens, LoginThrottle throttle,
        MasterPasswordHasher hasher, ApiKeys apiKeys, TimeProvider time, TwoFactorGate twoFactor, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error("invalid_request", "Expected application/x-www-form-urlencoded.");
        }
        var read = await TokenForm.ReadAsync(http.Request, ct);
        if (read is not { } form)
        {
            return Error("invalid_request", "The form is too large or holds control characters.");
        }
        var context = new GrantContext(http, db, tokens, throttle, hasher, apiKeys, time, form, twoFactor);
        return form["grant_type"] switch
        {
            "password" => await PasswordGrantAsync(context, ct),
            "refresh_token" => await RefreshGrantAsync(context, ct),
            "client_credentials" when ApiKeyGrant.Handles(form["client_id"]) =>
                await ApiKeyGrant.IssueAsync(http, form["client_id"]!, form["client_secret"], form["scope"], ct),
            "client_credentials" => await ClientCredentialsGrantAsync(context, ct),
            "send_access" => await Sends.SendAccessGrant.IssueAsync(http, form.Fields, ct),
            null or "" => Error("invalid_request", "grant_type is required."),
            _ => Error("unsupported_grant_type", "Unsupported grant type."),
        };
    }

    static async Task<IResult> PasswordGrantAsync(GrantContext c, CancellationToken ct)
    {
        var (email, password, clientId) = (c.Form["username"]?.Trim(), c.Form["password"], c.Form["client_id"]);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password) || string.IsNullOrEmpty(clientId))
        {
            return Error("invalid_request", "username, password and client_id are required.");
        }
        var scopes = Scopes(c.Form["scope"]);
        if (!scopes.Contains("api"))
        {
            return Error("invalid_scope", "The api scope is required.");
        }
        var keys = LoginThrottleKeys.For(email, c.ClientIp);
        if (await PassThrottleAsync(c, keys, ct) is { } refused)
        {
            return refused;
        }
        var normalized = email.ToLowerInvariant();
        var user = await c.Db.Users.SingleOrDefaultAsync(u => u.Email == normalized, ct);
        // Login with a device: an approved request's access code stands in for the master password hash.
        var authRequest = c.Form["authRequest"];
        var now = c.Time.GetUtcNow().UtcDateTime;
        if (user is null || !(authRequest is null ? c.Hasher.Verify(user, password)
                : await AuthRequests.AuthRequestLogin.IsValidAsync(c.Db, authRequest, user.Id, password, now, ct)))
        {
            await c.Throttle.RecordFailureAsync(keys, ct);
            return Error("invalid_grant", "invalid_username_or_password", WrongPassword);
        }
        // Two-step login: a wrong code counts like a wrong password, and the counts reset only after both steps.
        var second = await c.TwoFactor.CheckAsync(user, c.Form["twoFactorProvider"] ?? c.Form["two_factor_provider"],
            c.Form["twoFactorToken"] ?? c.Form["two_factor_token"], (c.Form["twoFactorRemember"] ?? c.Form["two_factor_remember"]) == "1",
            DeviceIdentifier(c), ct);
        if (second.Challenge is { } challenge)
        {
            return Results.Json(challenge, statusCode: 400);
        }
        if (second.Invalid)
        {
            await c.Db.SaveChangesAsync(ct);   // the failed-login event
            await c.Throttle.RecordFailureAsync(keys, ct);
            return Error("invalid_grant", "invalid_grant", TwoFactorGate.InvalidMessage);
        }
        if (authRequest is not null && !await AuthRequests.AuthRequestLogin.ClaimAsync(c.Db, authRequest, now, ct))
        {
            return Error("invalid_grant", "invalid_username_or_password", WrongPassword);   // used by a login that raced this one
        }
        await c.Throttle.ResetAsync(keys, ct);
        return await IssueAsync(c, user, clientId, scopes, withRefresh: scopes.Contains("offline_access"), ct, second.RememberToken);
    }

    static async Task<IResult> RefreshGrantAsync(GrantContext c, CancellationToken ct)
    {
        var presented = c.Form["refresh_token"];
        if (string.IsNullOrEmpty(presented))
        {
            return Error("invalid_request", "refresh_token is required.");
        }
        var hash = TokenService.HashRefreshToken(presented);
        var now = c.Time.GetUtcNow().UtcDateTime;
        var token = await c.Db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        var user = token is null ? null : await c.Db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, ct);
        var clientId = c.Form["client_id"];
        // The clients log the user out on this exact error ("session expired").
        var invalid = Error("invalid_grant", "invalid_grant");
        if (token is null || user is null || token.ExpirationDate <= now || token.SecurityStamp != user.SecurityStamp
            || (!string.IsNullOrEmpty(clientId) && clientId != token.ClientId))
        {
            return invalid;
        }
        // Tokens issued before rotation have no family yet: each starts its own.
        var family = token.FamilyId == Guid.Empty ? token.Id : token.FamilyId;
        // Marked used in one conditional statement, so that of two instances exchanging the same token only one wins.
        if (token.UsedDate is not null || await c.Db.RefreshTokens.Where(t => t.Id == token.Id && t.UsedDate == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedDate, now), ct) == 0)
        {
            // A used token presented again: it was copied, and either copy may be the thief's. End the whole session.
            await c.Db.RefreshTokens.Where(t => t.FamilyId == family || t.Id == token.Id).ExecuteDeleteAsync(ct);
            return invalid;
        }
        await c.Db.RefreshTokens.Where(t => t.FamilyId == family && t.ExpirationDate <= now).ExecuteDeleteAsync(ct);
        var device = token.DeviceId is { } deviceId ? await c.Db.Devices.FindAsync([deviceId], ct) : null;
        var scopes = new[] { "api", "offline_access" };
        var refresh = c.Tokens.CreateRefreshToken(user, device, token.ClientId, family);
        var access = c.Tokens.CreateAccessToken(user, device, token.ClientId, scopes);
        await c.Db.SaveChangesAsync(ct);
        return Results.Json(c.Tokens.Response(user, access, refresh, scopes));
    }

    static async Task<IResult> ClientCredentialsGrantAsync(GrantContext c, CancellationToken ct)
    {
        var (clientId, secret) = (c.Form["client_id"] ?? "", c.Form["client_secret"] ?? "");
        // Personal API keys are "user.<user id>"; tenant keys are ApiKeyGrant's.
        if (!clientId.StartsWith("user.", StringComparison.Ordinal) || !Guid.TryParse(clientId[5..], out var userId)
            || secret.Length == 0)
        {
            return Error("invalid_client", "invalid_client");
        }
        var scopes = Scopes(c.Form["scope"]);
        if (!scopes.SequenceEqual(["api"]))
        {
            return Error("invalid_scope", "Only the api scope is allowed for API keys.");
        }
        var keys = LoginThrottleKeys.For(clientId, c.ClientIp);
        if (await PassThrottleAsync(c, keys, ct) is { } refused)
        {
            return refused;
        }
        var user = await c.Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !c.ApiKeys.Matches(user, secret))
        {
            await c.Throttle.RecordFailureAsync(keys, ct);
            return Error("invalid_client", "invalid_client");
        }
        await c.Throttle.ResetAsync(keys, ct);
        return await IssueAsync(c, user, clientId, scopes, withRefresh: false, ct);
    }

    static async Task<IResult> IssueAsync(GrantContext c, User user, string clientId, string[] scopes, bool withRefresh,
        CancellationToken ct, string? twoFactorToken = null)
    {
        var device = await RegisterDeviceAsync(c, user, ct);
        var refresh = withRefresh ? c.Tokens.CreateRefreshToken(user, device, clientId) : null;
        var access = c.Tokens.CreateAccessToken(user, device, clientId, scopes);
        await c.Db.SaveChangesAsync(ct);
        return Results.Json(c.Tokens.Response(user, access, refresh, scopes) with { TwoFactorToken = twoFactorToken });
    }

    static string? DeviceIdentifier(GrantContext c) => c.Form["deviceIdentifier"] ?? c.Form["device_identifier"];

    /// <summary>The device named by the request (deviceIdentifier/deviceType/deviceName), created on first login.</summary>
    static async Task<Device?> RegisterDeviceAsync(GrantContext c, User user, CancellationToken ct)
    {
        var identifier = DeviceIdentifier(c);
        if (string.IsNullOrWhiteSpace(identifier) || identifier.Length > 50)
        {
            return null;
        }
        var now = c.Time.GetUtcNow().UtcDateTime;
        var device = await c.Db.Devices.SingleOrDefaultAsync(d => d.UserId == user.Id && d.Identifier == identifier, ct);
        if (device is null)
        {
            device = new Device { Id = Guid.CreateVersion7(), UserId = user.Id, Identifier = identifier, Name = "", CreationDate = now };
            c.Db.Devices.Add(device);
        }
        var name = c.Form["deviceName"] ?? c.Form["device_name"];
        device.Name = string.IsNullOrWhiteSpace(name) ? "unknown" : name[..Math.Min(name.Length, 50)];
        device.Type = int.TryParse(c.Form["deviceType"] ?? c.Form["device_type"], out var type) ? type : device.Type;
        device.LastActivityDate = now;
        return device;
    }

    /// <summary>A refusal (429) when throttled; otherwise null, after the account's slow-down pause if it has one.</summary>
    static async Task<IResult?> PassThrottleAsync(GrantContext c, LoginThrottleKeys keys, CancellationToken ct) =>
        await c.Throttle.PassAsync(keys, ct) ? null : TooManyAttempts();

    static string[] Scopes(string? scope) =>
        (scope ?? "api").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IResult Error(string error, string description, string? message = null) =>
        Results.Json(new TokenErrorResponse(error, description, new TokenErrorModel(message ?? description)), statusCode: 400);

    internal static IResult TooManyAttempts() => Results.Json(
        new TokenErrorResponse("invalid_grant", "too_many_attempts",
            new TokenErrorModel("Too many failed login attempts. Try again later.")), statusCode: 429);

    sealed record GrantContext(HttpContext Http, AppDbContext Db, TokenService Tokens, LoginThrottle Throttle,
        MasterPasswordHasher Hasher, ApiKeys ApiKeys, TimeProvider Time, TokenForm Form, TwoFactorGate TwoFactor)
    {
        public string? ClientIp => Http.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>Form fields by name, case-insensitively; an empty value reads as absent.</summary>
    sealed class TokenForm(IFormCollection form)
    {
        /// <summary>A login form is a few hundred bytes; these bounds leave room and keep a 12 MB value out of memory.</summary>
        static readonly FormOptions Limits = new() { ValueCountLimit = 64, KeyLengthLimit = 100, ValueLengthLimit = 16 * 1024 };

        const long MaxBodySize = 64 * 1024;

        /// <summary>Every field, for grants that read their own (send_access).</summary>
        public IFormCollection Fields => form;

        public string? this[string name] => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        /// <summary>
        /// The form, or null when it is too large or a value holds a control character (a NUL would reach the
        /// database, where PostgreSQL refuses it).
        /// </summary>
        public static async Task<TokenForm?> ReadAsync(HttpRequest request, CancellationToken ct)
        {
            if (request.ContentLength > MaxBodySize)
            {
                return null;
            }
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MaxBodySize;
            }
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Limits));
            try
            {
                var form = await request.ReadFormAsync(ct);
                return form.Any(f => f.Key.Any(char.IsControl) || f.Value.Any(v => v is not null && v.Any(char.IsControl)))
                    ? null : new TokenForm(form);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                return null;
            }
        }
    }
}
