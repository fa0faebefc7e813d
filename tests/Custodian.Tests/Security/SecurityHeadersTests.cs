using System.Net;
using Custodian.Server.Infrastructure.Http;
using Custodian.Tests.Platform;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Custodian.Tests.Security;

public sealed class SecurityHeadersTests(WebUiFactory api) : IClassFixture<WebUiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/assets/index-abc123.js", HttpStatusCode.OK)]
    [InlineData("/api/alive", HttpStatusCode.OK)]
    [InlineData("/api/accounts/profile", HttpStatusCode.Unauthorized)]
    [InlineData("/api/no-such-route", HttpStatusCode.NotFound)]
    [InlineData("/admin/providers", HttpStatusCode.Unauthorized)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        var response = await api.CreateClient().GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));   // never over plain HTTP
    }

    [Fact]
    public async Task BadRequestAndServerErrorShapes_CarryThemToo()
    {
        var response = await api.CreateClient().PostAsync("/identity/accounts/prelogin", new StringContent("{", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_AddsStrictTransportSecurity()
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/api/alive", Ct);

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public void Policy_AllowsOnlyOwnScriptsAndWebAssembly()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy;
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
    }
}
