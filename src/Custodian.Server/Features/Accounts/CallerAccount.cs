using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// The caller's account row as the token check read it (one query, which the check needs anyway), with flags that
/// tell a sync which of its parts are empty without asking: a personal vault would otherwise pay a query each for
/// providers, provider clients, carried clients, two-step login and Sends. A snapshot taken before the handler ran,
/// untracked: a route that changes the account loads it again (<see cref="AccountEndpoints.LoadAsync"/>).
/// </summary>
public sealed class CallerAccount
{
    /// <summary>Null until the token check has read it (or for tenant API-key tokens, which act for no user).</summary>
    public User? User { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>A confirmed user of some provider: only then can the caller reach anything through a provider.</summary>
    public bool InProvider { get; private set; }

    public bool HasSends { get; private set; }

    /// <summary>Every authenticated request runs it, so it is compiled (<see cref="CompiledQuery{TQuery}"/>).</summary>
    static readonly CompiledQuery<Func<AppDbContext, Guid, CancellationToken, Task<Row?>>> Read = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId, CancellationToken _) => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new Row(
            u,
            db.TwoFactorMethods.Any(t => t.UserId == userId && t.Enabled),
            db.ProviderUsers.Any(p => p.UserId == userId && p.Status == Providers.ProviderUserStatusType.Confirmed),
            db.Sends.Any(s => s.UserId == userId))).FirstOrDefault()));

    sealed record Row(User User, bool TwoFactor, bool InProvider, bool HasSends);

    /// <summary>Reads the account and its flags; answers the stored security stamp, or null for an unknown account.</summary>
    public async Task<string?> LoadAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        if (await Read.For(db)(db, userId, ct) is not { } row)
        {
            return null;
        }
        (User, TwoFactorEnabled, InProvider, HasSends) = (row.User, row.TwoFactor, row.InProvider, row.HasSends);
        return row.User.SecurityStamp;
    }
}
