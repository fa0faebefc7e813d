using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Providers;
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
        accounts.MapPut("/profile", UpdateProfile);
        accounts.MapPost("/profile", UpdateProfile); // legacy alias
        accounts.MapPost("/keys", SetKeys);
        accounts.MapMasterPasswordEndpoints();
        api.MapGet("/users/{id:guid}/public-key", GetPublicKey).WithTags("Accounts");
        api.MapGet("/devices", ListDevices).WithTags("Accounts");
        return accounts;
    }

    static async Task<ProfileResponse> GetProfile(AppDbContext db, ProviderClientProfiles providerClients, CurrentUser caller,
        CallerAccount account, CancellationToken ct) =>
        account.User is { } user ? await ProfileResponse.BuildAsync(db, providerClients, user, ct, account)
            : await ProfileResponse.BuildAsync(db, providerClients, await LoadAsync(db, caller, ct), ct);

    /// <summary>Milliseconds since the epoch of the last change the user's clients must sync.</summary>
    /// <remarks>The apps poll it before each sync; the token check has read the account already.</remarks>
    static async Task<long> GetRevisionDate(AppDbContext db, CurrentUser caller, CallerAccount account, CancellationToken ct)
    {
        var date = account.User?.AccountRevisionDate
            ?? await db.Users.Where(u => u.Id == caller.Id).Select(u => (DateTime?)u.AccountRevisionDate).SingleOrDefaultAsync(ct)
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

    static async Task<ProfileResponse> UpdateProfile(UpdateProfileRequest request, AppDbContext db, ProviderClientProfiles providerClients,
        CurrentUser caller, CancellationToken ct)
    {
        var user = await LoadAsync(db, caller, ct);
        user.Name = request.Name;
        user.MasterPasswordHint = string.IsNullOrWhiteSpace(request.MasterPasswordHint) ? null : request.MasterPasswordHint;
        user.Culture = string.IsNullOrWhiteSpace(request.Culture) ? user.Culture : request.Culture;
        await db.SaveChangesAsync(ct);
        return await ProfileResponse.BuildAsync(db, providerClients, user, ct);
    }

    /// <summary>Sets the key pair of an account created without one; an existing pair is never replaced here.</summary>
    static async Task<KeysResponse> SetKeys(SetKeysRequest request, AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var user = await LoadAsync(db, caller, ct);
        if (user.PublicKey is not null && (user.PublicKey != request.PublicKey || user.PrivateKey != request.EncryptedPrivateKey))
        {
            throw new BadRequestException("Cannot replace existing key(s) with new key(s).");
        }
        AccountRegistrar.RequirePublicKey(request.PublicKey);
        user.PublicKey = request.PublicKey;
        user.PrivateKey = request.EncryptedPrivateKey;
        await db.SaveChangesAsync(ct);
        return new KeysResponse(user.Key, user.PublicKey, user.PrivateKey, AccountKeysResponse.From(user));
    }

    /// <summary>Any signed-in user may read a public key: it is what org and provider admins wrap keys to.</summary>
    static async Task<UserKeyResponse> GetPublicKey(Guid id, AppDbContext db, CancellationToken ct)
    {
        var publicKey = await db.Users.Where(u => u.Id == id).Select(u => new { u.PublicKey }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("User not found.");
        return new UserKeyResponse(id, publicKey.PublicKey);
    }

    static async Task<ListResponse<DeviceResponse>> ListDevices(AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var devices = await db.Devices.Where(d => d.UserId == caller.Id).OrderBy(d => d.CreationDate).ToListAsync(ct);
        return new(devices.Select(DeviceResponse.From).ToList());
    }

    /// <summary>The caller's own row. A token for a deleted account reads as not found, never 401/403.</summary>
    public static async Task<User> LoadAsync(AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == caller.Id, ct) ?? throw new NotFoundException();
}
