using System.Net;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Security;

public sealed class MailLinkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string NewestMailTo(ApiFactory api, string email) =>
        Directory.GetFiles(Path.Combine(api.DataDirectory, "outbox"), "*.eml").OrderByDescending(f => f, StringComparer.Ordinal)
            .Select(f => MimeKit.MimeMessage.Load(f)).First(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).TextBody ?? "";

    [Fact]
    public async Task ForgedHostHeader_DoesNotChangeTheInvitationLink()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var provider = await api.CreateProviderAsync(owner);
        owner.Client.Http.DefaultRequestHeaders.Host = "evil.example";
        var (member, technician) = (TestAccounts.NewEmail(), TestAccounts.NewEmail());

        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/users/invite", new { emails = new[] { member }, type = 2 }));
        await ApiClient.ReadOkOrEmptyAsync(await owner.Client.PostAsync($"/api/providers/{provider.Id}/users/invite", new { emails = new[] { technician }, type = 1 }));

        foreach (var mail in new[] { NewestMailTo(api, member), NewestMailTo(api, technician) })
        {
            Assert.Contains($"{ApiFactory.PublicUrl}/#/", mail, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
        }
    }
}

/// <summary>A production server (environment not Development) whose operator did not set Server__PublicUrl.</summary>
public sealed class NoPublicUrlFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Server:PublicUrl"] = "" };
}

public sealed class MissingPublicUrlTests(NoPublicUrlFactory api) : IClassFixture<NoPublicUrlFactory>
{
    [Fact]
    public async Task Invitations_Refused400NamingTheSetting_NothingSaved()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();

        var invite = await ApiClient.ReadErrorAsync(await owner.Client.PostAsync($"/api/organizations/{org.Id}/users/invite",
            new { emails = new[] { TestAccounts.NewEmail() }, type = 2 }), HttpStatusCode.BadRequest);
        var provider = await ApiClient.ReadErrorAsync(await api.AdminClient().PostAsync("/admin/providers",
            new { name = "Unmailed MSP", type = 0, ownerEmail = owner.Email }), HttpStatusCode.BadRequest);

        Assert.Contains("Server__PublicUrl", invite["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Server__PublicUrl", provider["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.OrganizationUsers.CountAsync(m => m.OrganizationId == org.Id, TestContext.Current.CancellationToken));
        Assert.False(await db.Providers.AnyAsync(p => p.Name == "Unmailed MSP", TestContext.Current.CancellationToken));
    }
}
