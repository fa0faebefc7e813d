using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

/// <summary>
/// The provider itself: read, update, delete and its event log (<see cref="ProviderCallerFilter"/> decides who, once
/// per request), and the first setup by its owner, who is not yet a confirmed provider user.
/// </summary>
public static class ProviderEndpoints
{
    public static RouteGroupBuilder MapProviderEndpoints(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers/{providerId:guid}").WithTags("Providers").RequireProviderUser();
        providers.MapGet("", (ProviderCallers callers) => ProviderResponse.From(callers.Current.Provider));
        providers.MapPut("", Update).AdminOnly();
        providers.MapPost("", Update).AdminOnly(); // legacy alias
        providers.MapDelete("", Delete).AdminOnly();
        providers.MapPost("/delete", Delete).AdminOnly(); // legacy alias
        providers.MapGet("/events", Events).AdminOnly();
        api.MapGroup("/providers/{providerId:guid}").WithTags("Providers").MapPost("/setup", Setup);
        return providers;
    }

    static async Task<ProviderResponse> Update(Guid providerId, ProviderUpdateRequest request, ProviderCallers callers, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var provider = callers.Current.Provider;
        provider.Name = request.Name;
        provider.BusinessName = request.BusinessName;
        provider.BillingEmail = request.BillingEmail.Trim().ToLowerInvariant();
        if (request.RequireTwoFactor is { } require && require != provider.RequireTwoFactor)
        {
            provider.RequireTwoFactor = require;
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
        var provider = callers.Current.Provider;
        if (await db.ProviderOrganizations.AnyAsync(l => l.ProviderId == providerId, ct))
        {
            throw new BadRequestException("Remove the provider's client organizations first.");
        }
        db.Providers.Remove(provider);
        await OrganizationRevision.SaveAndBumpProviderAsync(db, providerId, time, ct);
    }

    static Task<ListResponse<EventResponse>> Events(Guid providerId, DateTime? start, DateTime? end, string? continuationToken,
        AppDbContext db, TimeProvider time, CancellationToken ct) =>
        EventEndpoints.PageAsync(db.Events.Where(e => e.ProviderId == providerId), start, end, continuationToken, time, ct);
}
