using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Identity;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// The server never sees a master password, only the client's master password hash; that hash is treated as a
/// password and hashed again here (PBKDF2 with a per-user salt, ASP.NET Core Identity's format).
/// </summary>
public sealed class MasterPasswordHasher
{
    readonly PasswordHasher<User> _hasher = new();

    public string Hash(User user, string clientHash) => _hasher.HashPassword(user, clientHash);

    /// <summary>Constant-time check; rehashes in place when the stored format is outdated.</summary>
    public bool Verify(User user, [NotNullWhen(true)] string? clientHash)
    {
        if (string.IsNullOrEmpty(clientHash) || user.MasterPassword is null)
        {
            return false;
        }
        var result = _hasher.VerifyHashedPassword(user, user.MasterPassword, clientHash);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.MasterPassword = Hash(user, clientHash);
        }
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>For authenticated calls that re-confirm the master password (Bitwarden's wording and field).</summary>
    public void Require(User user, string? clientHash)
    {
        if (!Verify(user, clientHash))
        {
            throw Infrastructure.Http.BadRequestException.ForField("MasterPasswordHash", "Invalid password.");
        }
    }
}
