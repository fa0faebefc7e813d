using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary><c>userDecryption</c>: what the SDK needs to unlock offline, and the user key id once known.</summary>
public sealed record UserDecryptionResponse(MasterPasswordUnlockResponse? MasterPasswordUnlock, string? UserKeyId);

/// <summary>
/// Everything a client holds, in one response. The CLI always asks with <c>excludeDomains=true</c>. The items are
/// read while the response is written; everything else is loaded before the first byte goes out.
/// </summary>
public sealed record SyncResponse(
    ProfileResponse Profile,
    IReadOnlyList<FolderResponse> Folders,
    IReadOnlyList<Organizations.CollectionDetailsResponse> Collections,
    IAsyncEnumerable<SyncItem> Ciphers,
    Accounts.DomainsResponse? Domains,
    IReadOnlyList<Organizations.PolicyResponse> Policies,
    IReadOnlyList<Sends.SendResponse> Sends,
    UserDecryptionResponse UserDecryption) : ResponseModel("sync");

public static class SyncEndpoint
{
    public static RouteGroupBuilder MapSyncEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sync", Sync).WithTags("Sync");
        return api;
    }

    /// <remarks>
    /// A small vault's sync is mostly fixed cost, so it asks only what it cannot know: the account and its flags come
    /// from the token check, the memberships are read once for the profile and the item rules, and parts known to be
    /// empty (provider reach, Sends) are not asked for. One connection, opened by the token check, serves every query
    /// (<see cref="ReadConnectionFilter"/>). A test pins the number of commands (SyncCommandCountTests).
    /// </remarks>
    static async Task<SyncResponse> Sync(bool? excludeDomains, AppDbContext db, CurrentUser caller, Accounts.CallerAccount account, VaultAccess access,
        CipherService ciphers, Organizations.CollectionService collections, Providers.ProviderClientProfiles providerClients,
        Platform.CustodianMetrics metrics, CancellationToken ct)
    {
        var user = account.User ?? await AccountEndpoints.LoadAsync(db, caller, ct);
        var known = account.User is null ? null : account;
        var profile = await ProfileResponse.BuildAsync(db, providerClients, user, ct, known, await access.MembershipsAsync(ct));
        return new SyncResponse(profile, await FolderEndpoints.ListOwnAsync(db, user.Id, ct), await collections.MineAsync(ct),
            metrics.CountSynced(ciphers.VisibleItemsAsync(ct)), excludeDomains == true ? null : DomainsResponse.From(user, includeExcluded: false),
            await Organizations.PolicyEndpoints.ForUserAsync(db, user.Id, ct),
            known is { HasSends: false } ? [] : (await Sends.SendEndpoints.OwnedAsync(db, user.Id, ct)).ConvertAll(Sends.SendResponse.From),
            new UserDecryptionResponse(MasterPasswordUnlockResponse.From(user), user.UserKeyId));
    }
}
