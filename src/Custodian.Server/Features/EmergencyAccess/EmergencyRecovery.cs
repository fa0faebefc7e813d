using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>
/// What an approved grantee may do: read the grantor's own items (view), or fetch the wrapped key and KDF and set a
/// new master password for the grantor (takeover). The server hands out only what the grantor's client wrapped.
/// </summary>
public sealed class EmergencyRecovery(AppDbContext db, EmergencyAccessService access, MasterPasswordHasher hasher, EmergencyAccessMail mail,
    EventLog events, AttachmentLinks links, TimeProvider time)
{
    /// <summary>
    /// The grantor's personal items with their files, read-only; org items stay with the org (Bitwarden's view does
    /// the same). Each file carries a signed download link, as the vault's own items do.
    /// </summary>
    public async Task<EmergencyAccessViewResponse> ViewAsync(Guid id, CancellationToken ct)
    {
        var row = await access.ApprovedAsync(id, EmergencyAccessType.View, ct);
        var ciphers = await GrantorItems(row).OrderBy(c => c.Id).ToListAsync(ct);
        var ids = ciphers.ConvertAll(c => c.Id);
        var files = (await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.CipherId) && a.Uploaded).ToListAsync(ct))
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToLookup(a => a.CipherId);
        var readOnly = new CipherAccess(Edit: false, ViewPassword: true, Delete: false, Restore: false, Manage: false);
        access.Record(EventType.EmergencyAccess_Viewed, row);
        await db.SaveChangesAsync(ct);
        return new(row.KeyEncrypted, ciphers.ConvertAll(c => CipherMapper.ToResponse(c, null, [.. files[c.Id].Select(links.Response)], readOnly)));
    }

    /// <summary>
    /// Bitwarden's <c>GetAttachmentDownloadAsync</c>: a fresh link to one file of an item the view shows. Anything the
    /// view would not show (another account's item, a trashed one, an org's) is a 404.
    /// </summary>
    public async Task<AttachmentResponse> AttachmentAsync(Guid id, Guid cipherId, string attachmentId, CancellationToken ct)
    {
        var row = await access.ApprovedAsync(id, EmergencyAccessType.View, ct);
        var items = GrantorItems(row);
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.CipherId == cipherId && a.Uploaded && items.Any(c => c.Id == a.CipherId))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        return links.Response(attachment);
    }

    IQueryable<Cipher> GrantorItems(EmergencyContact row) =>
        db.Ciphers.AsNoTracking().Where(c => c.UserId == row.GrantorId && c.OrganizationId == null && c.DeletedDate == null);

    public async Task<EmergencyAccessTakeoverResponse> TakeoverAsync(Guid id, CancellationToken ct)
    {
        var row = await access.ApprovedAsync(id, EmergencyAccessType.Takeover, ct);
        var grantor = await db.Users.AsNoTracking().SingleAsync(u => u.Id == row.GrantorId, ct);
        return new(row.KeyEncrypted, grantor.Kdf, grantor.KdfIterations, grantor.KdfMemory, grantor.KdfParallelism,
            grantor.MasterPasswordSalt ?? grantor.Email);
    }

    /// <summary>
    /// The enabled policies of the orgs the grantor owns, so the grantee's client holds the new password to them
    /// (Bitwarden answers them only for owners, whose memberships a takeover keeps).
    /// </summary>
    public async Task<ListResponse<PolicyResponse>> PoliciesAsync(Guid id, CancellationToken ct)
    {
        var row = await access.ApprovedAsync(id, EmergencyAccessType.Takeover, ct);
        var owned = db.OrganizationUsers.Where(m => m.UserId == row.GrantorId && m.Type == OrganizationUserType.Owner
            && m.Status == OrganizationUserStatus.Confirmed).Select(m => m.OrganizationId);
        var policies = await db.Policies.AsNoTracking().Where(p => p.Enabled && owned.Contains(p.OrganizationId)).ToListAsync(ct);
        return new(policies.ConvertAll(PolicyResponse.From));
    }

    /// <summary>
    /// Sets the grantor's new master password. Every session of the grantor ends (new security stamp), two-step
    /// login is switched off (it would lock the new password out), and the grantor leaves every org it does not own,
    /// so a takeover never hands the grantee an org's data the grantor only had as a member.
    /// </summary>
    public async Task SetPasswordAsync(Guid id, EmergencyAccessPasswordRequest request, CancellationToken ct)
    {
        var row = await access.ApprovedAsync(id, EmergencyAccessType.Takeover, ct);
        var grantor = await db.Users.SingleAsync(u => u.Id == row.GrantorId, ct);
        var (hash, key) = NewSecret(request, grantor);
        MasterPasswordEndpoints.SetMasterPassword(grantor, hasher, hash, key, time);
        grantor.TwoFactorRevision = Guid.NewGuid().ToString();
        db.TwoFactorMethods.RemoveRange(await db.TwoFactorMethods.Where(m => m.UserId == grantor.Id).ToListAsync(ct));
        var memberships = await db.OrganizationUsers.Where(m => m.UserId == grantor.Id && m.Type != OrganizationUserType.Owner).ToListAsync(ct);
        db.OrganizationUsers.RemoveRange(memberships);
        foreach (var membership in memberships)
        {
            // Each org the grantor leaves sees it in its own log, as when an admin removes a member.
            events.Add(EventType.OrganizationUser_Removed,
                new EventSubject(OrganizationId: membership.OrganizationId, OrganizationUserId: membership.Id, UserId: grantor.Id));
        }
        access.Record(EventType.EmergencyAccess_TookOver, row);
        await db.SaveChangesAsync(ct);
        await mail.TookOverAsync(grantor, await access.MeAsync(ct), ct);
    }

    /// <summary>The flat pair, or the grouped data of newer clients, which must keep the grantor's KDF and salt.</summary>
    static (string Hash, string Key) NewSecret(EmergencyAccessPasswordRequest r, User grantor)
    {
        if (r.AuthenticationData is { } auth && r.UnlockData is { } unlock)
        {
            var salt = grantor.MasterPasswordSalt ?? grantor.Email;
            if (auth.Salt != salt || unlock.Salt != salt)
            {
                throw BadRequestException.ForField("Salt", "The salt must be the account's salt.");
            }
            if (auth.Kdf != unlock.Kdf || auth.Kdf.KdfType != grantor.Kdf || auth.Kdf.Iterations != grantor.KdfIterations)
            {
                throw BadRequestException.ForField("Kdf", "The KDF settings must be the account's.");
            }
            return (auth.MasterPasswordAuthenticationHash, unlock.MasterKeyWrappedUserKey);
        }
        if (r.NewMasterPasswordHash is { Length: > 0 } hash && r.Key is { Length: > 0 } key)
        {
            return (hash, key);
        }
        throw new BadRequestException("Send either newMasterPasswordHash and key, or authenticationData and unlockData.");
    }
}
