using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Admin;

/// <summary>The plan and seat model of an org, set by the system administrator (null seats: unlimited).</summary>
public sealed record AdminOrganizationUpdateRequest([property: Range(1, 1000000)] int? Seats, int? PlanType, bool Enabled) : IRequestModel;

public sealed record AdminOrganizationResponse(Guid Id, string Name, int PlanType, string Plan, int? Seats, int OccupiedSeats, bool Enabled,
    Guid? ProviderId) : ResponseModel("adminOrganization");

public static class AdminOrganizations
{
    public static void MapAdminOrganizations(this RouteGroupBuilder admin)
    {
        var orgs = admin.MapGroup("/organizations");
        orgs.MapGet("", async (AppDbContext db, CancellationToken ct) => new ListResponse<AdminOrganizationResponse>(await ListAsync(db, null, ct)));
        orgs.MapPut("/{id:guid}", Update);
    }

    static async Task<List<AdminOrganizationResponse>> ListAsync(AppDbContext db, Guid? id, CancellationToken ct)
    {
        var rows = await db.Organizations.Where(o => id == null || o.Id == id).OrderBy(o => o.Name)
            .Select(o => new
            {
                o.Id, o.Name, o.PlanType, o.Seats, o.Enabled,
                Occupied = db.OrganizationUsers.Count(m => m.OrganizationId == o.Id && m.Status != OrganizationUserStatus.Revoked),
                ProviderId = db.ProviderOrganizations.Where(l => l.OrganizationId == o.Id).Select(l => (Guid?)l.ProviderId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(o => new AdminOrganizationResponse(o.Id, o.Name, o.PlanType, OrganizationPlans.NameOf(o.PlanType),
            o.Seats, o.Occupied, o.Enabled, o.ProviderId))];
    }

    /// <summary>Fewer seats than are in use are refused; a disabled org locks out everyone but its owners.</summary>
    static async Task<AdminOrganizationResponse> Update(Guid id, AdminOrganizationUpdateRequest request, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException();
        var occupied = await db.OrganizationUsers.CountAsync(m => m.OrganizationId == id && m.Status != OrganizationUserStatus.Revoked, ct);
        if (request.Seats is { } seats && seats < occupied)
        {
            throw BadRequestException.ForField("Seats", $"The organization already uses {occupied} seats.");
        }
        org.Seats = request.Seats;
        if (request.PlanType is { } plan)
        {
            org.PlanType = plan;
            org.ProductTier = OrganizationPlans.TierOf(plan);
        }
        org.Enabled = request.Enabled;
        await OrganizationRevision.SaveAndBumpMembersAsync(db, id, time, ct, OrgChange.Profile);
        return (await ListAsync(db, id, ct)).Single();
    }
}
