using System.Text.RegularExpressions;
using Custodian.Server.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Icons;

/// <summary>
/// <c>GET /icons/{domain}/icon.png</c>, anonymous, where the official apps (and the Vault page) look for a site's
/// icon: from the disk cache, else fetched from the site. 404 when the site has none or the operator switched icons
/// off (<c>Icons__Enabled=false</c>); the apps then draw their own glyph.
/// </summary>
public static partial class IconEndpoints
{
    public static IServiceCollection AddIcons(this IServiceCollection services)
    {
        services.AddOptions<IconOptions>().BindConfiguration(IconOptions.Section);
        services.AddSingleton<IIconHostResolver, DnsIconHostResolver>();
        services.AddKeyedSingleton<HttpMessageHandler>(IconFetcher.HandlerKey,
            (sp, _) => IconFetcher.CreateHandler(sp.GetRequiredService<IOptions<IconOptions>>().Value));
        services.AddSingleton<IconFetcher>();
        services.AddSingleton<IconCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapIconEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/icons/{domain}/icon.png", GetAsync).AllowAnonymous();
        return app;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex DomainPattern();

    static async Task<IResult> GetAsync(string domain, IOptions<IconOptions> options, IconCache cache, IconFetcher fetcher, HttpResponse response, CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (!DomainPattern().IsMatch(domain))
        {
            throw BadRequestException.ForField("domain", "The domain is not a valid host name.");
        }
        var (found, icon) = cache.Read(domain);
        if (!found)
        {
            icon = await fetcher.FetchAsync(domain, ct);
            await cache.WriteAsync(domain, icon);
        }
        if (icon is null)
        {
            return Results.NotFound();
        }
        response.Headers.CacheControl = "public, max-age=604800";
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(icon.Bytes, icon.ContentType);
    }
}
