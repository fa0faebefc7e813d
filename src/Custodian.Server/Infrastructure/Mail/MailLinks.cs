using Custodian.Server.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Infrastructure.Mail;

/// <summary>Section <c>Server</c>.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>
    /// The address people reach the web vault at (<c>https://vault.example.com</c>). Every link in mail starts with
    /// it: a link built from the request's Host header could be pointed anywhere by whoever sends the request.
    /// </summary>
    public string? PublicUrl { get; set; }
}

/// <summary>The base of links in mail (invitations, provider setup).</summary>
public sealed class MailLinks(IOptions<ServerOptions> options, IHostEnvironment environment)
{
    public const string MissingMessage =
        "Server__PublicUrl is not set: mail with links cannot be sent. Set it to the address of the web vault (https://vault.example.com).";

    /// <summary>
    /// The configured public URL; in Development without it, the local default. Elsewhere, without it, a 400 that
    /// names the setting: handlers ask before saving anything, so a refused invitation leaves no row behind.
    /// </summary>
    public string BaseUrl
    {
        get
        {
            var configured = options.Value.PublicUrl?.Trim().TrimEnd('/');
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }
            return environment.IsDevelopment() ? "http://localhost:8080" : throw new BadRequestException(MissingMessage);
        }
    }

    /// <summary>Throws the 400 of <see cref="BaseUrl"/> early, before a handler writes what the mail is about.</summary>
    public void EnsureConfigured() => _ = BaseUrl;

    public static bool IsValid(string? url) => string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}
