using System.Diagnostics.Metrics;
using System.Net;
using Custodian.Server.Features.Admin;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Custodian.Server.Features.Platform;

/// <summary>Section <c>Metrics</c>: the Prometheus endpoint, off unless switched on.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public bool Enabled { get; set; }

    /// <summary>Client addresses that may scrape without a token; everyone else needs the admin token as a bearer
    /// token. None by default: behind a reverse proxy on the same host every client would come from loopback.</summary>
    public List<string> AllowedAddresses { get; set; } = [];
}

/// <summary>
/// Custodian's own instruments beside ASP.NET Core's request metrics (per route template, never the raw path).
/// Labels are closed sets: nothing a caller types, no ids, emails or tokens.
/// </summary>
public sealed class CustodianMetrics
{
    public const string MeterName = "Custodian";
    static readonly HashSet<string> GrantTypes = new(StringComparer.Ordinal) { "password", "refresh_token", "client_credentials" };

    readonly Counter<long> _logins;
    readonly Histogram<long> _syncItems;

    public CustodianMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _logins = meter.CreateCounter<long>("custodian.logins", "{login}", "Token requests by grant type and result.");
        _syncItems = meter.CreateHistogram<long>("custodian.sync.items", "{item}", "Items per full sync.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 10, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000] });
    }

    public void Login(string? grantType, bool succeeded) => _logins.Add(1,
        new KeyValuePair<string, object?>("grant_type", grantType is not null && GrantTypes.Contains(grantType) ? grantType : "other"),
        new KeyValuePair<string, object?>("result", succeeded ? "success" : "failure"));

    /// <summary>Passes the sync's items through and records how many went out once the last one has.</summary>
    public async IAsyncEnumerable<T> CountSynced<T>(IAsyncEnumerable<T> items)
    {
        long count = 0;
        await foreach (var item in items)
        {
            count++;
            yield return item;
        }
        _syncItems.Record(count);
    }
}

public static class MetricsSetup
{
    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<CustodianMetrics>();
        if (builder.Configuration.GetValue<bool>($"{MetricsOptions.Section}:{nameof(MetricsOptions.Enabled)}"))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(CustodianMetrics.MeterName)
                .AddPrometheusExporter());
        }
        return builder;
    }

    /// <summary><c>GET /metrics</c> when enabled, for allowed addresses and the admin token only (others get 404).</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }
        var allowed = options.AllowedAddresses.Select(IPAddress.Parse).ToHashSet();
        app.UseWhen(http => http.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            if (!IsAllowed(http, allowed))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();   // the gate above decides, not the bearer scheme
        return app;
    }

    static bool IsAllowed(HttpContext http, HashSet<IPAddress> allowed)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && allowed.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return true;
        }
        return AdminEndpoints.HasAdminToken(http);
    }

    /// <summary>Counts token requests by outcome: a 200 is a login, anything else a failure.</summary>
    public static async ValueTask<object?> CountLogins(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        // Only the form the endpoint already read: reading it again would throw on the oversized one it refused.
        var form = http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form;
        var grantType = form is not null && form.TryGetValue("grant_type", out var value) ? value.ToString() : null;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        http.RequestServices.GetRequiredService<CustodianMetrics>().Login(grantType, status == StatusCodes.Status200OK);
        return result;
    }
}
