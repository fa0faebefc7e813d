using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Identity;

/// <summary>Account registration: the legacy one-step route and the web client's verify-then-finish pair.</summary>
public static class RegistrationEndpoints
{
    const string SignupsDisabled = "Registration has been disabled by the system administrator.";
    const string TokenPurpose = "Custodian.Registration.EmailVerification";

    public static async Task<RegisterResponse> Register(RegisterRequest request, AccountRegistrar registrar,
        IOptions<SignupsOptions> signups, CancellationToken ct)
    {
        if (!signups.Value.Allowed)
        {
            throw new BadRequestException(SignupsDisabled);
        }
        var kdf = request.Kdf ?? KdfType.Pbkdf2Sha256;
        await registrar.RegisterAsync(new NewAccount(
            request.Email, request.Name, request.MasterPasswordHint, request.MasterPasswordHash, request.Email.Trim().ToLowerInvariant(),
            kdf, request.KdfIterations ?? KdfRules.DefaultPbkdf2Iterations, request.KdfMemory, request.KdfParallelism,
            request.Key, request.Keys.PublicKey, request.Keys.EncryptedPrivateKey, EmailVerified: false), ct);
        return new RegisterResponse();
    }

    /// <summary>
    /// Without a mail service configured the token comes straight back (Bitwarden's "verification off" answer:
    /// 200 with a JSON string), and the client continues to register/finish with it.
    /// </summary>
    public static IResult SendVerificationEmail(SendVerificationEmailRequest request, IDataProtectionProvider protection,
        IOptions<SignupsOptions> signups)
    {
        if (!signups.Value.Allowed)
        {
            throw new BadRequestException(SignupsDisabled);
        }
        var token = Protector(protection).Protect(request.Email.Trim().ToLowerInvariant(), signups.Value.TokenLifetime);
        return Results.Json(token);
    }

    /// <summary>
    /// Registers with an email verification token, or with an organization invitation for that address: an
    /// invited person may always create their account, even when open signups are off.
    /// </summary>
    public static async Task<RegisterResponse> RegisterFinish(RegisterFinishRequest request, AccountRegistrar registrar,
        IDataProtectionProvider protection, IOptions<SignupsOptions> signups, InviteTokens invites, AppDbContext db, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        if (request.OrgInviteToken is not null || request.ProviderInviteToken is not null)
        {
            // Both invitations (and a provider's setup mail) carry a token bound to the invited row and address.
            var (token, rowId) = request.OrgInviteToken is not null
                ? (request.OrgInviteToken, request.OrganizationUserId)
                : (request.ProviderInviteToken, request.ProviderUserId);
            var invited = rowId is { } id && (request.OrgInviteToken is not null
                ? await db.OrganizationUsers.AnyAsync(m => m.Id == id && m.Status == OrganizationUserStatus.Invited && m.Email == email, ct)
                : await db.ProviderUsers.AnyAsync(u => u.Id == id && u.UserId == null && u.Email == email, ct));
            if (!invited || !invites.IsValid(token, rowId!.Value, email))
            {
                throw BadRequestException.ForField(request.OrgInviteToken is not null ? "OrgInviteToken" : "ProviderInviteToken", "Invalid or expired invitation.");
            }
            await registrar.RegisterAsync(ToNewAccount(request, email, emailVerified: true), ct);
            return new RegisterResponse();
        }
        if (!signups.Value.Allowed)
        {
            throw new BadRequestException(SignupsDisabled);
        }
        if (request.EmailVerificationToken is null || !IsValidToken(protection, request.EmailVerificationToken, email))
        {
            throw BadRequestException.ForField("EmailVerificationToken", "Invalid or expired email verification token.");
        }
        await registrar.RegisterAsync(ToNewAccount(request, email, emailVerified: true), ct);
        return new RegisterResponse();
    }

    /// <summary>Folds the grouped and the flat forms into one; the grouped objects must agree with each other.</summary>
    static NewAccount ToNewAccount(RegisterFinishRequest r, string email, bool emailVerified)
    {
        var (auth, unlock) = (r.MasterPasswordAuthentication, r.MasterPasswordUnlock);
        if (auth is not null && unlock is not null && (auth.Kdf != unlock.Kdf || auth.Salt != unlock.Salt))
        {
            throw BadRequestException.ForField("MasterPasswordUnlock", "The authentication and unlock KDF settings differ.");
        }
        var hash = auth?.MasterPasswordAuthenticationHash ?? r.MasterPasswordHash
            ?? throw BadRequestException.ForField("MasterPasswordHash", "The master password hash is required.");
        var key = unlock?.MasterKeyWrappedUserKey ?? r.UserSymmetricKey
            ?? throw BadRequestException.ForField("UserSymmetricKey", "The protected user key is required.");
        var kdf = auth?.Kdf ?? unlock?.Kdf ?? new KdfRequest(r.Kdf ?? KdfType.Pbkdf2Sha256,
            r.KdfIterations ?? KdfRules.DefaultPbkdf2Iterations, r.KdfMemory, r.KdfParallelism);
        return new NewAccount(email, r.Name, r.MasterPasswordHint, hash, auth?.Salt ?? unlock?.Salt ?? email,
            kdf.KdfType, kdf.Iterations, kdf.Memory, kdf.Parallelism,
            key, r.UserAsymmetricKeys.PublicKey, r.UserAsymmetricKeys.EncryptedPrivateKey, emailVerified);
    }

    static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(TokenPurpose).ToTimeLimitedDataProtector();

    static bool IsValidToken(IDataProtectionProvider protection, string token, string email)
    {
        try
        {
            return Protector(protection).Unprotect(token) == email;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;   // tampered, expired, or made by another server
        }
    }
}
