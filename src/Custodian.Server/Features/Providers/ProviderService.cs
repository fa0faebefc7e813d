using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

/// <summary>Provider mail (setup and user invitations) and the rules every provider-user change keeps.</summary>
public sealed class ProviderService(AppDbContext db, InviteTokens tokens, Mailer mailer, MailLinks links, Branding.BrandingLookup branding)
{
    public const string LastAdminMessage = "Provider must have at least one confirmed ProviderAdmin.";

    string VaultUrl => links.BaseUrl;

    /// <summary>The setup link for the owner the system administrator named; the token also lets them register.</summary>
    public Task SendSetupInviteAsync(Provider provider, ProviderUser owner, string email, CancellationToken ct)
    {
        // The name the system administrator gave is in the link, so the setup form starts with it.
        var link = $"{VaultUrl}/#/providers/setup-provider?providerId={provider.Id}&providerUserId={owner.Id}"
            + $"&email={Uri.EscapeDataString(email)}&providerName={Uri.EscapeDataString(provider.Name)}"
            + $"&token={Uri.EscapeDataString(tokens.Create(owner.Id, email))}";
        return mailer.SendAsync(email, $"Set up {provider.Name} on Custodian",
            $"You have been made the administrator of the provider {provider.Name}.\n\nSet it up within five days:\n{link}\n", ct);
    }

    /// <summary>A technician's invitation, in the provider's branding (its display name, colour and logo).</summary>
    public async Task SendInviteAsync(Provider provider, ProviderUser user, CancellationToken ct)
    {
        var email = user.Email ?? throw new BadRequestException("User invalid.");
        var link = $"{VaultUrl}/#/providers/accept-provider?providerId={provider.Id}&providerUserId={user.Id}"
            + $"&email={Uri.EscapeDataString(email)}&providerName={Uri.EscapeDataString(provider.Name)}"
            + $"&token={Uri.EscapeDataString(tokens.Create(user.Id, email))}";
        var brand = await branding.ForProviderAsync(provider.Id, ct) ?? Branding.ProviderBrandingResponse.From(provider, null);
        var text = $"You have been invited to join the provider {brand.Name}.\n\nAccept the invitation within five days:\n{link}\n";
        await mailer.SendAsync(email, $"Join {brand.Name} on Custodian", text, ct, branding.MailHtml(brand, text));
    }

    /// <summary>Demoting or removing <paramref name="users"/> must leave another confirmed provider admin.</summary>
    public async Task EnsureAnotherAdminAsync(Guid providerId, IReadOnlyCollection<Guid> users, CancellationToken ct)
    {
        var remaining = await db.ProviderUsers.AnyAsync(u => u.ProviderId == providerId && !users.Contains(u.Id)
            && u.Type == ProviderUserType.ProviderAdmin && u.Status == ProviderUserStatusType.Confirmed, ct);
        if (!remaining)
        {
            throw new BadRequestException(LastAdminMessage);
        }
    }

    public static Events.EventSubject Subject(ProviderUser user) =>
        new(ProviderId: user.ProviderId, ProviderUserId: user.Id, UserId: user.UserId);
}
