namespace Custodian.Server.Infrastructure.Http;

/// <summary>
/// Headers that keep the web vault from being framed, sniffed or made to run foreign script, on every response
/// (UI, API and errors alike: a JSON error is as frameable as a page).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles come only from the server's own files (the Vite build emits no inline code);
    /// 'wasm-unsafe-eval' lets hash-wasm compile its Argon2 WebAssembly, and nothing else. The two style hashes are the
    /// two fixed &lt;style&gt; elements react-aria injects (usePress: touch-action on pressables; usePreventScroll:
    /// overscroll on touch devices), allowed by their exact text rather than by 'unsafe-inline'; a library update that
    /// changes that text shows up as a CSP violation in the Chromium tests.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
        + "style-src 'self' 'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o=' 'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='; "
        + "img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Have I Been Pwned's k-anonymity range API, which browsers may call when the operator allows it.</summary>
    public const string PwnedPasswordsOrigin = "https://api.pwnedpasswords.com";

    /// <summary>
    /// <c>Reports__ExposedPasswordChecks</c>: browsers may look up the first 5 hex digits of a password's SHA-1 at
    /// <see cref="PwnedPasswordsOrigin"/> (the server sees nothing of it). Off by default: it tells a third party
    /// that this address checks passwords, which some operators must not.
    /// </summary>
    public static bool ExposedPasswordChecks(IConfiguration configuration) => configuration.GetValue<bool>("Reports:ExposedPasswordChecks");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ExposedPasswordChecks(app.ApplicationServices.GetRequiredService<IConfiguration>())
            ? ContentSecurityPolicy.Replace("connect-src 'self'", $"connect-src 'self' {PwnedPasswordsOrigin}", StringComparison.Ordinal)
            : ContentSecurityPolicy;
        return app.Use((context, next) =>
        {
            // Set as the response starts, so responses the exception handler rewrites (and clears) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // A stricter policy the handler chose stays (served images: nothing may run at all).
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = policy;
                }
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
}
