namespace Custodian.Server.Infrastructure.Http;

/// <summary>
/// Headers that keep the web vault from being framed, sniffed or made to run foreign script, on every response
/// (UI, API and errors alike: a JSON error is as frameable as a page).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles come only from the server's own files (the Vite build emits no inline code);
    /// 'wasm-unsafe-eval' lets hash-wasm compile its Argon2 WebAssembly, and nothing else.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so responses the exception handler rewrites (and clears) carry them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
