using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>
/// <c>/api/two-factor</c> as Bitwarden's TwoFactorController has it (web vault's DefaultTwoFactorApiService): a
/// <c>get-…</c> route re-confirms the master password and mints a user-verification token, which the changing
/// routes then require. Deletes answer 200 with no body (Bitwarden: 204; the clients accept both).
/// </summary>
public static class TwoFactorEndpoints
{
    public const string VerificationFailed = "User verification failed.";

    public static RouteGroupBuilder MapTwoFactorEndpoints(this RouteGroupBuilder api)
    {
        var twoFactor = api.MapGroup("/two-factor").WithTags("TwoFactor");
        twoFactor.MapGet("", List);
        twoFactor.MapPost("/get-authenticator", GetAuthenticator);
        twoFactor.MapPut("/authenticator", PutAuthenticator);
        twoFactor.MapPost("/authenticator", PutAuthenticator);   // deprecated alias Bitwarden keeps
        twoFactor.MapDelete("/authenticator", DeleteAuthenticator);
        twoFactor.MapPost("/get-recover", GetRecover);
        twoFactor.MapPut("/disable", Disable);    // older web vaults: {type, masterPasswordHash}
        twoFactor.MapPost("/disable", Disable);
        twoFactor.MapPost("/recover", Recover).AllowAnonymous();   // older clients; current ones recover at login (type 8)
        twoFactor.MapTwoFactorEmailEndpoints();
        twoFactor.MapTwoFactorWebAuthnEndpoints();
        return twoFactor;
    }

    static async Task<ListResponse<TwoFactorProviderResponse>> List(AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var types = await TwoFactorService.EnabledMethods(db, caller.Id).OrderBy(m => m.Type).Select(m => m.Type).ToListAsync(ct);
        return new([.. types.Select(t => new TwoFactorProviderResponse(true, t))]);
    }

    /// <summary>The user, after the master password (Bitwarden's SecretVerificationRequestModel).</summary>
    public static async Task<User> VerifiedUserAsync(AppDbContext db, CurrentUser caller, MasterPasswordHasher hasher,
        SecretVerificationRequest request, CancellationToken ct)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        if (!hasher.Verify(user, request.MasterPasswordHash))
        {
            throw BadRequestException.ForField("MasterPasswordHash", VerificationFailed);
        }
        return user;
    }

    /// <summary>The user, when the user-verification token is theirs and for this method.</summary>
    public static async Task<User> TokenUserAsync(AppDbContext db, CurrentUser caller, TwoFactorTokens tokens, string token,
        TwoFactorProviderType type, CancellationToken ct, string? key = null)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        if (!tokens.IsValidVerification(token, user.Id, type, key))
        {
            throw BadRequestException.ForField("UserVerificationToken", VerificationFailed);
        }
        return user;
    }

    /// <summary>The stored key when the method is on; otherwise a fresh one for the QR code, bound into the token.</summary>
    static async Task<TwoFactorAuthenticatorResponse> GetAuthenticator(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, TwoFactorService methods, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await VerifiedUserAsync(db, caller, hasher, request, ct);
        var method = await methods.FindAsync(user.Id, TwoFactorProviderType.Authenticator, ct);
        var details = method is { Enabled: true }
            ? new TwoFactorAuthenticatorDetails(true, methods.Read<AuthenticatorData>(method).Key)
            : new TwoFactorAuthenticatorDetails(false, Totp.NewKey());
        await db.SaveChangesAsync(ct);   // Verify may have upgraded the stored hash format
        return new(details, tokens.MintVerification(user.Id, TwoFactorProviderType.Authenticator, details.Key));
    }

    static async Task<TwoFactorAuthenticatorUpdateResponse> PutAuthenticator(TwoFactorAuthenticatorUpdateRequest request, AppDbContext db,
        CurrentUser caller, TwoFactorService methods, TwoFactorTokens tokens, TimeProvider time, CancellationToken ct)
    {
        var user = await TokenUserAsync(db, caller, tokens, request.UserVerificationToken, TwoFactorProviderType.Authenticator, ct, request.Key);
        var step = Totp.MatchingStep(request.Key, request.Token, time.GetUtcNow())
            ?? throw BadRequestException.ForField("Token", "Invalid token.");
        var method = await methods.SaveAsync(user, TwoFactorProviderType.Authenticator, new AuthenticatorData(request.Key), enable: true, ct);
        method.LastUsedStep = step;   // the code that enabled it cannot log in too
        await db.SaveChangesAsync(ct);
        return new(new TwoFactorAuthenticatorDetails(true, request.Key));
    }

    static async Task DeleteAuthenticator([FromBody] TwoFactorAuthenticatorDeleteRequest request, AppDbContext db, CurrentUser caller,
        TwoFactorService methods, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TokenUserAsync(db, caller, tokens, request.UserVerificationToken, TwoFactorProviderType.Authenticator, ct, request.Key);
        await methods.DisableAsync(user, TwoFactorProviderType.Authenticator, ct);
        await db.SaveChangesAsync(ct);
    }

    static async Task<TwoFactorRecoverResponse> GetRecover(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, TwoFactorService methods, CancellationToken ct)
    {
        var user = await VerifiedUserAsync(db, caller, hasher, request, ct);
        await db.SaveChangesAsync(ct);
        return new(methods.RecoveryCode(user));
    }

    static async Task<TwoFactorProviderResponse> Disable(TwoFactorProviderRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, TwoFactorService methods, CancellationToken ct)
    {
        var user = await VerifiedUserAsync(db, caller, hasher, new SecretVerificationRequest(request.MasterPasswordHash), ct);
        await methods.DisableAsync(user, request.Type!.Value, ct);
        await db.SaveChangesAsync(ct);
        return new(false, request.Type.Value);
    }

    /// <summary>Anonymous: email, master password hash and recovery code; failures count towards login throttling.</summary>
    static async Task Recover(TwoFactorRecoveryRequest request, HttpContext http, AppDbContext db, MasterPasswordHasher hasher,
        LoginThrottle throttle, TwoFactorGate gate, CancellationToken ct)
    {
        var keys = LoginThrottleKeys.For(request.Email.Trim(), http.Connection.RemoteIpAddress?.ToString());
        if (!await throttle.PassAsync(keys, ct))
        {
            throw new TooManyRequestsException();
        }
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, ct);
        if (user is null || !hasher.Verify(user, request.MasterPasswordHash) || !await gate.RecoverAsync(user, request.RecoveryCode, ct))
        {
            await throttle.RecordFailureAsync(keys, ct);
            throw new BadRequestException("Invalid information. Try again.");
        }
        await db.SaveChangesAsync(ct);
    }
}
