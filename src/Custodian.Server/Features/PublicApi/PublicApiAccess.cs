using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.PublicApi;

/// <summary>
/// The organization an <c>api.organization</c> token was issued to, as an <see cref="OrgCaller"/> with an owner's
/// reach (Bitwarden's public API key is owner-only), so the members, groups and policy rules of the Admin Console
/// apply unchanged. The route policy already refused other tokens; the org is read again on every request.
/// </summary>
public sealed class PublicApiAccess(AppDbContext db, CurrentUser caller)
{
    public async Task<OrgCaller> RequireAsync(CancellationToken ct)
    {
        var id = caller.TenantId ?? throw new NotFoundException();
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id && o.Enabled, ct) ?? throw new NotFoundException();
        return new OrgCaller(org, null, OrganizationUserType.Owner, MemberPermissions.None, null);
    }
}
