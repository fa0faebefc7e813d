using System.Net;
using Custodian.Tests.Infrastructure;
using Custodian.Tests.Vault;

namespace Custodian.Tests.Platform;

public sealed class MetricsFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Metrics:Enabled"] = "true" };
}

public sealed class MetricsTests(MetricsFactory api) : IClassFixture<MetricsFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_Disabled_IsNotServed()
    {
        await using var plain = new ApiFactory();
        await plain.InitializeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await plain.AdminClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_WithoutAdminTokenFromAnotherAddress_Returns404()
    {
        var user = await api.LoginNewUserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateApiClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterLoginsAndSync_CountThemByRouteTemplateWithoutIdsOrEmails()
    {
        var user = await api.LoginNewUserAsync();
        var cipherId = await TestCiphers.CreateAsync(user);
        await user.Client.GetJsonAsync($"/api/ciphers/{cipherId}");
        await user.Client.GetJsonAsync("/api/sync?excludeDomains=true");
        var failed = await api.CreateApiClient().PostFormAsync("/identity/connect/token", TestAccounts.PasswordForm(user.Account, password: "wrong"));
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);

        var response = await api.AdminClient().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches(@"custodian_logins_total\{[^}]*grant_type=""password""[^}]*result=""success""[^}]*\} [1-9]", text);
        Assert.Matches(@"custodian_logins_total\{[^}]*grant_type=""password""[^}]*result=""failure""[^}]*\} [1-9]", text);
        Assert.Matches(@"custodian_sync_items_count\{[^}]*\} [1-9]", text);
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_route=""/api/ciphers/\{id:guid\}""", text);
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_route=""/api/sync""", text);
        foreach (var secret in new[] { user.Email, user.Id.ToString(), cipherId.ToString(), user.AccessToken, "@example.com", "excludeDomains" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
