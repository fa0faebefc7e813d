using Custodian.Server.Features.Admin;
using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Platform;

/// <summary>What the web UI needs to know before anyone logs in.</summary>
/// <param name="AdminEnabled">Whether <c>/admin</c> is on (an admin token is configured), so the UI offers Admin only then.</param>
/// <param name="SignupsAllowed">Whether anyone may register, or only invited people.</param>
/// <param name="FirstRun">No account exists yet: the UI shows how to create the first account and the first provider.
/// True only on a fresh server, so it tells a stranger nothing about who uses an established one.</param>
public sealed record ServerStatusResponse(bool AdminEnabled, bool SignupsAllowed, bool FirstRun);

/// <summary><c>GET /api/server-status</c>, anonymous. Custodian's own route: no Bitwarden app calls it.</summary>
public static class ServerStatus
{
    public static async Task<ServerStatusResponse> GetAsync(IOptions<AdminOptions> admin, IOptions<SignupsOptions> signups, AppDbContext db, CancellationToken ct) =>
        new(!string.IsNullOrEmpty(admin.Value.Token), signups.Value.Allowed, !await db.Users.AnyAsync(ct));
}
