using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Security;

/// <summary>One registered route: <c>"PUT /api/ciphers/{id:guid}"</c> is its key in the matrix.</summary>
public sealed record RegisteredRoute(string Method, string Template, bool AllowsAnonymous, bool TakesBody)
{
    public string Key => $"{Method} {Template}";

    public override string ToString() => Key;
}

/// <summary>Every route the app registered, read from its <see cref="EndpointDataSource"/>, and their URLs in the fixture.</summary>
public static partial class RouteCatalog
{
    public static IReadOnlyList<RegisteredRoute> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => new RegisteredRoute(m,
                Normalize(e.RoutePattern.RawText ?? ""),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

    static string Normalize(string template)
    {
        var path = template.StartsWith('/') ? template : "/" + template;
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>
    /// The route's URL with each parameter filled from the fixture. A parameter is named by the path segment before
    /// it (<c>folders/{id}</c> is the folder) unless the matrix entry names it (<paramref name="overrides"/>).
    /// </summary>
    public static string Url(RegisteredRoute route, SecurityWorld world, AuthorizationRule? rule = null)
    {
        var overrides = rule?.IdOverrides;
        string? previous = null;
        var segments = route.Template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Parameter().Match(segments[i]);
            if (!match.Success)
            {
                previous = segments[i];
                continue;
            }
            var name = match.Groups["name"].Value;
            var fixtureName = overrides is not null && overrides.TryGetValue(name, out var given) ? given : FixtureName(route.Template, previous, name)
                ?? throw new InvalidOperationException($"{route.Key}: the security fixture does not know what {{{name}}} after '{previous}/' is. " +
                    "Add the case to RouteCatalog.FixtureName (and the id to SecurityWorld.Ids), or name it in the route's AuthorizationMatrix entry (ids: \"name=fixtureId\").");
            segments[i] = world.Ids.TryGetValue(fixtureName, out var value) ? value
                : throw new InvalidOperationException($"{route.Key}: SecurityWorld.Ids has no '{fixtureName}'; add it to SecurityWorld.InitializeAsync.");
        }
        var query = rule?.Query is { } q ? "?" + IdReference().Replace(q, m => world.Ids[m.Groups[1].Value]) : "";
        return string.Join('/', segments) + query;
    }

    /// <summary>What the fixture id of a parameter is, by the segment before it; null when unknown.</summary>
    static string? FixtureName(string template, string? previous, string parameter) => (previous, parameter) switch
    {
        (_, "organizationId") => template.Contains("{providerId", StringComparison.Ordinal) ? "client" : "org",
        (_, "providerUserId") => "providerUser",
        ("teams", "id") => "team",
        ("access-requests" or "requests", "id") => "grant",
        (_, "providerId") => "provider",
        (_, "attachmentId") => "attachment",
        ("ciphers" or "attachments", "id") => "cipher",
        ("folders", "id") => "folder",
        ("collections", "id") => "collection",
        ("groups" or "Groups", "id") => "group",
        ("members" or "Users", "id") => "member",
        ("policies", "type") => "policyType",
        ("sends", "id") => template.Contains("/file/", StringComparison.Ordinal) ? "sendPending" : "send",   // uploads go to the Send still waiting
        ("sends", "accessId") => "sendFileAccessId",   // sends/{accessId}/access/file/{fileId}
        ("access", "accessId") => "sendAccessId",
        ("files", "id") => "sendFile",   // the download link /sends/files/{id}/{fileId}
        ("files" or "file", "fileId") => template.StartsWith("/api/sends/{id", StringComparison.Ordinal) ? "sendPendingFileId" : "sendFileId",
        ("emergency-access", "id") => "emergencyAccess",
        ("auth-requests", "id") => "authRequest",
        ("clients", "id") => "providerOrganization",   // the provider's link to the client org
        ("organizations", "id") => template.Contains("{providerId", StringComparison.Ordinal) ? "providerOrganization" : "org",
        ("providers", "id") => "provider",
        ("users", "id") when template.StartsWith("/api/users/", StringComparison.Ordinal) => "user",
        ("users", "id") when template.Contains("{providerId", StringComparison.Ordinal) => "providerUser",
        ("users", "id") => "member",
        _ => null,
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex IdReference();

    [GeneratedRegex(@"^\{\**(?<name>[A-Za-z0-9_]+)(:[^}]*)?\??\}$")]
    private static partial Regex Parameter();
}
