namespace Custodian.Tests.Infrastructure;

/// <summary>Tenant API keys the way their owners get them and scripts use them.</summary>
public static class TestApiKeys
{
    /// <summary><c>POST /api/organizations/{id}/api-key</c> (or rotate-api-key) by the owner: the secret.</summary>
    public static async Task<string> OrgApiKeyAsync(this TestOrganization org, bool rotate = false, int type = 0)
    {
        var key = await org.Owner.Client.PostJsonAsync($"/api/organizations/{org.Id}/{(rotate ? "rotate-api-key" : "api-key")}",
            new { masterPasswordHash = org.Owner.Account.MasterPasswordHash, type });
        return key["apiKey"]!.GetValue<string>();
    }

    public static Dictionary<string, string> ClientCredentials(string clientId, string secret, string scope) => new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
    };

    /// <summary>A client holding an <c>api.organization</c> token, as Directory Connector logs in.</summary>
    public static async Task<ApiClient> OrgApiClientAsync(this ApiFactory api, Guid organizationId, string secret)
    {
        var token = await ApiClient.ReadOkAsync(await api.CreateApiClient().PostFormAsync("/identity/connect/token",
            ClientCredentials($"organization.{organizationId}", secret, "api.organization")));
        var client = api.CreateApiClient();
        client.UseToken(token["access_token"]!.GetValue<string>());
        return client;
    }

    public static async Task<ApiClient> OrgApiClientAsync(this ApiFactory api, TestOrganization org) =>
        await api.OrgApiClientAsync(org.Id, await org.OrgApiKeyAsync());
}
