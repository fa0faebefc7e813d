using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>Email codes (type 1): set up with a code sent to the chosen address, and codes for the login prompt.</summary>
public static class TwoFactorEmailEndpoints
{
    public static void MapTwoFactorEmailEndpoints(this RouteGroupBuilder twoFactor)
    {
        twoFactor.MapPost("/get-email", GetEmail);
        twoFactor.MapPost("/send-email", SendSetupEmail);
        twoFactor.MapPost("/send-email-login", SendLoginEmail).AllowAnonymous();
        twoFactor.MapPut("/email", PutEmail);
        twoFactor.MapPost("/email", PutEmail);   // deprecated alias Bitwarden keeps
        twoFactor.MapDelete("/email", DeleteEmail);
    }

    static async Task<TwoFactorEmailResponse> GetEmail(SecretVerificationRequest request, AppDbContext db, CurrentUser caller,
        MasterPasswordHasher hasher, TwoFactorService methods, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.VerifiedUserAsync(db, caller, hasher, request, ct);
        var method = await methods.FindAsync(user.Id, TwoFactorProviderType.Email, ct);
        await db.SaveChangesAsync(ct);
        return new(Details(methods, method), tokens.MintVerification(user.Id, TwoFactorProviderType.Email));
    }

    static TwoFactorEmailDetails Details(TwoFactorService methods, TwoFactorMethod? method) =>
        method is { Enabled: true } ? new(true, methods.Read<EmailData>(method).Email) : new(false, null);

    /// <summary>Sends a setup code to the address being set up; an enabled address stays in use until confirmed.</summary>
    static async Task SendSetupEmail(TwoFactorEmailSetupRequest request, AppDbContext db, CurrentUser caller, TwoFactorService methods,
        TwoFactorTokens tokens, Mailer mailer, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.TokenUserAsync(db, caller, tokens, request.UserVerificationToken, TwoFactorProviderType.Email, ct);
        var email = request.Email.Trim().ToLowerInvariant();
        var existing = await methods.FindAsync(user.Id, TwoFactorProviderType.Email, ct);
        var current = existing is null ? null : methods.Read<EmailData>(existing);
        var method = await methods.SaveAsync(user, TwoFactorProviderType.Email, new EmailData(current?.Email, email), enable: false, ct);
        var code = methods.NewEmailCode(method, email);
        await db.SaveChangesAsync(ct);
        await SendCodeAsync(mailer, email, code, "setting up two-step login", ct);
    }

    static async Task<TwoFactorEmailUpdateResponse> PutEmail(TwoFactorEmailUpdateRequest request, AppDbContext db, CurrentUser caller,
        TwoFactorService methods, TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.TokenUserAsync(db, caller, tokens, request.UserVerificationToken, TwoFactorProviderType.Email, ct);
        var email = request.Email.Trim().ToLowerInvariant();
        var method = await methods.FindAsync(user.Id, TwoFactorProviderType.Email, ct);
        if (method is null || methods.Read<EmailData>(method).PendingEmail != email || !await methods.UseEmailCodeAsync(user.Id, email, request.Token, ct))
        {
            throw BadRequestException.ForField("Token", "Invalid token.");
        }
        method.CodeHash = null;   // the tracked row still holds the code the conditional update just cleared
        method.CodeExpirationDate = null;
        await methods.SaveAsync(user, TwoFactorProviderType.Email, new EmailData(email, null), enable: true, ct);
        await db.SaveChangesAsync(ct);
        return new(new TwoFactorEmailDetails(true, email));
    }

    static async Task DeleteEmail([FromBody] TwoFactorVerifiedRequest request, AppDbContext db, CurrentUser caller, TwoFactorService methods,
        TwoFactorTokens tokens, CancellationToken ct)
    {
        var user = await TwoFactorEndpoints.TokenUserAsync(db, caller, tokens, request.UserVerificationToken, TwoFactorProviderType.Email, ct);
        await methods.DisableAsync(user, TwoFactorProviderType.Email, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Anonymous, for the login prompt: the master password hash, or the session token the 2FA challenge carried,
    /// proves the caller. Every refusal looks the same, and failed passwords count towards login throttling.
    /// </summary>
    static async Task SendLoginEmail(TwoFactorEmailLoginRequest request, HttpContext http, AppDbContext db, MasterPasswordHasher hasher,
        LoginThrottle throttle, TwoFactorService methods, TwoFactorTokens tokens, Mailer mailer, CancellationToken ct)
    {
        var keys = LoginThrottleKeys.For(request.Email.Trim(), http.Connection.RemoteIpAddress?.ToString());
        if (!await throttle.PassAsync(keys, ct))
        {
            throw new TooManyRequestsException();
        }
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, ct);
        var proven = user is not null && (tokens.IsValidEmailSession(request.SsoEmail2FaSessionToken, user.Id)
            || (!string.IsNullOrEmpty(request.MasterPasswordHash) && hasher.Verify(user, request.MasterPasswordHash)));
        var method = proven ? await methods.FindAsync(user!.Id, TwoFactorProviderType.Email, ct) : null;
        if (method is not { Enabled: true })
        {
            await throttle.RecordFailureAsync(keys, ct);
            throw new BadRequestException("Cannot send two-factor email.");
        }
        var address = methods.Read<EmailData>(method).Email!;
        var code = methods.NewEmailCode(method, address);
        await db.SaveChangesAsync(ct);
        await SendCodeAsync(mailer, address, code, "logging in", ct);
    }

    static Task SendCodeAsync(Mailer mailer, string to, string code, string action, CancellationToken ct) =>
        mailer.SendAsync(to, "Your two-step login verification code",
            $"Your verification code for {action} to Custodian is: {code}\n\nIt expires in {(int)TwoFactorService.EmailCodeLifetime.TotalMinutes} minutes. "
            + "If you did not ask for it, change your master password.\n", ct);
}
