namespace Custodian.Server.Features.Icons;

/// <summary>Website icons (<c>Icons__…</c>): the server fetches a site's favicon on the apps' behalf.</summary>
public sealed class IconOptions
{
    public const string Section = "Icons";

    /// <summary>Off: <c>/icons/…</c> answers 404 and the server makes no outbound requests for icons.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Largest icon accepted from a site, in bytes.</summary>
    public int MaxBytes { get; set; } = 100 * 1024;

    /// <summary>Time allowed for one site, redirects included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a fetched icon is served from disk before it is fetched again.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a site without a usable icon is not asked again.</summary>
    public TimeSpan NegativeCacheLifetime { get; set; } = TimeSpan.FromDays(1);
}
