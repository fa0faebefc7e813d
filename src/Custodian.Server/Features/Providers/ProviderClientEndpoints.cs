using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Identity;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

/// <summary>A new client org: everything secret made by the provider user's client, the org key wrapped with the provider key.</summary>
public sealed record ClientCreateRequest(
    [property: Required, StringLength(50)] string Name,
    [property: Required, MailAddress, StringLength(256)] string OwnerEmail,
    int PlanType,
    [property: Range(0, 100000)] int Seats,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key,
    [property: Required] KeysRequest KeyPair,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string CollectionName,
    /// <summary>Custodian's own: a client template to set the new client up from, its collection names already under the new org key.</summary>
    Guid? TemplateId = null,
    [property: MaxLength(100)] IReadOnlyList<Bulk.AppliedCollection>? TemplateCollections = null) : IRequestModel;

public sealed record ClientUpdateRequest([property: Range(0, 100000)] int AssignedSeats, [property: Required, StringLength(50)] string Name) : IRequestModel;

public sealed record ClientAddRequest(Guid OrganizationId, [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key) : IRequestModel;

/// <summary>A client as the Provider Portal lists it, with its seat and member summary.</summary>
public sealed record ProviderOrganizationResponse(Guid Id, Guid ProviderId, Guid OrganizationId, string? Key, string? Settings,
    DateTime CreationDate, DateTime RevisionDate, int UserCount, int? Seats, int OccupiedSeats, int? RemainingSeats, string? Plan,
    string OrganizationName, bool Enabled, [property: System.Text.Json.Serialization.JsonIgnore] string Kind = "providerOrganizationOrganizationDetail")
    : ResponseModel(Kind);

public sealed record AddableOrganizationResponse(Guid Id, string Name, string Plan, int? Seats, bool Disabled);

/// <summary>
/// Client organizations of a provider: list, create, rename and seats for any of its users; add an existing org and
/// unlink for its admins (<see cref="ProviderCallerFilter"/> decides, once per request).
/// </summary>
public static class ProviderClientEndpoints
{
    public static RouteGroupBuilder MapProviderClientEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}").WithTags("Provider clients").RequireProviderUser();
        provider.MapGet("/organizations", List);
        provider.MapPost("/clients", Create);
        provider.MapPut("/clients/{id:guid}", Update);
        provider.MapGet("/clients/addable", Addable);
        provider.MapPost("/clients/existing", Add).AdminOnly();
        provider.MapPost("/organizations/add", Add).AdminOnly();
        provider.MapDelete("/organizations/{id:guid}", Remove).AdminOnly();
        provider.MapPost("/organizations/{id:guid}/delete", Remove).AdminOnly(); // legacy alias
        return provider;
    }

    /// <summary>
    /// Search by name, sort (name, -name, created, -created, members), and pages of <c>pageSize</c>: by <c>page</c>
    /// number (the web UI), or from the previous answer's <c>continuationToken</c> (<see cref="ClientListPaging"/>).
    /// </summary>
    static async Task<ListResponse<ProviderOrganizationResponse>> List(Guid providerId, string? search, Guid? tag, string? sort, int? page, int? pageSize,
        string? continuationToken, AppDbContext db, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 500, 1, 500);
        var order = ClientListPaging.SortOf(sort);
        var after = string.IsNullOrEmpty(continuationToken) ? null : ClientListPaging.Decode(continuationToken, order);
        var number = after is null ? Math.Max(page ?? 1, 1) : after.Page ?? 1;
        // Orgs in name order with the link as an EXISTS test: both databases then walk the (Name, Id) index and stop
        // after one page, where a join from the links sorted all 10,000 clients first (bench/README.md).
        var orgs = Bulk.ClientSelection.Filter(db, Bulk.ClientSelection.ClientsOf(db, providerId).AsNoTracking(), search, tag);
        // When the org became this provider's client (not when the org was created).
        System.Linq.Expressions.Expression<Func<Organization, DateTime>> linkCreated =
            o => db.ProviderOrganizations.Where(l => l.OrganizationId == o.Id).Select(l => l.CreationDate).First();
        orgs = after?.After(orgs) ?? orgs;
        orgs = order switch
        {
            "-name" => orgs.OrderByDescending(o => o.Name).ThenByDescending(o => o.Id),
            "created" => orgs.OrderBy(linkCreated).ThenBy(o => o.Id),
            "-created" => orgs.OrderByDescending(linkCreated).ThenBy(o => o.Id),
            "members" => orgs.OrderByDescending(o => db.OrganizationUsers.Count(m => m.OrganizationId == o.Id && m.Status == OrganizationUserStatus.Confirmed))
                .ThenBy(o => o.Id),
            _ => orgs.OrderBy(o => o.Name).ThenBy(o => o.Id),
        };
        // Only the columns a row shows: an org row also carries its keys and every setting.
        var slice = await orgs.Skip((number - 1) * size).Take(size + 1)
            .Select(o => new ClientRow(o.Id, o.Name, o.Seats, o.PlanType, o.Enabled)).ToListAsync(ct);
        // Seats are counted for the page only, in one grouped query.
        var ids = slice.Select(o => o.Id).ToList();
        // By org id alone (an org has one provider at most): with the provider id in the filter too, SQLite walked all
        // of the provider's links instead, 9 ms of a 100-client page (bench/README.md).
        var links = (await db.ProviderOrganizations.AsNoTracking().Where(l => ids.Contains(l.OrganizationId)).ToListAsync(ct))
            .Where(l => l.ProviderId == providerId).ToDictionary(l => l.OrganizationId);
        var counts = await db.OrganizationUsers.Where(m => ids.Contains(m.OrganizationId))
            .GroupBy(m => new { m.OrganizationId, m.Status }).Select(g => new { g.Key.OrganizationId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        int Count(Guid org, Func<OrganizationUserStatus, bool> status) => counts.Where(c => c.OrganizationId == org && status(c.Status)).Sum(c => c.Count);
        var data = slice.Take(size).Select(o =>
        {
            var link = links[o.Id];
            var occupied = Count(o.Id, s => s != OrganizationUserStatus.Revoked);
            return new ProviderOrganizationResponse(link.Id, providerId, o.Id, link.Key, null, link.CreationDate, link.RevisionDate,
                Count(o.Id, s => s == OrganizationUserStatus.Confirmed), o.Seats, occupied, o.Seats - occupied,
                OrganizationPlans.NameOf(o.PlanType), o.Name, o.Enabled);
        }).ToList();
        return new(data, slice.Count > size ? ClientListPaging.Encode(order, slice[size - 1].Name, slice[size - 1].Id, number) : null);
    }

    sealed record ClientRow(Guid Id, string Name, int? Seats, int PlanType, bool Enabled);

    /// <summary>
    /// The client org, its default collection, the link carrying the provider-wrapped key, and the owner's invitation.
    /// Service users may create clients too (unlike Bitwarden's cloud): onboarding a customer is a technician's daily
    /// work. Adding an existing org and unlinking one change the provider itself and stay with provider admins.
    /// </summary>
    static async Task Create(Guid providerId, ClientCreateRequest request, ProviderCallers callers, AppDbContext db, MemberService members,
        Assignments.AssignmentService assignments, MailLinks links, EventLog events, TimeProvider time, Bulk.TemplateApplier templates, CancellationToken ct)
    {
        var creator = callers.Current;
        var provider = creator.Provider;
        links.EnsureConfigured();
        var template = request.TemplateId is { } templateId ? await Bulk.ClientTemplateEndpoints.LoadAsync(db, providerId, templateId, ct) : null;
        var now = time.GetUtcNow().UtcDateTime;
        var org = new Organization
        {
            Id = Guid.CreateVersion7(), Name = request.Name, BillingEmail = provider.BillingEmail ?? request.OwnerEmail, PlanType = request.PlanType,
            ProductTier = OrganizationPlans.TierOf(request.PlanType), Seats = request.Seats > 0 ? request.Seats : null,
            PublicKey = request.KeyPair.PublicKey, PrivateKey = request.KeyPair.EncryptedPrivateKey, ApiKey = "", CreationDate = now,
        };
        var link = new ProviderOrganization { Id = Guid.CreateVersion7(), ProviderId = providerId, OrganizationId = org.Id, Key = request.Key, CreationDate = now };
        var collection = new Collection { Id = Guid.CreateVersion7(), OrganizationId = org.Id, Name = request.CollectionName, CreationDate = now };
        var owner = new OrganizationUser
        {
            Id = Guid.CreateVersion7(), OrganizationId = org.Id, Email = request.OwnerEmail.Trim().ToLowerInvariant(),
            Type = OrganizationUserType.Owner, Status = OrganizationUserStatus.Invited, CreationDate = now,
        };
        db.AddRange(org, link, collection, owner);
        db.CollectionUsers.Add(new CollectionUser { CollectionId = collection.Id, OrganizationUserId = owner.Id, Manage = true });
        events.Add(EventType.ProviderOrganization_Created, new EventSubject(ProviderId: providerId, ProviderOrganizationId: link.Id, OrganizationId: org.Id));
        // Whoever onboards a customer works on it: the creator carries its items from the start.
        assignments.Assign(creator.User, link, now);
        await OrganizationRevision.SaveAndBumpProviderAsync(db, providerId, time, ct);
        if (template is not null)
        {
            await templates.ApplyAsync(providerId, template, org.Id, request.TemplateCollections ?? [], ct);
        }
        await members.SendInviteAsync(org, owner, ct);
    }

    static async Task Update(Guid providerId, Guid id, ClientUpdateRequest request, AppDbContext db, TimeProvider time,
        CancellationToken ct)
    {
        var link = await db.ProviderOrganizations.SingleOrDefaultAsync(l => l.Id == id && l.ProviderId == providerId, ct) ?? throw new NotFoundException();
        var org = await db.Organizations.SingleAsync(o => o.Id == link.OrganizationId, ct);
        var occupied = await db.OrganizationUsers.CountAsync(m => m.OrganizationId == org.Id && m.Status != OrganizationUserStatus.Revoked, ct);
        if (request.AssignedSeats > 0 && request.AssignedSeats < occupied)
        {
            throw BadRequestException.ForField("AssignedSeats", $"The organization already uses {occupied} seats.");
        }
        org.Name = request.Name;
        org.Seats = request.AssignedSeats > 0 ? request.AssignedSeats : null;
        await OrganizationRevision.SaveAndBumpMembersAsync(db, org.Id, time, ct, OrgChange.Profile);
    }

    /// <summary>Orgs the caller owns (confirmed) that no provider administers yet.</summary>
    static async Task<IReadOnlyList<AddableOrganizationResponse>> Addable(AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var orgs = await db.Organizations.Where(o => o.Enabled
                && db.OrganizationUsers.Any(m => m.OrganizationId == o.Id && m.UserId == caller.Id && m.Type == OrganizationUserType.Owner && m.Status == OrganizationUserStatus.Confirmed)
                && !db.ProviderOrganizations.Any(l => l.OrganizationId == o.Id))
            .OrderBy(o => o.Name).ToListAsync(ct);
        return [.. orgs.Select(o => new AddableOrganizationResponse(o.Id, o.Name, OrganizationPlans.NameOf(o.PlanType), o.Seats, Disabled: false))];
    }

    /// <summary>An org the caller owns becomes a client; its key arrives wrapped with the provider key.</summary>
    static async Task Add(Guid providerId, ClientAddRequest request, OrganizationAccess access, AppDbContext db,
        EventLog events, TimeProvider time, CancellationToken ct)
    {
        var org = await access.RequireAsync(request.OrganizationId, c => c.Membership?.Type == OrganizationUserType.Owner, ct);
        if (await db.ProviderOrganizations.AnyAsync(l => l.OrganizationId == request.OrganizationId, ct))
        {
            throw new BadRequestException("Organization already belongs to a provider.");
        }
        var link = new ProviderOrganization
        {
            Id = Guid.CreateVersion7(), ProviderId = providerId, OrganizationId = request.OrganizationId, Key = request.Key, CreationDate = time.GetUtcNow().UtcDateTime,
        };
        db.ProviderOrganizations.Add(link);
        events.Add(EventType.ProviderOrganization_Added, new EventSubject(ProviderId: providerId, ProviderOrganizationId: link.Id, OrganizationId: org.OrganizationId));
        await OrganizationRevision.SaveAndBumpProviderAsync(db, providerId, time, ct);
    }

    /// <summary>Unlinking keeps the org and its data; it must have a confirmed owner of its own to go on without the provider.</summary>
    static async Task Remove(Guid providerId, Guid id, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var link = await db.ProviderOrganizations.SingleOrDefaultAsync(l => l.Id == id && l.ProviderId == providerId, ct) ?? throw new NotFoundException();
        if (!await db.OrganizationUsers.AnyAsync(m => m.OrganizationId == link.OrganizationId && m.Type == OrganizationUserType.Owner
                && m.Status == OrganizationUserStatus.Confirmed, ct))
        {
            throw new BadRequestException(MemberRules.LastOwnerMessage);
        }
        db.ProviderOrganizations.Remove(link);
        events.Add(EventType.ProviderOrganization_Removed, new EventSubject(ProviderId: providerId, ProviderOrganizationId: link.Id, OrganizationId: link.OrganizationId));
        await OrganizationRevision.SaveAndBumpProviderAsync(db, providerId, time, ct, link.OrganizationId);
    }
}
