using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;

namespace Custodian.Server.Features.PublicApi;

/// <summary>
/// Bitwarden's organization public API under <c>/api/public</c>, for <c>api.organization</c> tokens only (a user's
/// token is refused here, and an org token everywhere else), with its OpenAPI document at
/// <see cref="OpenApiPath"/>.
/// </summary>
public static class PublicApiSetup
{
    public const string DocumentName = "public";
    public const string OpenApiPath = "/api/public/openapi.json";

    public static IServiceCollection AddPublicApi(this IServiceCollection services)
    {
        services.AddScoped<PublicApiAccess>();
        // Only the public routes go in the document: they are the ones tagged with its group name.
        services.AddOpenApi(DocumentName, o => o.ShouldInclude = d => d.GroupName == DocumentName);
        return services;
    }

    public static void MapPublicApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/public").RequireAuthorization(AuthSetup.OrganizationApiPolicy)
            .AddRequestFilters().WithGroupName(DocumentName);
        api.MapPublicMemberEndpoints();
        api.MapPublicGroupEndpoints();
        api.MapPublicCollectionEndpoints();
        api.MapPublicPolicyEventEndpoints();
        api.MapOrganizationImportEndpoint();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
    }
}
