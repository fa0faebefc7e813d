using Microsoft.Extensions.FileProviders;

namespace Custodian.Server.Features.Platform;

/// <summary>
/// Serves the built web UI (web/dist: Provider Portal, Admin Console, Vault) at <c>/</c>. The UI routes with the
/// URL fragment, so <c>index.html</c> and its hashed assets are all there is to serve; API routes are unaffected.
/// Without a build (an API-only deployment) nothing is served.
/// </summary>
public static class WebUi
{
    public static WebApplication UseWebUi(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["Web:Root"] is { Length: > 0 } configured ? configured : Path.Combine("web", "dist"));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogInformation("No web UI build at {Root}; serving the API only", root);
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Files under assets/ carry a content hash in their names; index.html and the icons keep theirs across
            // upgrades, so they are revalidated.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        return app;
    }
}
