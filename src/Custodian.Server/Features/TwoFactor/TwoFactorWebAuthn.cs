using System.Text.Json;
using System.Text.Json.Nodes;
using Custodian.Server.Features.Accounts;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>One registered security key (Bitwarden numbers them Key1…Key5).</summary>
public sealed record WebAuthnKey(int Id, string? Name, byte[] CredentialId, byte[] PublicKey, uint SignCount);

/// <summary>The WebAuthn method's secrets: the keys, and the options of a registration or login under way.</summary>
public sealed record WebAuthnData(List<WebAuthnKey> Keys, string? PendingRegistration, string? PendingAssertion);

/// <summary>
/// WebAuthn as a second factor through the Fido2 library: registration (challenge, then the attestation) and the
/// assertion at login, whose options go out in <c>TwoFactorProviders2["7"]</c> and whose answer comes back as the
/// JSON <c>twoFactorToken</c>. The relying party is the host the web UI was reached on.
/// </summary>
public sealed class TwoFactorWebAuthn(TwoFactorService methods, IHttpContextAccessor http, Infrastructure.Data.AppDbContext db)
{
    public const int MaxKeys = 5;

    Fido2 Fido()
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No HTTP request.");
        return new Fido2(new Fido2Configuration
        {
            RPID = request.Host.Host,
            RPName = "Custodian",
            Origins = new HashSet<string>([$"{request.Scheme}://{request.Host}"]),
        });
    }

    // Bitwarden's web vault names the attestation members "AttestationObject" and "clientDataJson".
    static readonly JsonSerializerOptions DeviceResponseJson = new() { PropertyNameCaseInsensitive = true };

    public static WebAuthnData Empty => new([], null, null);

    public WebAuthnData Read(TwoFactorMethod? method) => method is null ? Empty : methods.Read<WebAuthnData>(method);

    /// <summary>Options for <c>navigator.credentials.create</c>; the user's own keys are excluded.</summary>
    public async Task<CredentialCreateOptions> StartRegistrationAsync(User user, CancellationToken ct)
    {
        var method = await methods.FindAsync(user.Id, TwoFactorProviderType.WebAuthn, ct);
        var data = Read(method);
        var options = Fido().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = user.Id.ToByteArray(), Name = user.Email, DisplayName = user.Name ?? user.Email },
            ExcludeCredentials = [.. data.Keys.Select(k => new PublicKeyCredentialDescriptor(k.CredentialId))],
            AuthenticatorSelection = new AuthenticatorSelection { UserVerification = UserVerificationRequirement.Discouraged },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        await methods.SaveAsync(user, TwoFactorProviderType.WebAuthn, data with { PendingRegistration = options.ToJson() },
            enable: method?.Enabled == true, ct);
        return options;
    }

    /// <summary>Checks the attestation against the pending options and stores the key as Key<paramref name="id"/>.</summary>
    public async Task<bool> CompleteRegistrationAsync(User user, int id, string? name, JsonElement deviceResponse, CancellationToken ct)
    {
        var method = await methods.FindAsync(user.Id, TwoFactorProviderType.WebAuthn, ct);
        var data = Read(method);
        if (data.PendingRegistration is null || id is < 1 or > MaxKeys)
        {
            return false;
        }
        try
        {
            var raw = deviceResponse.Deserialize<AuthenticatorAttestationRawResponse>(DeviceResponseJson)!;
            var credential = await Fido().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = CredentialCreateOptions.FromJson(data.PendingRegistration),
                IsCredentialIdUniqueToUserCallback = (args, _) => Task.FromResult(!data.Keys.Any(k => k.CredentialId.AsSpan().SequenceEqual(args.CredentialId))),
            }, ct);
            var keys = data.Keys.Where(k => k.Id != id).Append(new WebAuthnKey(id, name?[..Math.Min(name.Length, 50)], credential.Id, credential.PublicKey, credential.SignCount))
                .OrderBy(k => k.Id).ToList();
            await methods.SaveAsync(user, TwoFactorProviderType.WebAuthn, new WebAuthnData(keys, null, null), enable: true, ct);
            return true;
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Removes one key; the method goes off with the last.</summary>
    public async Task<bool> DeleteKeyAsync(User user, int id, CancellationToken ct)
    {
        var method = await methods.FindAsync(user.Id, TwoFactorProviderType.WebAuthn, ct);
        var data = Read(method);
        if (!data.Keys.Any(k => k.Id == id))
        {
            return false;
        }
        var keys = data.Keys.Where(k => k.Id != id).ToList();
        if (keys.Count == 0)
        {
            await methods.DisableAsync(user, TwoFactorProviderType.WebAuthn, ct);
        }
        else
        {
            await methods.SaveAsync(user, TwoFactorProviderType.WebAuthn, data with { Keys = keys }, enable: true, ct);
        }
        return true;
    }

    /// <summary>Assertion options for the login prompt, remembered (protected) until the answer comes.</summary>
    public async Task<JsonNode?> StartAssertionAsync(User user, TwoFactorMethod method, CancellationToken ct)
    {
        var data = Read(method);
        var options = Fido().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [.. data.Keys.Select(k => new PublicKeyCredentialDescriptor(k.CredentialId))],
            UserVerification = UserVerificationRequirement.Discouraged,
        });
        method.Data = methods.Protect(data with { PendingAssertion = options.ToJson() });
        await db.SaveChangesAsync(ct);
        return JsonNode.Parse(options.ToJson());
    }

    public async Task<bool> VerifyAssertionAsync(User user, TwoFactorMethod method, string token, CancellationToken ct)
    {
        var data = Read(method);
        if (data.PendingAssertion is null)
        {
            return false;
        }
        try
        {
            var raw = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(token)!;
            var key = data.Keys.SingleOrDefault(k => k.CredentialId.AsSpan().SequenceEqual(raw.RawId));
            if (key is null)
            {
                return false;
            }
            var result = await Fido().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = AssertionOptions.FromJson(data.PendingAssertion),
                StoredPublicKey = key.PublicKey,
                StoredSignatureCounter = key.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (_, _) => Task.FromResult(true),
            }, ct);
            // The options are used up either way, and the counter moves on (a cloned key shows as a lower count).
            var keys = data.Keys.Select(k => k.Id == key.Id ? k with { SignCount = result.SignCount } : k).ToList();
            method.Data = methods.Protect(new WebAuthnData(keys, data.PendingRegistration, null));
            return true;
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or ArgumentException or FormatException)
        {
            return false;
        }
    }
}
