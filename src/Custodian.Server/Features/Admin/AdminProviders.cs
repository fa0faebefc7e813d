using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Providers;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Admin;

public sealed record AdminProviderCreateRequest(
    [property: Required, StringLength(50)] string Name,
    ProviderType Type,
    [property: Required, MailAddress, StringLength(256)] string OwnerEmail) : IRequestModel;

public sealed record AdminProviderUpdateRequest(
    [property: Required, StringLength(50)] string Name,
    [property: StringLength(50)] string? BusinessName,
    [property: MailAddress, StringLength(256)] string? BillingEmail,
    bool Enabled) : IRequestModel;

public sealed record AdminProviderResponse(Guid Id, string Name, string? BusinessName, string? BillingEmail, ProviderType Type,
    ProviderStatusType Status, bool Enabled, int Clients, int Users, DateTime CreationDate) : ResponseModel("adminProvider");

/// <summary>What the system administrator does with providers; used by the /admin API and the command line.</summary>
public sealed class AdminProviders(AppDbContext db, ProviderService providers, MailLinks links, TimeProvider time)
{
    /// <summary>A pending provider and its owner (linked at once when the account exists), who gets the setup mail.</summary>
    public async Task<Provider> CreateAsync(string name, ProviderType type, string ownerEmail, CancellationToken ct)
    {
        if (!Enum.IsDefined(type))
        {
            throw BadRequestException.ForField("Type", "Unknown provider type.");
        }
        var email = EmailAddresses.Normalize(ownerEmail, "OwnerEmail");
        links.EnsureConfigured();
        var now = time.GetUtcNow().UtcDateTime;
        var provider = new Provider { Id = Guid.CreateVersion7(), Name = name.Trim(), Type = type, BillingEmail = email, Status = ProviderStatusType.Pending, CreationDate = now };
        var ownerId = await db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        var owner = new ProviderUser
        {
            Id = Guid.CreateVersion7(), ProviderId = provider.Id, UserId = ownerId, Email = email, Type = ProviderUserType.ProviderAdmin,
            Status = ProviderUserStatusType.Invited, CreationDate = now,
        };
        db.AddRange(provider, owner);
        await db.SaveChangesAsync(ct);
        await providers.SendSetupInviteAsync(provider, owner, email, ct);
        return provider;
    }

    public async Task ResendSetupAsync(Guid id, CancellationToken ct)
    {
        var provider = await LoadAsync(id, ct);
        var owner = await db.ProviderUsers.Where(u => u.ProviderId == id && u.Type == ProviderUserType.ProviderAdmin && u.Email != null)
            .OrderBy(u => u.CreationDate).FirstOrDefaultAsync(ct);
        if (provider.Status != ProviderStatusType.Pending || owner?.Email is null)
        {
            throw new BadRequestException("Provider is already setup.");
        }
        await providers.SendSetupInviteAsync(provider, owner, owner.Email, ct);
    }

    public async Task<Provider> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Providers.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();

    public async Task<List<AdminProviderResponse>> ListAsync(Guid? id, CancellationToken ct) =>
        await db.Providers.Where(p => id == null || p.Id == id).OrderBy(p => p.Name)
            .Select(p => new AdminProviderResponse(p.Id, p.Name, p.BusinessName, p.BillingEmail, p.Type, p.Status, p.Enabled,
                db.ProviderOrganizations.Count(l => l.ProviderId == p.Id), db.ProviderUsers.Count(u => u.ProviderId == p.Id), p.CreationDate))
            .ToListAsync(ct);

    /// <summary>Disabling cuts every provider user's access to the clients at once (checked on each request).</summary>
    public async Task UpdateAsync(Guid id, AdminProviderUpdateRequest request, CancellationToken ct)
    {
        var provider = await LoadAsync(id, ct);
        provider.Name = request.Name;
        provider.BusinessName = request.BusinessName;
        provider.BillingEmail = request.BillingEmail?.Trim().ToLowerInvariant() ?? provider.BillingEmail;
        provider.Enabled = request.Enabled;
        await SaveAndBumpUsersAsync(id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var provider = await LoadAsync(id, ct);
        if (await db.ProviderOrganizations.AnyAsync(l => l.ProviderId == id, ct))
        {
            throw new BadRequestException("Remove the provider's client organizations first.");
        }
        db.Providers.Remove(provider);
        await SaveAndBumpUsersAsync(id, ct);
    }

    Task SaveAndBumpUsersAsync(Guid id, CancellationToken ct) => Organizations.OrganizationRevision.SaveAndBumpProviderAsync(db, id, time, ct);
}
