using System.Net;
using System.Security.Cryptography;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Security;

public sealed class SecretsAtRestTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatabaseRead_ShowsNoPlaintextSigningKeyApiKeyOrKeyRing()
    {
        var user = await api.LoginNewUserAsync();
        var apiKey = await user.ApiKeyAsync();

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var storedApiKey = (await db.Users.SingleAsync(u => u.Id == user.Id, Ct)).ApiKey!;
        var signingKey = (await db.SigningKeys.SingleAsync(Ct)).Secret;
        var ring = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);

        Assert.DoesNotContain(apiKey, storedApiKey, StringComparison.Ordinal);
        Assert.True(SecretsAtRest.IsProtected(storedApiKey));
        Assert.True(SecretsAtRest.IsProtected(signingKey));
        var live = Convert.ToBase64String(api.Services.GetRequiredService<SigningKeyStore>().Key.Key);
        Assert.DoesNotContain(live, signingKey, StringComparison.Ordinal);
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeyFile_IsCreatedPrivate_InAPrivateDataDirectory()
    {
        var keyFile = Path.Combine(api.DataDirectory, "secret.key");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(api.DataDirectory));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(keyFile)).Length);
    }
}

/// <summary>A server on a SQLite file in <paramref name="directory"/> (shared when several factories name one), as run.sh runs it.</summary>
public sealed class FileDatabaseFactory(string directory, string? secretKey = null) : ApiFactory
{
    public string Directory { get; } = directory;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = "",
        ["Database:DataDirectory"] = Directory,
        ["Secrets:Key"] = secretKey ?? "",
    };
}

/// <summary>Files on disk, restarts and several instances on one SQLite file (no shared fixture: each test starts its own servers).</summary>
public sealed class SecretFilesTests : IDisposable
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), $"custodian-files-{Guid.NewGuid():N}");

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DatabaseOutboxAndKeyFiles_AreOwnerOnly()
    {
        await using var api = new FileDatabaseFactory(_directory);
        await api.InitializeAsync();
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        await org.InviteAsync(owner, TestAccounts.NewEmail());

        var privateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var files = System.IO.Directory.GetFiles(_directory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("custodian.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".eml", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(privateFile, File.GetUnixFileMode(f)));
        Assert.All(System.IO.Directory.GetDirectories(_directory, "*", SearchOption.AllDirectories).Append(_directory),
            d => Assert.Equal(privateFile | UnixFileMode.UserExecute, File.GetUnixFileMode(d)));
    }

    [Fact]
    public async Task SecondInstance_WithTheSameKeyFile_ReadsTheFirstsTokens_AnotherKeyCannot()
    {
        await using var first = new FileDatabaseFactory(_directory);
        await first.InitializeAsync();
        var user = await first.LoginNewUserAsync();

        // The second reads the signing key through the first's Data Protection key ring, decrypted with the shared key file.
        await using var second = new FileDatabaseFactory(_directory);
        await second.InitializeAsync();
        var onSecond = second.CreateApiClient();
        onSecond.UseToken(user.AccessToken);
        await onSecond.GetJsonAsync("/api/accounts/profile");
        await ApiClient.ReadOkAsync(await second.CreateApiClient().PostFormAsync("/identity/connect/token", TokenForm(user.RefreshToken!)));

        // The key ring in the database is useless without the key: a server given another key cannot even start.
        await using var stranger = new FileDatabaseFactory(_directory, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await Assert.ThrowsAnyAsync<Exception>(async () => await stranger.InitializeAsync());
    }

    [Fact]
    public async Task Restart_ProtectsSecretsWrittenBeforeProtection_AndKeepsThemWorking()
    {
        var legacyKey = RandomNumberGenerator.GetBytes(64);
        const string legacyApiKey = "abcdefghijklmnopqrstuvwxyz0123";
        Guid userId;
        TestUser user;
        await using (var before = new FileDatabaseFactory(_directory))
        {
            await before.InitializeAsync();
            user = await before.LoginNewUserAsync();
            userId = user.Id;
            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.SigningKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.Secret, Convert.ToBase64String(legacyKey)), Ct);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ApiKey, legacyApiKey), Ct);
        }

        await using var after = new FileDatabaseFactory(_directory);
        await after.InitializeAsync();

        await using (var scope = after.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(SecretsAtRest.IsProtected((await db.SigningKeys.SingleAsync(Ct)).Secret));
            Assert.True(SecretsAtRest.IsProtected((await db.Users.SingleAsync(u => u.Id == userId, Ct)).ApiKey!));
        }
        Assert.Equal(legacyKey, after.Services.GetRequiredService<SigningKeyStore>().Key.Key);
        await ApiClient.ReadOkAsync(await after.CreateApiClient().PostFormAsync("/identity/connect/token",
            Identity.TokenTests.ApiKeyForm(userId, legacyApiKey)));
    }

    static Dictionary<string, string> TokenForm(string refresh) => Identity.TokenTests.RefreshForm(refresh);
}
