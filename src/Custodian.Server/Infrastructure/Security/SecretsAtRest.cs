using System.Xml.Linq;
using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>
/// Server-held secrets at rest: the Data Protection key ring is encrypted with <see cref="ServerSecretKey"/> (kept
/// outside the database) and shared by every instance through the database; the secrets the server keeps in its
/// tables (token-signing key, API keys) are protected with Data Protection.
/// </summary>
public static class SecretsAtRest
{
    /// <summary>Data Protection's own output starts with its magic header, 0x09F0C9F0, which base64url writes so.</summary>
    public const string ProtectedPrefix = "CfDJ8";

    static readonly XName RequiresEncryption = XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection");

    public static IServiceCollection AddSecretsAtRest(this IServiceCollection services)
    {
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section);
        services.AddSingleton(sp => ServerSecretKey.Load(sp.GetRequiredService<IOptions<SecretsOptions>>().Value,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        // Keys live in the shared database, so tokens protected on one instance unprotect on every other.
        services.AddDataProtection().SetApplicationName("Custodian").PersistKeysToDbContext<AppDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<ServerSecretKey>((o, key) => o.XmlEncryptor = new KeyRingEncryptor(key));
        return services;
    }

    public static bool IsProtected(string stored) => stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal);

    /// <summary>The secret in the clear: unprotected, or as it is when a row predates protection (until start-up migrates it).</summary>
    public static string Reveal(IDataProtector protector, string stored) => IsProtected(stored) ? protector.Unprotect(stored) : stored;

    /// <summary>
    /// Start-up data migration for databases written before secrets were protected: key-ring entries with plaintext
    /// master keys are encrypted, and plaintext API keys protected, so no plaintext secret stays in the database.
    /// </summary>
    public static async Task ProtectLegacySecretsAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var encryptor = new KeyRingEncryptor(scope.ServiceProvider.GetRequiredService<ServerSecretKey>());
        foreach (var row in await db.DataProtectionKeys.Where(k => k.Xml != null && !k.Xml.Contains(KeyRingEncryptor.ElementName)).ToListAsync(ct))
        {
            row.Xml = EncryptSecrets(XElement.Parse(row.Xml!), encryptor).ToString(SaveOptions.DisableFormatting);
        }
        var apiKeys = scope.ServiceProvider.GetRequiredService<Features.Accounts.ApiKeys>();
        foreach (var user in await db.Users.Where(u => u.ApiKey != null && !u.ApiKey.StartsWith(ProtectedPrefix)).ToListAsync(ct))
        {
            user.ApiKey = apiKeys.Protect(user.ApiKey!);
        }
        await db.SaveChangesAsync(ct);
    }

    public const string ApiKeyPurpose = "Custodian.Accounts.ApiKey";

    /// <summary>What Data Protection does on writing a key: each element it marks as secret becomes an encryptedSecret.</summary>
    static XElement EncryptSecrets(XElement key, KeyRingEncryptor encryptor)
    {
        foreach (var secret in key.Descendants().Where(e => (string?)e.Attribute(RequiresEncryption) == "true").ToList())
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement("encryptedSecret",
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
        }
        return key;
    }
}
