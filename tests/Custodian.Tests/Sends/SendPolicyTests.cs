using System.Net;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Sends;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Custodian.Tests.Sends;

/// <summary>A server whose clock the test moves.</summary>
public sealed class ClockedApiFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Org policies on Sends ("Disable Send", "Send options").</summary>
public sealed class SendPolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task DisableSend_BindsMembersButNotOwners_AndLeavesDeletion()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, member);
        var existing = (await TestSends.CreateAsync(member))["id"]!.GetValue<string>();
        await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/policies/6", new { enabled = true, data = (object?)null });

        var refused = await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/sends", TestSends.Text(member)), HttpStatusCode.BadRequest);
        Assert.Equal("Due to an Enterprise policy, you are only able to delete an existing Send.", refused["message"]!.GetValue<string>());
        await ApiClient.ReadErrorAsync(await member.Client.PutAsync($"/api/sends/{existing}", TestSends.Text(member)), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/sends/file/v2", TestSends.File(member, 10)), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.DeleteAsync($"/api/sends/{existing}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync("/api/sends", TestSends.Text(owner))).StatusCode);
        var outsider = await api.LoginNewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await outsider.Client.PostAsync("/api/sends", TestSends.Text(outsider))).StatusCode);
    }

    [Fact]
    public async Task SendOptions_DisableHideEmail_RefusesHiddenEmailOnly()
    {
        var owner = await api.LoginNewUserAsync();
        var org = await owner.CreateOrganizationAsync();
        var member = await api.LoginNewUserAsync();
        await api.AddConfirmedMemberAsync(org, member);
        await owner.Client.PutJsonAsync($"/api/organizations/{org.Id}/policies/7", new { enabled = true, data = new { disableHideEmail = true } });

        var refused = await ApiClient.ReadErrorAsync(await member.Client.PostAsync("/api/sends", TestSends.Text(member, hideEmail: true)), HttpStatusCode.BadRequest);
        Assert.Contains("hide your email address", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostAsync("/api/sends", TestSends.Text(member))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync("/api/sends", TestSends.Text(owner, hideEmail: true))).StatusCode);
    }

}

/// <summary>The background job that deletes Sends past their deletion date; the test moves the server's clock.</summary>
public sealed class SendDeletionTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    [Fact]
    public async Task DeletionJob_RemovesSendsPastTheirDeletionDate_WithTheirFiles()
    {
        var owner = await api.LoginNewUserAsync();
        var text = TestSends.Text(owner);
        text["deletionDate"] = api.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var soon = (await TestSends.CreateAsync(owner, text))["id"]!.GetValue<string>();
        var later = (await TestSends.CreateAsync(owner))["id"]!.GetValue<string>();
        var file = TestSends.File(owner, 3);
        file["deletionDate"] = api.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var announced = await owner.Client.PostJsonAsync("/api/sends/file/v2", file);
        var fileSend = announced["sendResponse"]!["id"]!.GetValue<string>();
        var content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "data", "x" } };
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.Http.PostAsync($"/api{announced["url"]}", content, TestContext.Current.CancellationToken)).StatusCode);
        var directory = Path.Combine(api.DataDirectory, "sends", Guid.Parse(fileSend).ToString("N"));
        Assert.True(Directory.Exists(directory));

        api.Clock.Advance(TimeSpan.FromDays(2));
        await api.Services.GetRequiredService<SendDeletionJob>().DeleteExpiredAsync(TestContext.Current.CancellationToken);

        using var scope = api.Services.CreateScope();
        var remaining = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sends
            .Where(s => s.UserId == owner.Id).Select(s => s.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([Guid.Parse(later)], remaining);
        Assert.DoesNotContain(Guid.Parse(soon), remaining);
        Assert.False(Directory.Exists(directory));
    }
}
