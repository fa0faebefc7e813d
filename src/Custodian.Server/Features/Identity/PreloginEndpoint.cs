using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Identity;

public sealed record PreloginRequest([property: Required, MaxLength(256)] string Email) : IRequestModel;

/// <summary>Both the legacy flat KDF fields and <c>kdfSettings</c>, which the 2026 clients read.</summary>
public sealed record PreloginResponse(
    KdfType Kdf, int KdfIterations, int? KdfMemory, int? KdfParallelism, KdfResponse KdfSettings, string Salt);

public static class PreloginEndpoint
{
    /// <summary>
    /// Unknown emails get the defaults a new account would have, so the answer never tells whether an account exists.
    /// </summary>
    public static async Task<PreloginResponse> Prelogin(PreloginRequest request, AppDbContext db, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, ct);
        var kdf = user is null
            ? new KdfResponse(KdfType.Pbkdf2Sha256, KdfRules.DefaultPbkdf2Iterations, null, null)
            : KdfResponse.From(user);
        return new PreloginResponse(kdf.KdfType, kdf.Iterations, kdf.Memory, kdf.Parallelism, kdf,
            user?.MasterPasswordSalt ?? email);
    }
}
