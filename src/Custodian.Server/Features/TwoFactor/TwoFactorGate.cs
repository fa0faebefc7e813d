using System.Globalization;
using System.Text.Json.Nodes;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Mail;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>What the password grant does after the password: go on (with a "remember me" token to hand out), ask
/// for a second factor (<see cref="Challenge"/>), or refuse a wrong one (<see cref="Invalid"/>).</summary>
public sealed record TwoFactorOutcome(JsonObject? Challenge, bool Invalid, string? RememberToken)
{
    public static readonly TwoFactorOutcome Pass = new(null, false, null);
}

/// <summary>
/// The second step of the password grant, as Bitwarden's identity server runs it: a user with methods on gets 400
/// <c>invalid_grant</c> listing them in <c>TwoFactorProviders2</c> until the request carries <c>twoFactorToken</c>
/// and <c>twoFactorProvider</c>; type 5 is the "remember me" token of an earlier login from the same device, type 8
/// the recovery code (which turns two-step login off and lets this login through).
/// </summary>
public sealed class TwoFactorGate(TwoFactorService methods, TwoFactorTokens tokens, TwoFactorWebAuthn webAuthn, EventLog events,
    Mailer mailer)
{
    public const string InvalidMessage = "Two-step token is invalid. Try again.";

    public async Task<TwoFactorOutcome> CheckAsync(User user, string? provider, string? token, bool remember, string? deviceIdentifier,
        CancellationToken ct)
    {
        var enabled = await methods.EnabledAsync(user.Id, ct);
        if (enabled.Count == 0)
        {
            return TwoFactorOutcome.Pass;
        }
        if (string.IsNullOrWhiteSpace(token) || !int.TryParse(provider, CultureInfo.InvariantCulture, out var typeNumber)
            || !Enum.IsDefined((TwoFactorProviderType)typeNumber))
        {
            return new(await ChallengeAsync(user, enabled, ct), false, null);
        }
        var type = (TwoFactorProviderType)typeNumber;
        var method = enabled.SingleOrDefault(m => m.Type == type);
        var valid = type switch
        {
            TwoFactorProviderType.Remember => tokens.IsValidRemember(token, user.Id, deviceIdentifier, user.SecurityStamp, user.TwoFactorRevision),
            TwoFactorProviderType.RecoveryCode => await RecoverAsync(user, token, ct),
            TwoFactorProviderType.Authenticator => method is not null && await methods.VerifyTotpAsync(method, token, ct),
            TwoFactorProviderType.Email => method is not null && await methods.UseEmailCodeAsync(user.Id, methods.Read<EmailData>(method).Email!, token, ct),
            TwoFactorProviderType.WebAuthn => method is not null && await webAuthn.VerifyAssertionAsync(user, method, token, ct),
            _ => false,
        };
        if (!valid)
        {
            if (type == TwoFactorProviderType.Remember)
            {
                // An expired or revoked remember token asks for a code again instead of failing (Bitwarden's 3b).
                return new(await ChallengeAsync(user, enabled, ct), false, null);
            }
            events.Add(EventType.User_FailedLogIn2fa, new EventSubject(UserId: user.Id));
            return new(null, true, null);
        }
        var rememberToken = remember && type != TwoFactorProviderType.Remember && type != TwoFactorProviderType.RecoveryCode
            && deviceIdentifier is not null
            ? tokens.MintRemember(user.Id, deviceIdentifier, user.SecurityStamp, user.TwoFactorRevision)
            : null;
        return new(null, false, rememberToken);
    }

    /// <summary>Recovery code at login or on the legacy route: methods off, new code, event and mail (staged; caller saves).</summary>
    public async Task<bool> RecoverAsync(User user, string token, CancellationToken ct)
    {
        if (!await methods.RecoverAsync(user, token, ct))
        {
            return false;
        }
        await mailer.SendAsync(user.Email, "Two-step login turned off",
            $"Your recovery code was used at {DateTime.UtcNow:u} to turn off two-step login on your Custodian account. "
            + "If this was not you, change your master password now.\n", ct);
        return true;
    }

    /// <summary>Bitwarden's body, with per-method data: the redacted address for email, assertion options for WebAuthn.</summary>
    async Task<JsonObject> ChallengeAsync(User user, List<TwoFactorMethod> enabled, CancellationToken ct)
    {
        var providers = new JsonObject();
        var body = new JsonObject
        {
            ["error"] = "invalid_grant",
            ["error_description"] = "Two factor required.",
            ["TwoFactorProviders"] = new JsonArray([.. enabled.Select(m => JsonValue.Create(((int)m.Type).ToString(CultureInfo.InvariantCulture)))]),
            ["TwoFactorProviders2"] = providers,
        };
        foreach (var method in enabled)
        {
            providers[((int)method.Type).ToString(CultureInfo.InvariantCulture)] = method.Type switch
            {
                TwoFactorProviderType.Email => new JsonObject { ["Email"] = Redact(methods.Read<EmailData>(method).Email ?? "") },
                TwoFactorProviderType.WebAuthn => await webAuthn.StartAssertionAsync(user, method, ct),
                _ => null,
            };
        }
        if (enabled.Any(m => m.Type == TwoFactorProviderType.Email))
        {
            // Lets the login prompt ask send-email-login for a code without the master password hash again.
            body["SsoEmail2faSessionToken"] = tokens.MintEmailSession(user.Id);
            body["Email"] = user.Email;
        }
        body["MasterPasswordPolicy"] = null;
        return body;
    }

    /// <summary>"j***@example.com": enough to recognise one's own address, not to learn someone else's.</summary>
    public static string Redact(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}{new string('*', Math.Max(3, at - 1))}{email[at..]}";
    }
}
