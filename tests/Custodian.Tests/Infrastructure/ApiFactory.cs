using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Custodian.Tests.Infrastructure;

/// <summary>
/// The server in-process, over HTTP, against a real database built by the real migrations: a private in-memory
/// SQLite database, or a private PostgreSQL database when <c>TEST_POSTGRES</c> holds a connection string
/// (without a Database part). One factory per test class.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly string? Postgres = Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } pg ? pg : null;

    readonly string _name;
    SqliteConnection? _keepAlive;   // a shared-cache in-memory database lives while one connection is open

    public ApiFactory() : this($"custodian_test_{Guid.NewGuid():N}") { }

    /// <summary>A server on a given database: several factories with one name are several instances sharing it.</summary>
    protected ApiFactory(string databaseName) => _name = databaseName;

    public bool IsPostgres => Postgres is not null;

    /// <summary>Where mailed links point (Server__PublicUrl).</summary>
    public const string PublicUrl = "https://vault.custodian.test";

    /// <summary>The system administrator's token this test server accepts on /admin.</summary>
    public const string AdminToken = "test-admin-token-0123456789";

    /// <summary>This server's data directory (attachments, outbox), private to the factory and removed with it.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"custodian-test-{Guid.NewGuid():N}");

    protected string ConnectionString => Postgres is null
        ? $"Data Source={_name};Mode=Memory;Cache=Shared"
        : $"{Postgres};Database={_name}";

    /// <summary>Settings a derived fixture overrides (signups off, tight throttles, …).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Postgres is null ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres));
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        // Test accounts use PBKDF2 with 5,000 iterations (the login minimum) so that hundreds of them stay fast.
        builder.UseSetting("Accounts:MinimumPbkdf2Iterations", "5000");
        builder.UseSetting("Login:MaxFailuresPerIp", "100000");
        builder.UseSetting("Login:MaxAdminFailuresPerIp", "100000");   // every test request comes from the same (no) address
        builder.UseSetting("Admin:Token", AdminToken);
        builder.UseSetting("Server:PublicUrl", PublicUrl);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestPeerAddress>());
    }

    /// <summary>The client tests talk through; the HTTPS fixture for CLI tests replaces it.</summary>
    public virtual HttpClient CreateHttpClient() => CreateClient();

    public virtual async ValueTask InitializeAsync()
    {
        if (Postgres is null)
        {
            _keepAlive = new SqliteConnection(ConnectionString);
            await _keepAlive.OpenAsync();
        }
        _ = Services;   // starts the host: migrations run at start-up, exactly as in production
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
        await DropPostgresDatabaseAsync(_name);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes a test's PostgreSQL database, even while some server still holds connections to it.</summary>
    public static async Task DropPostgresDatabaseAsync(string name)
    {
        if (Postgres is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection($"{Postgres};Database=postgres");
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
