using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// Assignments, teams and the provider's access rule. Any user of the provider reads them; only its admins change
/// them (<see cref="ProviderCallerFilter"/> decides, once per request).
/// </summary>
public static class AssignmentEndpoints
{
    public static RouteGroupBuilder MapAssignmentEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}").WithTags("Provider assignments").RequireProviderUser();
        provider.MapGet("/assignments/clients/{organizationId:guid}", (Guid providerId, Guid organizationId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
            Reach(db, providerId, organizationId, null, time, ct));
        provider.MapGet("/assignments/users/{providerUserId:guid}", (Guid providerId, Guid providerUserId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
            Reach(db, providerId, null, providerUserId, time, ct));
        provider.MapGet("/assignments", (Guid providerId, AppDbContext db, TimeProvider time, CancellationToken ct) => Reach(db, providerId, null, null, time, ct));
        provider.MapPost("/assignments", (Guid providerId, AssignmentPairsRequest request, AssignmentService service, CancellationToken ct) =>
            service.ChangePairsAsync(providerId, request.ProviderUserIds, request.OrganizationIds, assign: true, ct)).AdminOnly();
        provider.MapPost("/assignments/remove", (Guid providerId, AssignmentPairsRequest request, AssignmentService service, CancellationToken ct) =>
            service.ChangePairsAsync(providerId, request.ProviderUserIds, request.OrganizationIds, assign: false, ct)).AdminOnly();
        provider.MapPut("/assignments/clients/{organizationId:guid}", (Guid providerId, Guid organizationId, ClientTechniciansRequest request,
            AssignmentService service, CancellationToken ct) => service.ReplaceForClientAsync(providerId, organizationId, request.ProviderUserIds, ct)).AdminOnly();
        provider.MapPut("/assignments/users/{providerUserId:guid}", (Guid providerId, Guid providerUserId, TechnicianClientsRequest request,
            AssignmentService service, CancellationToken ct) => service.ReplaceForUserAsync(providerId, providerUserId, request.OrganizationIds, ct)).AdminOnly();

        provider.MapGet("/teams", ListTeams);
        provider.MapPost("/teams", (Guid providerId, TeamRequest request, TeamService teams, CancellationToken ct) => teams.SaveAsync(providerId, null, request, ct)).AdminOnly();
        provider.MapPut("/teams/{id:guid}", (Guid providerId, Guid id, TeamRequest request, TeamService teams, CancellationToken ct) =>
            teams.SaveAsync(providerId, id, request, ct)).AdminOnly();
        provider.MapDelete("/teams/{id:guid}", (Guid providerId, Guid id, TeamService teams, CancellationToken ct) => teams.DeleteAsync(providerId, id, ct)).AdminOnly();

        provider.MapGet("/access-settings", GetSettings);
        provider.MapPut("/access-settings", UpdateSettings).AdminOnly();
        provider.MapPut("/access-settings/clients/{organizationId:guid}", UpdateClientSetting).AdminOnly();
        return provider;
    }

    static async Task<ListResponse<ReachResponse>> Reach(AppDbContext db, Guid providerId, Guid? organizationId, Guid? providerUserId,
        TimeProvider time, CancellationToken ct) =>
        new(await ReachList.ListAsync(db, providerId, organizationId, providerUserId, time.GetUtcNow().UtcDateTime, ct));

    static async Task<ListResponse<TeamResponse>> ListTeams(Guid providerId, TeamService teams, CancellationToken ct) =>
        new(await teams.ListAsync(providerId, ct));

    static async Task<AccessSettingsResponse> GetSettings(Guid providerId, ProviderCallers callers, AppDbContext db, CancellationToken ct)
    {
        var provider = callers.Current.Provider;
        var clients = await (from s in db.ProviderClientSettings
                             join l in db.ProviderOrganizations on s.ProviderOrganizationId equals l.Id
                             where l.ProviderId == providerId
                             select new ClientAccessSettingResponse(l.OrganizationId, s.RequestsNeedApproval)).ToListAsync(ct);
        return new(provider.MaxAccessGrantMinutes, provider.AccessRequestsNeedApproval, clients);
    }

    static async Task<AccessSettingsResponse> UpdateSettings(Guid providerId, AccessSettingsRequest request, ProviderCallers callers, AppDbContext db,
        CancellationToken ct)
    {
        var provider = callers.Current.Provider;
        provider.MaxAccessGrantMinutes = request.MaxGrantMinutes;
        provider.AccessRequestsNeedApproval = request.RequestsNeedApproval;
        await db.SaveChangesAsync(ct);
        return await GetSettings(providerId, callers, db, ct);
    }

    static async Task<AccessSettingsResponse> UpdateClientSetting(Guid providerId, Guid organizationId, ClientAccessSettingRequest request,
        ProviderCallers callers, AppDbContext db, CancellationToken ct)
    {
        var link = await db.ProviderOrganizations.SingleOrDefaultAsync(l => l.ProviderId == providerId && l.OrganizationId == organizationId, ct)
            ?? throw new NotFoundException();
        var setting = await db.ProviderClientSettings.FindAsync([link.Id], ct);
        if (request.RequestsNeedApproval is not { } needed)
        {
            if (setting is not null)
            {
                db.ProviderClientSettings.Remove(setting);
            }
        }
        else if (setting is null)
        {
            db.ProviderClientSettings.Add(new ProviderClientSetting { ProviderOrganizationId = link.Id, RequestsNeedApproval = needed });
        }
        else
        {
            setting.RequestsNeedApproval = needed;
        }
        await db.SaveChangesAsync(ct);
        return await GetSettings(providerId, callers, db, ct);
    }
}
