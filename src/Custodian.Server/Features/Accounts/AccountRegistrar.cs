using System.Security.Cryptography;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Accounts;

/// <summary>What every registration path (plain signup, organization or provider invitation) ends up storing.</summary>
public sealed record NewAccount(
    string Email, string? Name, string? MasterPasswordHint, string MasterPasswordHash, string Salt,
    KdfType Kdf, int KdfIterations, int? KdfMemory, int? KdfParallelism,
    string Key, string PublicKey, string EncryptedPrivateKey, bool EmailVerified);

/// <summary>Creates accounts; the one place that checks what a new account must satisfy.</summary>
public sealed class AccountRegistrar(AppDbContext db, MasterPasswordHasher hasher, IOptions<AccountsOptions> options, TimeProvider time)
{
    public async Task<User> RegisterAsync(NewAccount account, CancellationToken ct)
    {
        var email = account.Email.Trim().ToLowerInvariant();
        // The master key was derived with the salt; it must be the address the account will log in with.
        if (!string.Equals(account.Salt.Trim(), email, StringComparison.Ordinal))
        {
            throw BadRequestException.ForField("Salt", "The master password salt must be the lower-cased email.");
        }
        KdfRules.Validate(account.Kdf, account.KdfIterations, account.KdfMemory, account.KdfParallelism,
            options.Value.MinimumPbkdf2Iterations);
        RequirePublicKey(account.PublicKey);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            throw BadRequestException.ForField("Email", $"Email '{email}' is already taken.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            EmailVerified = account.EmailVerified,
            Name = account.Name,
            MasterPasswordHint = string.IsNullOrWhiteSpace(account.MasterPasswordHint) ? null : account.MasterPasswordHint,
            MasterPasswordSalt = email,
            Kdf = account.Kdf,
            KdfIterations = account.KdfIterations,
            KdfMemory = account.Kdf == KdfType.Argon2id ? account.KdfMemory : null,
            KdfParallelism = account.Kdf == KdfType.Argon2id ? account.KdfParallelism : null,
            Key = account.Key,
            PublicKey = account.PublicKey,
            PrivateKey = account.EncryptedPrivateKey,
            SecurityStamp = Guid.NewGuid().ToString(),
            CreationDate = now,
            AccountRevisionDate = now,
        };
        user.MasterPassword = hasher.Hash(user, account.MasterPasswordHash);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations for one address raced; the unique index let only one through.
            throw BadRequestException.ForField("Email", $"Email '{email}' is already taken.");
        }
        return user;
    }

    /// <summary>The SPKI DER of an RSA public key, base64; anything else would break every key exchange later.</summary>
    public static void RequirePublicKey(string publicKey)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw BadRequestException.ForField("PublicKey", "The public key is not a base64 RSA SubjectPublicKeyInfo.");
        }
    }
}
