using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Dashboard;

/// <summary>One client's health on the cross-client dashboard: counts only, never names of members or items.</summary>
public sealed record DashboardClientResponse(Guid OrganizationId, string Name, bool Enabled, int? Seats, int OccupiedSeats,
    int PendingAcceptance, int PendingConfirmation, int WithoutTwoStep, int PoliciesEnabled, DateTime? LastActivity)
    : ResponseModel("providerDashboardClient");

/// <summary>
/// The cross-client dashboard: every client of a provider with its seats, pending members, members without two-step
/// login, policies on and last activity; searched, filtered, sorted and paged by the database. A page is one query
/// whose per-client figures are correlated sub-selects over indexed columns, so its cost follows the page size, not
/// the number of clients (except when sorting by a figure, which the database must compute for every client first).
/// </summary>
public static class DashboardEndpoints
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapProviderDashboardEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}").WithTags("Provider dashboard").RequireProviderUser();
        provider.MapGet("/dashboard", Page);
        return provider;
    }

    static readonly string[] Sorts = ["name", "-name", "seats", "pending", "twoStep", "activity"];
    static readonly string[] Filters = ["pending", "twoStep", "disabled", "overSeats"];

    /// <summary>
    /// Any user of the provider: technicians look after the clients too. <c>filter</c> keeps the clients that need
    /// attention for one reason; the answer's token is the next page number (the dashboard jumps between sorts).
    /// </summary>
    static async Task<ListResponse<DashboardClientResponse>> Page(Guid providerId, string? search, string? sort, string? filter, int? page,
        int? pageSize, AppDbContext db, CancellationToken ct)
    {
        if (sort is not null && !Sorts.Contains(sort))
        {
            throw BadRequestException.ForField("sort", $"Sort by one of: {string.Join(", ", Sorts)}.");
        }
        if (filter is not null && !Filters.Contains(filter))
        {
            throw BadRequestException.ForField("filter", $"Filter by one of: {string.Join(", ", Filters)}.");
        }
        var size = Math.Clamp(pageSize ?? 50, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var orgs = db.Organizations.AsNoTracking()
            .Where(o => db.ProviderOrganizations.Any(l => l.OrganizationId == o.Id && l.ProviderId == providerId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            orgs = orgs.Where(o => o.Name.ToLower().Contains(term));
        }
        var rows = Figures(db, orgs);
        rows = filter switch
        {
            "pending" => rows.Where(r => r.PendingAcceptance + r.PendingConfirmation > 0),
            "twoStep" => rows.Where(r => r.WithoutTwoStep > 0),
            "disabled" => rows.Where(r => !r.Enabled),
            "overSeats" => rows.Where(r => r.Seats != null && r.OccupiedSeats >= r.Seats),
            _ => rows,
        };
        rows = sort switch
        {
            "-name" => rows.OrderByDescending(r => r.Name).ThenByDescending(r => r.OrganizationId),
            "seats" => rows.OrderByDescending(r => r.OccupiedSeats).ThenBy(r => r.Name).ThenBy(r => r.OrganizationId),
            "pending" => rows.OrderByDescending(r => r.PendingAcceptance + r.PendingConfirmation).ThenBy(r => r.Name).ThenBy(r => r.OrganizationId),
            "twoStep" => rows.OrderByDescending(r => r.WithoutTwoStep).ThenBy(r => r.Name).ThenBy(r => r.OrganizationId),
            "activity" => rows.OrderByDescending(r => r.LastActivity).ThenBy(r => r.Name).ThenBy(r => r.OrganizationId),
            _ => rows.OrderBy(r => r.Name).ThenBy(r => r.OrganizationId),
        };
        var slice = await rows.Skip((number - 1) * size).Take(size + 1).ToListAsync(ct);
        return new([.. slice.Take(size).Select(r => r.ToResponse())], slice.Count > size ? (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>
    /// The per-client figures as one projection. Pending acceptance counts invitations, pending confirmation accepted
    /// members waiting for their key; "without two-step" counts confirmed members with no enabled method (revoked ones
    /// do not sign in, invited ones have no account yet). Seats follow the client list: every member but the revoked.
    /// </summary>
    static IQueryable<ClientFigures> Figures(AppDbContext db, IQueryable<Organization> orgs) =>
        orgs.Select(o => new ClientFigures
        {
            OrganizationId = o.Id, Name = o.Name, Enabled = o.Enabled, Seats = o.Seats,
            OccupiedSeats = db.OrganizationUsers.Count(m => m.OrganizationId == o.Id && m.Status != OrganizationUserStatus.Revoked),
            PendingAcceptance = db.OrganizationUsers.Count(m => m.OrganizationId == o.Id && m.Status == OrganizationUserStatus.Invited),
            PendingConfirmation = db.OrganizationUsers.Count(m => m.OrganizationId == o.Id && m.Status == OrganizationUserStatus.Accepted),
            WithoutTwoStep = db.OrganizationUsers.Count(m => m.OrganizationId == o.Id && m.Status == OrganizationUserStatus.Confirmed
                && !db.TwoFactorMethods.Any(t => t.UserId == m.UserId && t.Enabled)),
            PoliciesEnabled = db.Policies.Count(p => p.OrganizationId == o.Id && p.Enabled),
            LastActivity = db.Events.Where(e => e.OrganizationId == o.Id).Max(e => (DateTime?)e.Date),
        });

    /// <summary>A plain class (not the response record) so the database can filter and sort on its members.</summary>
    sealed class ClientFigures
    {
        public Guid OrganizationId { get; init; }
        public required string Name { get; init; }
        public bool Enabled { get; init; }
        public int? Seats { get; init; }
        public int OccupiedSeats { get; init; }
        public int PendingAcceptance { get; init; }
        public int PendingConfirmation { get; init; }
        public int WithoutTwoStep { get; init; }
        public int PoliciesEnabled { get; init; }
        public DateTime? LastActivity { get; init; }

        public DashboardClientResponse ToResponse() => new(OrganizationId, Name, Enabled, Seats, OccupiedSeats, PendingAcceptance,
            PendingConfirmation, WithoutTwoStep, PoliciesEnabled, LastActivity);
    }
}
