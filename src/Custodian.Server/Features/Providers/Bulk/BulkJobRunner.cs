using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>
/// Applies one keyless bulk change to one client through the code its single-client route uses, so the rules
/// (policy dependencies, seats in use) and the events (in the client's and the provider's log) are the same.
/// </summary>
public sealed class BulkJobRunner(AppDbContext db, OrganizationAccess access, Events.EventLog events, TimeProvider time, TwoFactorCompliance twoFactor,
    CurrentUser caller)
{
    /// <summary>An empty string when it worked, or why not; nothing half-written stays tracked after a failure.</summary>
    public async Task<string> ApplyAsync(Guid providerId, BulkJobKind kind, BulkJobParameters parameters, Guid organizationId, CancellationToken ct)
    {
        try
        {
            if (kind == BulkJobKind.Policy && parameters.Policy is { } policy)
            {
                var org = await access.RequireAsync(organizationId, c => c.ProviderId == providerId && c.Organization.UsePolicies, ct);
                await PolicyEndpoints.SaveAsync(org, policy.Type, policy.Enabled, policy.Data, db, events, time, twoFactor, ct);
                return "";
            }
            // Seats and enabling reach disabled clients too, which the per-org access check does not.
            var change = new ProviderApiClientUpdate(null, kind == BulkJobKind.Seats ? parameters.Seats : null, kind == BulkJobKind.Enable ? parameters.Enabled : null);
            var error = await ProviderApiEndpoints.UpdateAsync(providerId, organizationId, change, new(db, caller, events, time), ct);
            if (error.Length == 0)
            {
                await OrganizationRevision.SaveAndBumpMembersAsync(db, organizationId, time, ct, OrgChange.Profile);
            }
            return error;
        }
        catch (ApiException ex)
        {
            return ex is NotFoundException ? "Client not found." : ex.Message;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
