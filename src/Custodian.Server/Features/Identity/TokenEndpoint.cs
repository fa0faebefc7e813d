using System.Security.Cryptography;
using System.Text;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
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
        MasterPasswordHasher hasher, TimeProvider time, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error("invalid_request", "Expected application/x-www-form-urlencoded.");
        }
        var raw = await http.Request.ReadFormAsync(ct);
        var form = new TokenForm(raw);
        var context = new GrantContext(http, db, tokens, throttle, hasher, time, form);
        return form["grant_type"] switch
        {
            "password" => await PasswordGrantAsync(context, ct),
            "refresh_token" => await RefreshGrantAsync(context, ct),
            "client_credentials" => await ClientCredentialsGrantAsync(context, ct),
            "send_access" => await Sends.SendAccessGrant.IssueAsync(http, raw, ct),
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
        var (accountKey, ipKey) = (LoginThrottle.AccountKey(email), LoginThrottle.IpKey(c.ClientIp));
        if (await c.Throttle.IsBlockedAsync(accountKey, ipKey, ct))
        {
            return TooManyAttempts();
        }
        var normalized = email.ToLowerInvariant();
        var user = await c.Db.Users.SingleOrDefaultAsync(u => u.Email == normalized, ct);
        if (user is null || !c.Hasher.Verify(user, password))
        {
            await c.Throttle.RecordFailureAsync(accountKey, ipKey, ct);
            return Error("invalid_grant", "invalid_username_or_password", WrongPassword);
        }
        await c.Throttle.ResetAsync(accountKey, ct);
        return await IssueAsync(c, user, clientId, scopes, withRefresh: scopes.Contains("offline_access"), ct);
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
        var token = await c.Db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        var user = token is null ? null : await c.Db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, ct);
        var clientId = c.Form["client_id"];
        if (token is null || user is null || token.ExpirationDate <= now || token.SecurityStamp != user.SecurityStamp
            || (!string.IsNullOrEmpty(clientId) && clientId != token.ClientId))
        {
            // The clients log the user out on this exact error ("session expired").
            return Error("invalid_grant", "invalid_grant");
        }
        c.Tokens.Slide(token);
        var device = token.DeviceId is { } deviceId ? await c.Db.Devices.FindAsync([deviceId], ct) : null;
        var scopes = new[] { "api", "offline_access" };
        var access = c.Tokens.CreateAccessToken(user, device, token.ClientId, scopes);
        await c.Db.SaveChangesAsync(ct);
        return Results.Json(c.Tokens.Response(user, access, presented, scopes));
    }

    static async Task<IResult> ClientCredentialsGrantAsync(GrantContext c, CancellationToken ct)
    {
        var (clientId, secret) = (c.Form["client_id"] ?? "", c.Form["client_secret"] ?? "");
        // Personal API keys are "user.<user id>"; organization keys come with the organizations feature.
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
        var (accountKey, ipKey) = (LoginThrottle.AccountKey(clientId), LoginThrottle.IpKey(c.ClientIp));
        if (await c.Throttle.IsBlockedAsync(accountKey, ipKey, ct))
        {
            return TooManyAttempts();
        }
        var user = await c.Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user?.ApiKey is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(user.ApiKey), Encoding.UTF8.GetBytes(secret)))
        {
            await c.Throttle.RecordFailureAsync(accountKey, ipKey, ct);
            return Error("invalid_client", "invalid_client");
        }
        await c.Throttle.ResetAsync(accountKey, ct);
        return await IssueAsync(c, user, clientId, scopes, withRefresh: false, ct);
    }

    static async Task<IResult> IssueAsync(GrantContext c, User user, string clientId, string[] scopes, bool withRefresh,
        CancellationToken ct)
    {
        var device = await RegisterDeviceAsync(c, user, ct);
        var refresh = withRefresh ? c.Tokens.CreateRefreshToken(user, device, clientId) : null;
        var access = c.Tokens.CreateAccessToken(user, device, clientId, scopes);
        await c.Db.SaveChangesAsync(ct);
        return Results.Json(c.Tokens.Response(user, access, refresh, scopes));
    }

    /// <summary>The device named by the request (deviceIdentifier/deviceType/deviceName), created on first login.</summary>
    static async Task<Device?> RegisterDeviceAsync(GrantContext c, User user, CancellationToken ct)
    {
        var identifier = c.Form["deviceIdentifier"] ?? c.Form["device_identifier"];
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

    static string[] Scopes(string? scope) =>
        (scope ?? "api").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static IResult Error(string error, string description, string? message = null) =>
        Results.Json(new TokenErrorResponse(error, description, new TokenErrorModel(message ?? description)), statusCode: 400);

    static IResult TooManyAttempts() => Results.Json(
        new TokenErrorResponse("invalid_grant", "too_many_attempts",
            new TokenErrorModel("Too many failed login attempts. Try again later.")), statusCode: 429);

    sealed record GrantContext(HttpContext Http, AppDbContext Db, TokenService Tokens, LoginThrottle Throttle,
        MasterPasswordHasher Hasher, TimeProvider Time, TokenForm Form)
    {
        public string? ClientIp => Http.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>Form fields by name, case-insensitively; an empty value reads as absent.</summary>
    sealed class TokenForm(IFormCollection form)
    {
        public string? this[string name] => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
    }
}
