using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

/// <summary><c>profile.providers[]</c>: the provider key wrapped to this user, and what the client gates on.</summary>
public sealed record ProfileProviderResponse(Guid Id, string Name, string? Key, ProviderUserStatusType Status, ProviderUserType Type,
    bool Enabled, MemberPermissions Permissions, Guid? UserId, bool UseEvents, ProviderStatusType ProviderStatus, ProviderType ProviderType)
    : ResponseModel("profileProvider")
{
    /// <summary>Confirmed memberships of providers that have been set up.</summary>
    public static async Task<List<ProfileProviderResponse>> ForUserAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var rows = await (from u in db.ProviderUsers
                          join p in db.Providers on u.ProviderId equals p.Id
                          where u.UserId == userId && u.Status == ProviderUserStatusType.Confirmed && p.Status != ProviderStatusType.Pending
                          select new { u, p }).ToListAsync(ct);
        return [.. rows.Select(r => new ProfileProviderResponse(r.p.Id, r.p.Name, r.u.Key, r.u.Status, r.u.Type, r.p.Enabled,
            MemberPermissions.None, r.u.UserId, r.p.UseEvents, r.p.Status, r.p.Type))];
    }
}

public sealed record ProviderResponse(Guid Id, string Name, string? BusinessName, string? BusinessAddress1, string? BusinessAddress2,
    string? BusinessAddress3, string? BusinessCountry, string? BusinessTaxNumber, string? BillingEmail, DateTime CreationDate,
    ProviderType Type) : ResponseModel("provider")
{
    public static ProviderResponse From(Provider p) =>
        new(p.Id, p.Name, p.BusinessName, null, null, null, null, null, p.BillingEmail, p.CreationDate, p.Type);
}

public sealed record ProviderUpdateRequest(
    [property: Required, StringLength(50)] string Name,
    [property: StringLength(50)] string? BusinessName,
    [property: Required, MailAddress, StringLength(256)] string BillingEmail) : IRequestModel;

/// <summary>Setup by the owner: payment fields of the cloud form are accepted and ignored (self-hosted).</summary>
public sealed record ProviderSetupRequest(
    [property: Required, StringLength(50)] string Name,
    [property: StringLength(50)] string? BusinessName,
    [property: Required, MailAddress, StringLength(256)] string BillingEmail,
    [property: Required] string Token,
    /// <summary>The new provider key, RSA-wrapped to the owner's public key.</summary>
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Key) : IRequestModel;
