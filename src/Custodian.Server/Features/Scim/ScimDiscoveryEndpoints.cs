using System.Text.Json.Serialization;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Scim;

/// <summary>
/// RFC 7644 §4 discovery: what this SCIM service supports (<c>/ServiceProviderConfig</c>), its resource types and their
/// schemas, as Entra ID's and Okta's validators read them. Behind the same SCIM key as the resources (§4 lets a
/// service ask for authentication here, and the org's base path is only known to the key's holder anyway).
/// </summary>
public static class ScimDiscoveryEndpoints
{
    public static void MapScimDiscoveryEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpRequest request) => Results.Json(ServiceProviderConfig(BaseUrl(request))));
        scim.MapGet("/ResourceTypes", (HttpRequest request) => Results.Json(ListOf(ResourceTypes(BaseUrl(request)))));
        scim.MapGet("/ResourceTypes/{id}", (string id, HttpRequest request) =>
            Results.Json(ResourceTypes(BaseUrl(request)).SingleOrDefault(t => t.Id == id) ?? throw new NotFoundException("Resource type not found.")));
        scim.MapGet("/Schemas", (HttpRequest request) => Results.Json(ListOf(ScimSchemaDefinitions.All(BaseUrl(request)))));
        scim.MapGet("/Schemas/{id}", (string id, HttpRequest request) =>
            Results.Json(ScimSchemaDefinitions.All(BaseUrl(request)).SingleOrDefault(s => s.Id == id) ?? throw new NotFoundException("Schema not found.")));
    }

    static string BaseUrl(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/scim/v2/{request.RouteValues["organizationId"]}";

    static ScimList<T> ListOf<T>(IReadOnlyList<T> items) => new(items.Count, 1, items.Count, items);

    static ScimServiceProviderConfig ServiceProviderConfig(string baseUrl) => new(
        new ScimSupported(true),
        new ScimBulk(false, 0, 0),
        new ScimFilter(true, 1000),
        new ScimSupported(false),
        new ScimSupported(false),
        new ScimSupported(false),
        [new ScimAuthenticationScheme("oauthbearertoken", "OAuth Bearer Token",
            "The organization's SCIM API key, from the Admin Console, as a bearer token.", true)],
        new ScimLocatedMeta("ServiceProviderConfig", $"{baseUrl}/ServiceProviderConfig"));

    static IReadOnlyList<ScimResourceType> ResourceTypes(string baseUrl) =>
    [
        new("User", "User", "/Users", "A member of the organization.", ScimSchemas.User, new ScimLocatedMeta("ResourceType", $"{baseUrl}/ResourceTypes/User")),
        new("Group", "Group", "/Groups", "A group of the organization.", ScimSchemas.Group, new ScimLocatedMeta("ResourceType", $"{baseUrl}/ResourceTypes/Group")),
    ];
}

public sealed record ScimLocatedMeta(string ResourceType, string Location);

public sealed record ScimSupported(bool Supported);

public sealed record ScimBulk(bool Supported, int MaxOperations, int MaxPayloadSize);

public sealed record ScimFilter(bool Supported, int MaxResults);

public sealed record ScimAuthenticationScheme(string Type, string Name, string Description, bool Primary);

public sealed record ScimServiceProviderConfig(ScimSupported Patch, ScimBulk Bulk, ScimFilter Filter, ScimSupported ChangePassword,
    ScimSupported Sort, ScimSupported Etag, IReadOnlyList<ScimAuthenticationScheme> AuthenticationSchemes, ScimLocatedMeta Meta)
{
    public string[] Schemas { get; } = [ScimSchemas.ServiceProviderConfig];
}

public sealed record ScimResourceType(string Id, string Name, string Endpoint, string Description,
    [property: JsonPropertyName("schema")] string SchemaUri, ScimLocatedMeta Meta)
{
    public string[] Schemas { get; } = [ScimSchemas.ResourceType];
}
