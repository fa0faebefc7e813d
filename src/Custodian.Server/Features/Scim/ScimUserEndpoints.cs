using System.Text.RegularExpressions;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Scim;

/// <summary>
/// <c>/Users</c>: a SCIM user is a member. Creating invites (the person still accepts and is confirmed with the org
/// key, which only a client holds); <c>active: false</c> revokes and <c>true</c> restores; DELETE removes.
/// </summary>
public static partial class ScimUserEndpoints
{
    public static void MapScimUserEndpoints(this RouteGroupBuilder scim)
    {
        var users = scim.MapGroup("/Users");
        users.MapGet("", List);
        users.MapGet("/{id:guid}", async (Guid id, ScimCaller scimCaller, AppDbContext db, CancellationToken ct) =>
            Results.Json(From(await LoadAsync(scimCaller, id, db, ct))));
        users.MapPost("", Create);
        users.MapPut("/{id:guid}", Replace);
        users.MapPatch("/{id:guid}", Patch);
        users.MapDelete("/{id:guid}", Delete);
    }

    [GeneratedRegex("""^\s*(\w+)\s+eq\s+"(.*)"\s*$""", RegexOptions.IgnoreCase)]
    internal static partial Regex EqualsFilter();

    static async Task<IResult> List(string? filter, int? startIndex, int? count, ScimCaller scimCaller, AppDbContext db, CancellationToken ct)
    {
        var rows = Rows(db, scimCaller.Caller.OrganizationId);
        if (filter is not null)
        {
            var match = EqualsFilter().Match(filter);
            var value = match.Groups[2].Value;
            rows = match.Success && match.Groups[1].Value.Equals("userName", StringComparison.OrdinalIgnoreCase) ? rows.Where(r => r.Email == value.ToLower())
                : match.Success && match.Groups[1].Value.Equals("externalId", StringComparison.OrdinalIgnoreCase) ? rows.Where(r => r.Member.ExternalId == value)
                : throw new BadRequestException("Only userName eq and externalId eq filters are supported.");
        }
        var (start, take) = (Math.Max(1, startIndex ?? 1), Math.Clamp(count ?? 50, 0, 1000));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.Member.Id).Skip(start - 1).Take(take).ToListAsync(ct);
        return Results.Json(new ScimList<ScimUserResponse>(total, start, page.Count, [.. page.Select(From)]));
    }

    static async Task<IResult> Create(ScimUserRequest request, ScimCaller scimCaller, AppDbContext db, MemberService members,
        TimeProvider time, CancellationToken ct)
    {
        var caller = scimCaller.Caller;
        var email = (request.Emails?.FirstOrDefault(e => e.Primary == true)?.Value ?? request.Emails?.FirstOrDefault()?.Value ?? request.UserName)?.Trim().ToLowerInvariant();
        if (email is null || email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw new BadRequestException("A user needs an email address (emails or userName).");
        }
        var externalId = string.IsNullOrWhiteSpace(request.ExternalId) ? email : request.ExternalId;
        if (externalId.Length > 300)
        {
            throw new BadRequestException("externalId is too long.");
        }
        if (await Rows(db, caller.OrganizationId).AnyAsync(r => r.Email == email || r.Member.ExternalId == externalId, ct))
        {
            return ScimSetup.Error(409, "User already exists.");
        }
        await members.EnsureSeatAvailableAsync(caller.Organization, 1, ct);
        var member = MemberService.NewInvitation(caller, email, OrganizationUserType.User, null, time);
        member.ExternalId = externalId;
        db.OrganizationUsers.Add(member);
        members.Record(EventType.OrganizationUser_Invited, caller, member);
        await db.SaveChangesAsync(ct);
        await members.SendInviteAsync(caller.Organization, member, ct);
        return Results.Json(From(await LoadAsync(scimCaller, member.Id, db, ct)), statusCode: 201);
    }

    /// <summary>Okta sends the whole user; what the member keeps (active, external id, an invitation's address) follows it.</summary>
    static async Task<IResult> Replace(Guid id, ScimUserRequest request, ScimCaller scimCaller, [AsParameters] MemberAdminEndpoints.Services s,
        CancellationToken ct)
    {
        var changes = ScimUserChanges.From(request);
        await ApplyAsync(await LoadAsync(scimCaller, id, s.Db, ct), changes, scimCaller.Caller, s, ct);
        return Results.Json(From(await LoadAsync(scimCaller, id, s.Db, ct)));
    }

    /// <summary>Entra's and Okta's PATCH shapes (see <see cref="ScimPatch"/>); 204 as Bitwarden's SCIM service answers.</summary>
    static async Task<IResult> Patch(Guid id, ScimPatchRequest request, ScimCaller scimCaller, [AsParameters] MemberAdminEndpoints.Services s,
        CancellationToken ct)
    {
        var changes = ScimUserChanges.From(ScimPatch.Changes(request));
        await ApplyAsync(await LoadAsync(scimCaller, id, s.Db, ct), changes, scimCaller.Caller, s, ct);
        return Results.NoContent();
    }

    /// <summary>
    /// One save for all of it. An accepted member's address is their account's (and the salt of their master key):
    /// the directory cannot change it, only an invitation's.
    /// </summary>
    static async Task ApplyAsync(Row row, ScimUserChanges changes, OrgCaller caller, MemberAdminEndpoints.Services s, CancellationToken ct)
    {
        var others = Rows(s.Db, caller.OrganizationId).Where(r => r.Member.Id != row.Member.Id);
        if (changes.ExternalId is { } externalId && externalId != row.Member.ExternalId)
        {
            if (await others.AnyAsync(r => r.Member.ExternalId == externalId, ct))
            {
                throw new ScimException("uniqueness", "Another user has this externalId.", 409);
            }
            row.Member.ExternalId = externalId;
        }
        if (changes.RemoveExternalId)
        {
            row.Member.ExternalId = null;
        }
        if (changes.Email is { } email && row.Member.UserId is null && email != row.Member.Email)
        {
            if (await others.AnyAsync(r => r.Email == email, ct))
            {
                throw new ScimException("uniqueness", "Another user has this email address.", 409);
            }
            row.Member.Email = email;
        }
        if (changes.Active is { } active)
        {
            await SetActiveAsync(caller, row.Member, active, s, ct);
        }
        await OrganizationRevision.SaveAndBumpMembersAsync(s.Db, caller.OrganizationId, s.Time, ct);
    }

    static async Task<IResult> Delete(Guid id, ScimCaller scimCaller, [AsParameters] MemberAdminEndpoints.Services s, CancellationToken ct)
    {
        var row = await LoadAsync(scimCaller, id, s.Db, ct);
        var refusal = await MemberAdminEndpoints.Remove(scimCaller.Caller, row.Member, s, ct);
        if (refusal.Length > 0)
        {
            throw new BadRequestException(refusal);
        }
        await OrganizationRevision.SaveAndBumpMembersAsync(s.Db, scimCaller.Caller.OrganizationId, s.Time, ct);
        return Results.NoContent();
    }

    /// <summary>Revoke or restore with the Admin Console's rules; asking for the state it is already in is no change.</summary>
    static async Task SetActiveAsync(OrgCaller caller, OrganizationUser member, bool active, MemberAdminEndpoints.Services s, CancellationToken ct)
    {
        if (active == (member.Status != OrganizationUserStatus.Revoked))
        {
            return;
        }
        var refusal = active ? await MemberAdminEndpoints.Restore(caller, member, s, ct) : await MemberAdminEndpoints.Revoke(caller, member, s, ct);
        if (refusal.Length > 0)
        {
            throw new BadRequestException(refusal);
        }
    }

    /// <summary>Member-init, not a constructor: EF Core translates filters on its properties.</summary>
    internal sealed class Row
    {
        public required OrganizationUser Member { get; init; }
        public string? Email { get; init; }
        public string? Name { get; init; }
    }

    static IQueryable<Row> Rows(AppDbContext db, Guid organizationId) =>
        from m in db.OrganizationUsers
        where m.OrganizationId == organizationId
        from u in db.Users.Where(u => u.Id == m.UserId).DefaultIfEmpty()
        select new Row { Member = m, Email = u != null ? u.Email : m.Email, Name = u != null ? u.Name : null };

    static async Task<Row> LoadAsync(ScimCaller scimCaller, Guid id, AppDbContext db, CancellationToken ct) =>
        await Rows(db, scimCaller.Caller.OrganizationId).SingleOrDefaultAsync(r => r.Member.Id == id, ct)
            ?? throw new NotFoundException("User not found.");

    static ScimUserResponse From(Row r) => new(r.Member.Id, r.Member.ExternalId, r.Email ?? "", r.Name, new ScimName(r.Name),
        r.Email is null ? [] : [new ScimEmail(true, r.Email)], r.Member.Status != OrganizationUserStatus.Revoked, [], new ScimMeta("User"));
}
