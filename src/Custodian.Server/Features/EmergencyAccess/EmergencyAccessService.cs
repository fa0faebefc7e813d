using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>
/// Who may act on an emergency-access row and what each step does. A row is reachable only by its grantor or its
/// grantee, each through the steps that are theirs; anyone else gets a 404. A step out of order is Bitwarden's 400.
/// </summary>
public sealed class EmergencyAccessService(AppDbContext db, CurrentUser caller, EventLog events, EmergencyAccessMail mail, TimeProvider time)
{
    public const string NotValid = "Emergency Access not valid.";

    DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<User> MeAsync(CancellationToken ct) => db.Users.SingleAsync(u => u.Id == caller.Id, ct);

    public async Task<EmergencyContact> AsGrantorAsync(Guid id, CancellationToken ct) =>
        await db.EmergencyContacts.SingleOrDefaultAsync(e => e.Id == id && e.GrantorId == caller.Id, ct) ?? throw new NotFoundException();

    public async Task<EmergencyContact> AsGranteeAsync(Guid id, CancellationToken ct) =>
        await db.EmergencyContacts.SingleOrDefaultAsync(e => e.Id == id && e.GranteeId == caller.Id, ct) ?? throw new NotFoundException();

    /// <summary>The grantee's row in the state a recovery step needs, else Bitwarden's 400.</summary>
    public async Task<EmergencyContact> ApprovedAsync(Guid id, EmergencyAccessType type, CancellationToken ct)
    {
        var row = await AsGranteeAsync(id, ct);
        return row.Status == EmergencyAccessStatus.RecoveryApproved && row.Type == type ? row : throw new BadRequestException(NotValid);
    }

    public async Task InviteAsync(EmergencyAccessInviteRequest request, CancellationToken ct)
    {
        mail.EnsureConfigured();
        var grantor = await MeAsync(ct);
        var email = request.Email.Trim().ToLowerInvariant();
        if (email == grantor.Email)
        {
            throw new BadRequestException("You cannot add yourself as an emergency access contact.");
        }
        var row = new EmergencyContact
        {
            Id = Guid.CreateVersion7(), GrantorId = grantor.Id, Email = email, Type = request.Type!.Value,
            Status = EmergencyAccessStatus.Invited, WaitTimeDays = (short)request.WaitTimeDays, CreationDate = Now,
        };
        db.EmergencyContacts.Add(row);
        Record(EventType.EmergencyAccess_Invited, row);
        await db.SaveChangesAsync(ct);
        await mail.InvitedAsync(row, grantor, ct);
    }

    public async Task ReinviteAsync(Guid id, CancellationToken ct)
    {
        mail.EnsureConfigured();
        var row = await AsGrantorAsync(id, ct);
        if (row.Status != EmergencyAccessStatus.Invited)
        {
            throw new BadRequestException(NotValid);
        }
        await mail.InvitedAsync(row, await MeAsync(ct), ct);
    }

    /// <summary>The invited person, logged in with the invited address, holding the mailed token.</summary>
    public async Task AcceptAsync(Guid id, string token, CancellationToken ct)
    {
        var row = await db.EmergencyContacts.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException();
        var grantee = await MeAsync(ct);
        if (row.Email is null || !mail.IsValidToken(token, row, grantee.Email))
        {
            // Also an already accepted row (its address is cleared): the token no longer names anyone.
            throw new BadRequestException("Invalid token.");
        }
        if (row.GrantorId == grantee.Id)
        {
            throw new BadRequestException("You cannot add yourself as an emergency access contact.");
        }
        var grantor = await db.Users.SingleAsync(u => u.Id == row.GrantorId, ct);
        (row.Status, row.GranteeId, row.Email) = (EmergencyAccessStatus.Accepted, grantee.Id, null);
        Record(EventType.EmergencyAccess_Accepted, row);
        await db.SaveChangesAsync(ct);
        await mail.AcceptedAsync(grantor, grantee.Email, ct);
    }

    public async Task ConfirmAsync(Guid id, string key, CancellationToken ct)
    {
        var row = await AsGrantorAsync(id, ct);
        if (row.Status != EmergencyAccessStatus.Accepted || row.GranteeId is not { } granteeId)
        {
            throw new BadRequestException(NotValid);
        }
        if (!key.StartsWith("4.", StringComparison.Ordinal))
        {
            throw BadRequestException.ForField("Key", "The key must be wrapped to the grantee's public key.");
        }
        (row.Status, row.KeyEncrypted) = (EmergencyAccessStatus.Confirmed, key);
        Record(EventType.EmergencyAccess_Confirmed, row);
        await db.SaveChangesAsync(ct);
        await mail.ConfirmedAsync(await MeAsync(ct), await db.Users.SingleAsync(u => u.Id == granteeId, ct), ct);
    }

    public async Task InitiateAsync(Guid id, CancellationToken ct)
    {
        var row = await AsGranteeAsync(id, ct);
        if (row.Status != EmergencyAccessStatus.Confirmed)
        {
            throw new BadRequestException(NotValid);
        }
        (row.Status, row.RecoveryInitiatedDate, row.LastNotificationDate) = (EmergencyAccessStatus.RecoveryInitiated, Now, Now);
        Record(EventType.EmergencyAccess_RecoveryInitiated, row);
        await db.SaveChangesAsync(ct);
        await mail.RecoveryInitiatedAsync(row, await db.Users.SingleAsync(u => u.Id == row.GrantorId, ct), await MeAsync(ct), ct);
    }

    /// <summary>Approve (<paramref name="approve"/>) or reject a recovery the grantee started; rejecting an approved one revokes it.</summary>
    public async Task DecideAsync(Guid id, bool approve, CancellationToken ct)
    {
        var row = await AsGrantorAsync(id, ct);
        var allowed = approve ? row.Status == EmergencyAccessStatus.RecoveryInitiated
            : row.Status is EmergencyAccessStatus.RecoveryInitiated or EmergencyAccessStatus.RecoveryApproved;
        if (!allowed)
        {
            throw new BadRequestException(NotValid);
        }
        row.Status = approve ? EmergencyAccessStatus.RecoveryApproved : EmergencyAccessStatus.Confirmed;
        Record(approve ? EventType.EmergencyAccess_RecoveryApproved : EventType.EmergencyAccess_RecoveryRejected, row);
        await db.SaveChangesAsync(ct);
        var (grantor, grantee) = (await MeAsync(ct), await db.Users.SingleAsync(u => u.Id == row.GranteeId, ct));
        await (approve ? mail.RecoveryApprovedAsync(row, grantor, grantee, ct) : mail.RecoveryRejectedAsync(grantor, grantee, ct));
    }

    public async Task UpdateAsync(Guid id, EmergencyAccessUpdateRequest request, CancellationToken ct)
    {
        var row = await AsGrantorAsync(id, ct);
        (row.Type, row.WaitTimeDays) = (request.Type, (short)request.WaitTimeDays);
        // A new wrapped key only for a row that already holds one (key rotation), as Bitwarden does.
        if (!string.IsNullOrWhiteSpace(row.KeyEncrypted) && !string.IsNullOrWhiteSpace(request.KeyEncrypted))
        {
            row.KeyEncrypted = request.KeyEncrypted;
        }
        Record(EventType.EmergencyAccess_Updated, row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Either side may end the relationship.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var me = caller.Id;
        var row = await db.EmergencyContacts.SingleOrDefaultAsync(e => e.Id == id && (e.GrantorId == me || e.GranteeId == me), ct)
            ?? throw new NotFoundException();
        db.EmergencyContacts.Remove(row);
        Record(EventType.EmergencyAccess_Removed, row);
        await db.SaveChangesAsync(ct);
    }

    public void Record(EventType type, EmergencyContact row) => events.Add(type, new EventSubject(UserId: row.GrantorId));
}
