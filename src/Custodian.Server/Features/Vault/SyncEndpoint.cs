using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;

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
    IReadOnlyList<object> Sends,
    UserDecryptionResponse UserDecryption) : ResponseModel("sync");

public static class SyncEndpoint
{
    public static RouteGroupBuilder MapSyncEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sync", Sync).WithTags("Sync");
        return api;
    }

    static async Task<SyncResponse> Sync(bool? excludeDomains, AppDbContext db, CurrentUser caller, CipherService ciphers, Organizations.CollectionService collections,
        Platform.CustodianMetrics metrics, CancellationToken ct)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        return new SyncResponse(await ProfileResponse.BuildAsync(db, user, ct), await FolderEndpoints.ListOwnAsync(db, user.Id, ct), await collections.MineAsync(ct),
            metrics.CountSynced(ciphers.VisibleItemsAsync(ct)), excludeDomains == true ? null : DomainsResponse.From(user, includeExcluded: false),
            await Organizations.PolicyEndpoints.ForUserAsync(db, user.Id, ct), [], new UserDecryptionResponse(MasterPasswordUnlockResponse.From(user), user.UserKeyId));
    }
}
