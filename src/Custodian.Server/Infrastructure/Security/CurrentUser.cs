using System.Security.Claims;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>The authenticated caller, read from the access token's claims.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    ClaimsPrincipal Principal => accessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP context.");

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(TokenClaims.Subject), out var id)
        ? id
        : throw new InvalidOperationException("The caller is not authenticated.");

    public string Email => Principal.FindFirstValue(TokenClaims.Email) ?? "";

    public Guid? DeviceId => Guid.TryParse(Principal.FindFirstValue(TokenClaims.Device), out var id) ? id : null;
}

public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string EmailVerified = "email_verified";
    public const string Premium = "premium";
    public const string SecurityStamp = "sstamp";
    public const string Device = "device";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string AuthMethod = "amr";
    public const string Issuer = "custodian";
    /// <summary>Only this server's API takes these tokens; one minted for another purpose with the same key would lack it.</summary>
    public const string Audience = "custodian-api";
}
