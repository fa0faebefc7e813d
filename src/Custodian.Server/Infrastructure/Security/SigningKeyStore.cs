using System.Security.Cryptography;
using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>
/// Holds the token signing key. It is created once, in the database, so every instance signs and verifies
/// with the same key; the first instance to start wins the insert race and the others read its key. The row holds
/// it protected (Data Protection, whose key ring is encrypted with the key kept outside the database): whoever reads
/// the database cannot mint tokens.
/// </summary>
public sealed class SigningKeyStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
{
    readonly IDataProtector _protector = protection.CreateProtector("Custodian.Identity.SigningKey");
    SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("The signing key is not loaded yet.");

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.SigningKeys.SingleOrDefaultAsync(k => k.Id == 1, ct);
        if (stored is null)
        {
            db.SigningKeys.Add(new SigningKey
            {
                Id = 1,
                Secret = _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))),
                CreationDate = time.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance inserted it first; use theirs.
            }
            db.ChangeTracker.Clear();
            stored = await db.SigningKeys.SingleAsync(k => k.Id == 1, ct);
        }
        var secret = SecretsAtRest.Reveal(_protector, stored.Secret);
        if (!SecretsAtRest.IsProtected(stored.Secret))
        {
            stored.Secret = _protector.Protect(secret);   // a key written before protection: same key, now protected
            await db.SaveChangesAsync(ct);
        }
        _key = new SymmetricSecurityKey(Convert.FromBase64String(secret)) { KeyId = "custodian-1" };
    }
}
