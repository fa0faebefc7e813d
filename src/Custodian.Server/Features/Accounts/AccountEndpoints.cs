using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Accounts;

public sealed record UserKeyIdRequest(
    [property: Required, RegularExpression("^[0-9a-f]{32}$", ErrorMessage = "The user key id must be 32 lower-case hex characters.")]
    string UserKeyId) : IRequestModel;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/profile", GetProfile);
        accounts.MapGet("/revision-date", GetRevisionDate);
        // Called by the SDK right after login when sync reports no userKeyId (client-contract H2).
        accounts.MapPost("/key-management/user-key-id", SetUserKeyId);
        return accounts;
    }

    static async Task<ProfileResponse> GetProfile(AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        await ProfileResponse.BuildAsync(db, await LoadAsync(db, caller, ct), ct);

    /// <summary>Milliseconds since the epoch of the last change the user's clients must sync.</summary>
    static async Task<long> GetRevisionDate(AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var date = await db.Users.Where(u => u.Id == caller.Id).Select(u => (DateTime?)u.AccountRevisionDate).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        return new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    static async Task SetUserKeyId(UserKeyIdRequest request, AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var user = await LoadAsync(db, caller, ct);
        if (user.UserKeyId is not null)
        {
            throw new BadRequestException("User key id is already set.");
        }
        user.UserKeyId = request.UserKeyId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The caller's own row. A token for a deleted account reads as not found, never 401/403.</summary>
    public static async Task<User> LoadAsync(AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == caller.Id, ct) ?? throw new NotFoundException();
}
