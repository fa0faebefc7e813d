using System.Net;
using Custodian.Server.Infrastructure.Hosting;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

    /// <summary>The test stops the timed jobs itself: the host must not take a job stopped that way for a failed one.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore));
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

        // The timed jobs' first pass starts with the server and may hold a connection now: one that escaped the
        // clear below could put the file back (a write's journal) or answer from it. Stopped, none touches it.
        foreach (var job in server.Services.GetServices<IHostedService>().OfType<PeriodicJob>())
        {
            await job.StopAsync(Ct);
        }
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(server.DatabaseFile, new byte[8192], Ct);   // no longer a database
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", await response.Content.ReadAsStringAsync(Ct));
    }
}
