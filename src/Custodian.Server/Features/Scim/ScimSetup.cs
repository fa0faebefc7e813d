using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Scim;

/// <summary>
/// SCIM 2.0 for an organization at <c>/scim/v2/{organizationId}</c>, so Entra ID or Okta provision a client's
/// members and groups. The IdP authenticates with the org's SCIM key as a bearer token (as with Bitwarden), checked
/// here against the key stored for that org; errors are SCIM error bodies.
/// </summary>
public static class ScimSetup
{
    public static IServiceCollection AddScim(this IServiceCollection services) => services.AddScoped<ScimCaller>();

    public static void MapScim(this WebApplication app)
    {
        var scim = app.MapGroup("/scim/v2/{organizationId:guid}").AllowAnonymous().AddEndpointFilter(AuthenticateAsync)
            .WithTags("SCIM").ExcludeFromDescription();
        scim.MapScimUserEndpoints();
        scim.MapScimGroupEndpoints();
        scim.MapScimDiscoveryEndpoints();
    }

    /// <summary>The SCIM key of the org in the route, or a SCIM 401; any API error inside becomes a SCIM error body.</summary>
    static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        if (!Guid.TryParse(http.Request.RouteValues["organizationId"]?.ToString(), out var organizationId) || presented.Length == 0)
        {
            return Error(401, "Unauthorized.");
        }
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId && o.Enabled, http.RequestAborted);
        if (org is null || !http.RequestServices.GetRequiredService<TenantApiKeys>().Matches(org.ScimApiKey, presented))
        {
            return Error(401, "Unauthorized.");
        }
        http.RequestServices.GetRequiredService<ScimCaller>().Caller = new OrgCaller(org, null, OrganizationUserType.Owner, MemberPermissions.None, null);
        try
        {
            return await next(context);
        }
        catch (ApiException e)
        {
            return Error(e.Status, e.Message, (e as ScimException)?.ScimType);
        }
    }

    public static IResult Error(int status, string detail, string? scimType = null) =>
        Results.Json(new ScimError(status, detail, scimType), statusCode: status);
}

/// <summary>The org whose SCIM key authenticated the request, set by <see cref="ScimSetup"/>'s filter.</summary>
public sealed class ScimCaller
{
    OrgCaller? _caller;

    public OrgCaller Caller
    {
        get => _caller ?? throw new InvalidOperationException("SCIM request not authenticated.");
        set => _caller = value;
    }
}
