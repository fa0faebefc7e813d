using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Rules every membership change keeps, the invitation mail, and the member shapes clients read.</summary>
public sealed class MemberService(AppDbContext db, InviteTokens tokens, Mailer mailer,
    MailLinks links, EventLog events, Providers.Branding.BrandingLookup branding)
{
    public async Task<OrganizationUser> LoadAsync(OrgCaller caller, Guid id, CancellationToken ct) =>
        await db.OrganizationUsers.SingleOrDefaultAsync(m => m.Id == id && m.OrganizationId == caller.OrganizationId, ct)
            ?? throw new NotFoundException();

    /// <summary>
    /// Only owners touch owners or make them; admins and custom user managers cannot hand out more than they
    /// hold (custom members cannot make admins, nor grant a permission they lack).
    /// </summary>
    public static void EnsureMayAssign(OrgCaller caller, OrganizationUserType type, MemberPermissions? permissions, OrganizationUser? target = null)
    {
        if ((type == OrganizationUserType.Owner || target?.Type == OrganizationUserType.Owner) && !caller.IsOwner)
        {
            throw new BadRequestException("Only an owner can manage another owner.");
        }
        if (!caller.IsAdmin && (type == OrganizationUserType.Admin || target?.Type == OrganizationUserType.Admin))
        {
            throw new BadRequestException("Custom users can not manage Admins or Owners.");
        }
        if (!caller.IsAdmin && type == OrganizationUserType.Custom && permissions is not null && !Within(permissions, caller.Permissions))
        {
            throw new BadRequestException("Custom users can only grant the same custom permissions that they have.");
        }
    }

    static bool Within(MemberPermissions wanted, MemberPermissions held) =>
        typeof(MemberPermissions).GetProperties().Where(p => p.PropertyType == typeof(bool))
            .All(p => !(bool)p.GetValue(wanted)! || (bool)p.GetValue(held)!);

    public async Task EnsureSeatAvailableAsync(Organization org, int adding, CancellationToken ct)
    {
        if (org.Seats is { } seats
            && await db.OrganizationUsers.CountAsync(m => m.OrganizationId == org.Id && m.Status != OrganizationUserStatus.Revoked, ct) + adding > seats)
        {
            throw new BadRequestException($"You have reached the maximum number of users ({seats}) for this organization.");
        }
    }

    /// <summary>Sets the member's collection access and groups; everything named must belong to the org.</summary>
    public async Task SetAccessAsync(OrgCaller caller, OrganizationUser member, IReadOnlyList<AccessSelection>? collectionAccess,
        IReadOnlyList<Guid>? groupIds, CancellationToken ct)
    {
        if (collectionAccess is not null)
        {
            var ids = collectionAccess.Select(c => c.Id).Distinct().ToList();
            if (await db.Collections.CountAsync(c => c.OrganizationId == caller.OrganizationId && ids.Contains(c.Id), ct) != ids.Count)
            {
                throw BadRequestException.ForField("Collections", "A collection does not belong to this organization.");
            }
            CollectionService.Replace(db.CollectionUsers, await db.CollectionUsers.Where(a => a.OrganizationUserId == member.Id).ToListAsync(ct),
                collectionAccess, a => a.CollectionId, id => new CollectionUser { CollectionId = id, OrganizationUserId = member.Id });
        }
        if (groupIds is not null)
        {
            var ids = groupIds.Distinct().ToList();
            if (await db.Groups.CountAsync(g => g.OrganizationId == caller.OrganizationId && ids.Contains(g.Id), ct) != ids.Count)
            {
                throw BadRequestException.ForField("Groups", "A group does not belong to this organization.");
            }
            var current = await db.GroupUsers.Where(g => g.OrganizationUserId == member.Id).ToListAsync(ct);
            db.GroupUsers.RemoveRange(current.Where(g => !ids.Contains(g.GroupId)));
            db.GroupUsers.AddRange(ids.Where(id => current.All(g => g.GroupId != id))
                .Select(id => new GroupUser { GroupId = id, OrganizationUserId = member.Id }));
        }
    }

    /// <summary>
    /// The invitation: a link to the web vault's accept page carrying the token. Never logged. A client org's
    /// invitation names the provider that manages it and carries its logo (<see cref="Providers.Branding"/>).
    /// </summary>
    public async Task SendInviteAsync(Organization org, OrganizationUser member, CancellationToken ct)
    {
        var email = member.Email ?? throw new BadRequestException("This member has already accepted the invitation.");
        var link = $"{links.BaseUrl}/#/accept-organization"
            + $"?organizationId={org.Id}&organizationUserId={member.Id}&email={Uri.EscapeDataString(email)}"
            + $"&organizationName={Uri.EscapeDataString(org.Name)}&token={Uri.EscapeDataString(tokens.Create(member.Id, email))}";
        var provider = await branding.ForOrganizationAsync(org.Id, ct);
        var managedBy = provider is null ? "" : $", managed by {provider.Name}";
        var text = $"You have been invited to join {org.Name} on Custodian{managedBy}.\n\nAccept the invitation within five days:\n{link}\n";
        await mailer.SendAsync(email, $"Join {org.Name}", text, ct, provider is null ? null : branding.MailHtml(provider, text));
    }

    /// <summary>A new invitation row (not yet added): the Admin Console, the public API and directory sync invite alike.</summary>
    public static OrganizationUser NewInvitation(OrgCaller caller, string email, OrganizationUserType type, MemberPermissions? permissions,
        TimeProvider time) => new()
    {
        Id = Guid.CreateVersion7(), OrganizationId = caller.OrganizationId, Email = email, Type = type, Status = OrganizationUserStatus.Invited,
        Permissions = type == OrganizationUserType.Custom ? permissions?.Serialize() : null, CreationDate = time.GetUtcNow().UtcDateTime,
    };

    public void Record(EventType type, OrgCaller caller, OrganizationUser member) =>
        events.Add(type, new EventSubject(OrganizationUserId: member.Id, UserId: member.UserId), caller);

    /// <summary>
    /// The members <paramref name="members"/> selects, in id order, each read with the user columns shown (one
    /// LEFT JOIN) and written as it is read: a 5,000-member list never sits in memory as rows, users and responses
    /// at once, which set the server's peak memory (bench/README.md). Collections and groups, when asked for, are
    /// read first, since one connection cannot run a second query while the rows stream.
    /// </summary>
    public async IAsyncEnumerable<MemberResponse> ResponsesAsync(IQueryable<OrganizationUser> members, bool includeCollections,
        bool includeGroups, string kind, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var ids = members.Select(m => m.Id);
        var access = includeCollections
            ? (await db.CollectionUsers.AsNoTracking().Where(a => ids.Contains(a.OrganizationUserId)).ToListAsync(ct)).ToLookup(a => a.OrganizationUserId)
            : null;
        var groups = includeGroups
            ? (await db.GroupUsers.AsNoTracking().Where(g => ids.Contains(g.OrganizationUserId)).ToListAsync(ct)).ToLookup(g => g.OrganizationUserId, g => g.GroupId)
            : null;
        // Only the columns shown: whole rows carry keys of several kilobytes each.
        var rows = from m in members.AsNoTracking()
                   from u in db.Users.Where(u => u.Id == m.UserId).DefaultIfEmpty()
                   orderby m.Id
                   select new
                   {
                       m.Id, m.UserId, Email = u != null ? u.Email : m.Email, Name = u != null ? u.Name : null, m.Type, m.Status, m.Permissions,
                       m.ExternalId, HasMasterPassword = u != null && u.MasterPassword != null, ResetPasswordEnrolled = m.ResetPasswordKey != null,
                       m.AccessSecretsManager, AvatarColor = u != null ? u.AvatarColor : null,
                       TwoFactorEnabled = m.UserId != null && db.TwoFactorMethods.Any(t => t.UserId == m.UserId && t.Enabled),
                   };
        await foreach (var m in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new MemberResponse(m.Id, m.UserId, m.Email ?? "", m.Name, m.Type, m.Status,
                MemberPermissions.Parse(m.Permissions), m.ExternalId, m.TwoFactorEnabled, UsesKeyConnector: false,
                m.HasMasterPassword, m.ResetPasswordEnrolled, m.AccessSecretsManager, ClaimedByOrganization: false, m.AvatarColor,
                access is null ? [] : [.. access[m.Id].Select(a => new AccessSelection(a.CollectionId, a.ReadOnly, a.HidePasswords, a.Manage))],
                groups is null ? [] : [.. groups[m.Id]], kind);
        }
    }

    /// <summary>One member as <see cref="ResponsesAsync"/> writes it, with collections and groups.</summary>
    public async Task<MemberResponse> ResponseAsync(OrganizationUser member, bool includeCollections, CancellationToken ct) =>
        await ResponsesAsync(db.OrganizationUsers.Where(m => m.Id == member.Id), includeCollections, includeGroups: true, "organizationUserDetails", ct)
            .SingleAsync(ct);
}
