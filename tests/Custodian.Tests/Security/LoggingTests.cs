using System.Collections.Concurrent;
using Custodian.Server.Infrastructure.Http;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Custodian.Tests.Security;

/// <summary>Every log message, at every level the configuration lets through.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Messages.Enqueue($"{category}: {formatter(state, exception)}");
    }
}

/// <summary>An operator who turned every log up to Information (the audit's setting).</summary>
public sealed class VerboseLogFactory : ApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

public sealed class LoggingTests(VerboseLogFactory api) : IClassFixture<VerboseLogFactory>
{
    [Fact]
    public async Task TokensInQueryStrings_NeverReachTheLogs()
    {
        const string secret = "SECRET-TOKEN-4711";
        var client = api.CreateApiClient();

        await client.GetAsync($"/attachments/{Guid.NewGuid()}/abc?token={secret}");
        await client.GetAsync($"/notifications/hub?access_token={secret}");
        await client.GetAsync($"/api/sync?access_token={secret}");

        Assert.Contains(api.Logs.Messages, m => m.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));   // the capture works
        Assert.DoesNotContain(api.Logs.Messages, m => m.Contains(secret, StringComparison.Ordinal));
    }
}

public sealed class ContentRootTests : IDisposable
{
    readonly string _elsewhere = Directory.CreateTempSubdirectory("custodian-cwd-").FullName;

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);

    [Fact]
    public void StartedFromAnotherDirectory_ReadsSettingsFromTheAppDirectory()
    {
        // The app directory of the server as built: the build copies appsettings.json next to Custodian.Server.dll.
        var appDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        Assert.True(File.Exists(Path.Combine(appDirectory, "appsettings.json")));

        Assert.Equal(appDirectory, ServerHosting.ContentRoot([], _elsewhere, appDirectory));
    }

    [Fact]
    public void StartedWhereTheSettingsAre_OrWithAnExplicitRoot_KeepsThat()
    {
        File.WriteAllText(Path.Combine(_elsewhere, "appsettings.json"), "{}");

        Assert.Null(ServerHosting.ContentRoot([], _elsewhere, AppContext.BaseDirectory));
        Assert.Null(ServerHosting.ContentRoot(["--contentRoot=/srv/custodian"], "/", AppContext.BaseDirectory));
    }
}
