using System.Net;
using Custodian.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Custodian.Tests.Platform;

/// <summary>A server on a SQLite file the test can spoil, to see /healthz turn 503.</summary>
public sealed class SqliteFileFactory : ApiFactory
{
    public string DatabaseFile => Path.Combine(DataDirectory, "health.db");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={DatabaseFile}",
    };

    public override async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        await base.InitializeAsync();
    }
}

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_DatabaseAnswers_Returns200Anonymously()
    {
        var response = await api.CreateApiClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Healthz_DatabaseUnreadable_Returns503WithoutDetails()
    {
        await using var server = new SqliteFileFactory();
        await server.InitializeAsync();
        var client = server.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(server.DatabaseFile, new byte[8192], Ct);   // no longer a database
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", await response.Content.ReadAsStringAsync(Ct));
    }
}
