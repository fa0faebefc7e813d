using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

/// <summary>The provider itself: read, update, first setup by its owner, delete, and its event log.</summary>
public static class ProviderEndpoints
{
    public static RouteGroupBuilder MapProviderEndpoints(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers/{providerId:guid}").WithTags("Providers");
        providers.MapGet("", async (Guid providerId, ProviderCallers callers, CancellationToken ct) =>
            ProviderResponse.From((await callers.RequireAsync(providerId, adminOnly: false, ct)).Provider));
        providers.MapPut("", Update);
        providers.MapPost("", Update); // legacy alias
        providers.MapPost("/setup", Setup);
        providers.MapDelete("", Delete);
        providers.MapPost("/delete", Delete); // legacy alias
        providers.MapGet("/events", Events);
        return providers;
    }

    static async Task<ProviderResponse> Update(Guid providerId, ProviderUpdateRequest request, ProviderCallers callers, AppDbContext db,
        EventLog events, TimeProvider time, CancellationToken ct)
    {
        var provider = (await callers.RequireAdminAsync(providerId, ct)).Provider;
        provider.Name = request.Name;
        provider.BusinessName = request.BusinessName;
        provider.BillingEmail = request.BillingEmail.Trim().ToLowerInvariant();
        if (request.RequireTwoFactor is { } require && require != provider.RequireTwoFactor)
        {
            provider.RequireTwoFactor = require;
            events.Add(require ? EventType.Provider_TwoFactorRequired : EventType.Provider_TwoFactorNotRequired, new EventSubject(ProviderId: providerId));
            // Which clients the technicians reach changes: their apps resync.
            await Organizations.OrganizationRevision.SaveAndBumpProviderAsync(db, providerId, time, ct);
            return ProviderResponse.From(provider);
        }
        await db.SaveChangesAsync(ct);
        return ProviderResponse.From(provider);
    }

    /// <summary>
    /// The owner named by the system administrator completes the provider: the token from the setup mail, and
    /// the new provider key wrapped to the owner's own public key.
    /// </summary>
    static async Task<ProviderResponse> Setup(Guid providerId, ProviderSetupRequest request, AppDbContext db, CurrentUser caller,
        InviteTokens tokens, CancellationToken ct)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == providerId, ct) ?? throw new NotFoundException();
        var owner = await db.ProviderUsers.Where(u => u.ProviderId == providerId && u.Type == ProviderUserType.ProviderAdmin
            && (u.UserId == user.Id || u.Email == user.Email)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (provider.Status != ProviderStatusType.Pending)
        {
            throw new BadRequestException("Provider is already setup.");
        }
        if (!tokens.IsValid(request.Token, owner.Id, user.Email))
        {
            throw new BadRequestException("Invalid token.");
        }
        owner.UserId = user.Id;
        owner.Email = null;
        owner.Status = ProviderUserStatusType.Confirmed;
        owner.Key = request.Key;
        provider.Name = request.Name;
        provider.BusinessName = request.BusinessName;
        provider.BillingEmail = request.BillingEmail.Trim().ToLowerInvariant();
        provider.Status = ProviderStatusType.Billable;
        await db.SaveChangesAsync(ct);
        return ProviderResponse.From(provider);
    }

    /// <summary>Only a provider without clients can go: unlink them first, so no org is left without a way in.</summary>
    static async Task Delete(Guid providerId, ProviderCallers callers, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var provider = (await callers.RequireAdminAsync(providerId, ct)).Provider;
        if (await db.ProviderOrganizations.AnyAsync(l => l.ProviderId == providerId, ct))
        {
            throw new BadRequestException("Remove the provider's client organizations first.");
        }
        db.Providers.Remove(provider);
        await OrganizationRevision.SaveAndBumpProviderAsync(db, providerId, time, ct);
    }

    static async Task<ListResponse<EventResponse>> Events(Guid providerId, DateTime? start, DateTime? end, string? continuationToken,
        ProviderCallers callers, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        await callers.RequireAdminAsync(providerId, ct);
        return await EventEndpoints.PageAsync(db.Events.Where(e => e.ProviderId == providerId), start, end, continuationToken, time, ct);
    }
}
