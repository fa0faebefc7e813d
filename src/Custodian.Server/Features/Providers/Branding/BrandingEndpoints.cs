using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Branding;

/// <summary>
/// The provider's branding: its admins set a display name, a colour and a logo (Provider Portal › Settings); the
/// logo is served publicly, since invitation mails link to it; an invitee holding a mailed token learns which
/// provider manages the org that invited them, and nobody else does.
/// </summary>
public static class BrandingEndpoints
{
    public static void MapProviderBrandingEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}/branding").WithTags("Providers").RequireProviderUser();
        provider.MapGet("", (Guid providerId, BrandingLookup lookup, CancellationToken ct) => ReadAsync(lookup, providerId, ct));
        provider.MapPut("", Update).AdminOnly();
        provider.MapPost("/logo", UploadLogo).AdminOnly();
        provider.MapDelete("/logo", DeleteLogo).AdminOnly();
        api.MapGet("/branding/providers/{providerId:guid}/logo", Logo).AllowAnonymous().WithTags("Providers");
        api.MapPost("/organizations/{organizationId:guid}/users/{id:guid}/branding", ForInvitation).AllowAnonymous().WithTags("Providers");
    }

    static async Task<ProviderBrandingResponse> ReadAsync(BrandingLookup lookup, Guid providerId, CancellationToken ct) =>
        await lookup.ForProviderAsync(providerId, ct) ?? throw new NotFoundException();

    static async Task<ProviderBrandingResponse> Update(Guid providerId, BrandingRequest request, AppDbContext db, EventLog events,
        BrandingLookup lookup, TimeProvider time, CancellationToken ct)
    {
        var row = await RowAsync(db, providerId, time, ct);
        row.DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim();
        row.Color = string.IsNullOrWhiteSpace(request.Color) ? null : request.Color.ToLowerInvariant();
        return await SaveAsync(db, events, lookup, providerId, ct);
    }

    /// <summary>Multipart, the image in the part named <c>logo</c>; checked by its bytes (<see cref="LogoImage"/>).</summary>
    static async Task<ProviderBrandingResponse> UploadLogo(Guid providerId, HttpRequest request, AppDbContext db, EventLog events,
        BrandingLookup lookup, TimeProvider time, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentLength > LogoImage.MaxBytes + 64 * 1024)
        {
            throw BadRequestException.ForField("Logo", $"Send the logo as multipart form data (part \"logo\"), at most {LogoImage.MaxBytes / 1024} KB.");
        }
        var file = (await request.ReadFormAsync(ct)).Files.GetFile("logo")
            ?? throw BadRequestException.ForField("Logo", "The form has no part named \"logo\".");
        if (file.Length > LogoImage.MaxBytes)
        {
            throw BadRequestException.ForField("Logo", $"The logo must be at most {LogoImage.MaxBytes / 1024} KB.");
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = LogoImage.Check(bytes);
        var row = await RowAsync(db, providerId, time, ct);
        (row.Logo, row.LogoContentType) = (bytes, type);
        return await SaveAsync(db, events, lookup, providerId, ct);
    }

    static async Task<ProviderBrandingResponse> DeleteLogo(Guid providerId, AppDbContext db, EventLog events, BrandingLookup lookup,
        TimeProvider time, CancellationToken ct)
    {
        var row = await RowAsync(db, providerId, time, ct);
        (row.Logo, row.LogoContentType) = (null, null);
        return await SaveAsync(db, events, lookup, providerId, ct);
    }

    /// <summary>
    /// The logo, public: mails show it to people who have no account yet. Served only as the type its bytes were
    /// checked to be, never sniffed, and with a policy that lets it run nothing if opened on its own.
    /// </summary>
    static async Task<IResult> Logo(Guid providerId, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var logo = await db.ProviderBrandings.AsNoTracking().Where(b => b.ProviderId == providerId && b.Logo != null)
            .Select(b => new { b.Logo, b.LogoContentType }).SingleOrDefaultAsync(ct);
        if (logo is null)
        {
            return Results.NotFound();
        }
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=86400";
        headers.ContentDisposition = "inline; filename=\"logo\"";
        return Results.Bytes(logo.Logo!, logo.LogoContentType!);
    }

    /// <summary>
    /// The accept and login pages' branding for an org invitation: only with the mailed token for that membership
    /// and address, so the route tells nobody else which provider manages an org. Anything else is a 404.
    /// </summary>
    static async Task<ProviderBrandingResponse> ForInvitation(Guid organizationId, Guid id, InvitationBrandingRequest request,
        AppDbContext db, InviteTokens tokens, BrandingLookup lookup, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var invited = await db.OrganizationUsers.AnyAsync(m => m.Id == id && m.OrganizationId == organizationId
            && m.Status == OrganizationUserStatus.Invited && m.Email == email, ct);
        return invited && tokens.IsValid(request.Token, id, email) && await lookup.ForOrganizationAsync(organizationId, ct) is { } branding
            ? branding : throw new NotFoundException();
    }

    static async Task<ProviderBranding> RowAsync(AppDbContext db, Guid providerId, TimeProvider time, CancellationToken ct)
    {
        var row = await db.ProviderBrandings.SingleOrDefaultAsync(b => b.ProviderId == providerId, ct);
        if (row is null)
        {
            row = new ProviderBranding { ProviderId = providerId };
            db.ProviderBrandings.Add(row);
        }
        row.RevisionDate = time.GetUtcNow().UtcDateTime;
        return row;
    }

    static async Task<ProviderBrandingResponse> SaveAsync(AppDbContext db, EventLog events, BrandingLookup lookup, Guid providerId,
        CancellationToken ct)
    {
        events.Add(EventType.Provider_BrandingUpdated, new EventSubject(ProviderId: providerId));
        await db.SaveChangesAsync(ct);
        return await ReadAsync(lookup, providerId, ct);
    }
}
