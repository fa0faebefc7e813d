using System.Security.Cryptography;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>
/// Holds the token signing key. It is created once, in the database, so every instance signs and verifies
/// with the same key; the first instance to start wins the insert race and the others read its key.
/// </summary>
public sealed class SigningKeyStore(IServiceScopeFactory scopes, TimeProvider time)
{
    SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("The signing key is not loaded yet.");

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == 1, ct);
        if (stored is null)
        {
            db.SigningKeys.Add(new SigningKey
            {
                Id = 1,
                Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)),
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
            stored = await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == 1, ct);
        }
        _key = new SymmetricSecurityKey(Convert.FromBase64String(stored.Secret)) { KeyId = "custodian-1" };
    }
}
