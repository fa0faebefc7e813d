using System.Net;
using System.Text;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Identity;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Security;

/// <summary>Input the audit sent that answered 500 (and left rows behind): now a 400 with nothing written.</summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static readonly TheoryData<string> JunkEmails = new()
    {
        "a\u0000b@ex.com", "evil\u202Egro.com@ex.com", "a\u0007@ex.com", "line\nbreak@ex.com", "zero\u200Bwidth@ex.com",
    };

    async Task<int> RowsAsync(Func<AppDbContext, Task<int>> count)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Theory]
    [MemberData(nameof(JunkEmails))]
    public async Task OrgInvite_ControlOrBidiCharacters_Returns400_AndSavesNoMember(string email)
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        var error = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/users/invite",
            new { emails = new[] { "fine@example.com", email }, type = 2 }), HttpStatusCode.BadRequest);

        Assert.NotNull(error["validationErrors"]!["Emails"]);
        Assert.Equal(1, await RowsAsync(db => db.OrganizationUsers.CountAsync(m => m.OrganizationId == org.Id, TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(JunkEmails))]
    public async Task ProviderInvite_ControlOrBidiCharacters_Returns400_AndSavesNoUser(string email)
    {
        var owner = await api.LoginNewUserAsync();
        var provider = await api.CreateProviderAsync(owner);

        await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/users/invite",
            new { emails = new[] { email }, type = 1 }), HttpStatusCode.BadRequest);
        var client = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/clients",
            new { name = "Junk", ownerEmail = email, planType = 20, seats = 1, key = "2.a|b|c", keyPair = new { publicKey = "x", encryptedPrivateKey = "2.a|b|c" }, collectionName = "2.a|b|c" }),
            HttpStatusCode.BadRequest);
        var admin = await ApiClient.ReadErrorAsync(await api.AdminClient().PostAsync("/admin/providers", new { name = "Junk MSP", type = 0, ownerEmail = email }),
            HttpStatusCode.BadRequest);

        Assert.Contains(client["validationErrors"]!.AsObject(), e => e.Key.Equals("OwnerEmail", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(admin["validationErrors"]!.AsObject(), e => e.Key.Equals("OwnerEmail", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(1, await RowsAsync(db => db.ProviderUsers.CountAsync(u => u.ProviderId == provider.Id, TestContext.Current.CancellationToken)));
        Assert.Equal(0, await RowsAsync(db => db.Providers.CountAsync(p => p.Name == "Junk MSP", TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("grant_type=password&username=%00&password=x&client_id=cli&scope=api+offline_access")]
    [InlineData("grant_type=password&username=a%40ex.com&password=x&client_id=cli&scope=api&deviceName=%00&deviceIdentifier=d&deviceType=8")]
    [InlineData("grant_type=refresh_token&refresh_token=%00")]
    public async Task TokenEndpoint_ControlCharacters_Return400InTheOAuthShape(string form)
    {
        var response = await api.CreateApiClient().PostRawAsync("/identity/connect/token", form, "application/x-www-form-urlencoded");

        await TokenTests.ReadTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task TokenEndpoint_TwelveMegabyteValue_Returns400InTheOAuthShape()
    {
        var form = new StringBuilder("grant_type=password&client_id=cli&scope=api&password=x&username=")
            .Append('a', 12 * 1024 * 1024).ToString();

        var response = await api.CreateApiClient().PostRawAsync("/identity/connect/token", form, "application/x-www-form-urlencoded");

        await TokenTests.ReadTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }
}
