using System.Text.Encodings.Web;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Branding;

/// <summary>
/// A provider's public branding (never the logo's bytes), for the provider itself or for a client org it manages,
/// and the HTML part that carries it in invitation mails.
/// </summary>
public sealed class BrandingLookup(AppDbContext db, MailLinks links)
{
    public async Task<ProviderBrandingResponse?> ForProviderAsync(Guid providerId, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, ct);
        return provider is null ? null : ProviderBrandingResponse.From(provider, await WithoutLogoAsync(providerId, ct));
    }

    /// <summary>The branding of the provider that manages <paramref name="organizationId"/>; null for an org of its own.</summary>
    public async Task<ProviderBrandingResponse?> ForOrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        var providerId = await db.ProviderOrganizations.Where(p => p.OrganizationId == organizationId).Select(p => (Guid?)p.ProviderId)
            .FirstOrDefaultAsync(ct);
        return providerId is { } id ? await ForProviderAsync(id, ct) : null;
    }

    /// <summary>The settings and whether a logo exists, without reading the logo itself.</summary>
    async Task<ProviderBranding?> WithoutLogoAsync(Guid providerId, CancellationToken ct)
    {
        var row = await db.ProviderBrandings.AsNoTracking().Where(b => b.ProviderId == providerId)
            .Select(b => new { b.DisplayName, b.Color, b.RevisionDate, HasLogo = b.Logo != null }).SingleOrDefaultAsync(ct);
        return row is null ? null : new ProviderBranding
        {
            ProviderId = providerId, DisplayName = row.DisplayName, Color = row.Color, RevisionDate = row.RevisionDate,
            Logo = row.HasLogo ? [] : null,
        };
    }

    /// <summary>
    /// The mail's HTML part: the provider's logo (an absolute link to the public logo route, nothing inline) and
    /// name above the same text as the plain part. Every value is HTML-encoded.
    /// </summary>
    public string MailHtml(ProviderBrandingResponse branding, string text)
    {
        var html = HtmlEncoder.Default;
        var accent = branding.Color ?? "#175ddc";
        var logo = branding.LogoUrl is { } url
            ? $"<img src=\"{html.Encode(links.BaseUrl + url)}\" alt=\"{html.Encode(branding.Name)}\" style=\"max-height:64px;max-width:240px\"><br>"
            : "";
        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
            + $"<div style=\"border-bottom:4px solid {html.Encode(accent)};padding:12px 0\">{logo}<strong>{html.Encode(branding.Name)}</strong></div>"
            + $"<pre style=\"font-family:inherit;white-space:pre-wrap\">{html.Encode(text)}</pre></body></html>";
    }
}
