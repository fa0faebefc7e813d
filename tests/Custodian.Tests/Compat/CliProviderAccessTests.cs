using Custodian.Server.Features.Providers.Assignments;
using Custodian.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Compat;

/// <summary>The official CLI as a technician: only assigned clients' items, and a time-boxed grant that ends.</summary>
[Collection(CompatCollection.Name)]
public sealed class CliProviderAccessTests(CompatServer server) : IClassFixture<CompatServer>
{
    [Fact(Timeout = 600_000)]
    public async Task NewServiceUser_CarriesNothing_ThenItsAssignment_ThenAGrantUntilItExpires()
    {
        var owner = await server.LoginNewUserAsync();
        var provider = await server.CreateProviderAsync(owner, "Northwind MSP");
        var (bw, technician) = await BwCli.LoginNewUserAsync(server);
        using var _ = bw;
        var technicianId = await server.AddProviderUserAsync(provider, technician);
        var assigned = await provider.CreateClientAsync(owner, "Fabrikam", TestAccounts.NewEmail("client"));
        var other = await provider.CreateClientAsync(owner, "Tailspin", TestAccounts.NewEmail("client"));
        var assignedItem = await assigned.CreateItemAsync(owner, "Fabrikam firewall", await assigned.CreateCollectionAsync("Net"));
        var otherItem = await other.CreateItemAsync(owner, "Tailspin NAS", await other.CreateCollectionAsync("Storage"));

        (await bw.RunAsync("sync", "--force")).EnsureSuccess("sync");
        Assert.Empty((await bw.RunAsync("list", "items", "--organizationid", assigned.Id.ToString())).EnsureSuccess("list items").Json().AsArray());
        Assert.Empty((await bw.RunAsync("list", "items")).EnsureSuccess("list items").Json().AsArray());

        await provider.AssignAsync([technicianId], assigned.Id);
        (await bw.RunAsync("sync")).EnsureSuccess("sync");   // not forced: the assignment moved the revision date
        var items = (await bw.RunAsync("list", "items", "--organizationid", assigned.Id.ToString())).EnsureSuccess("list items").Json().AsArray();
        Assert.Equal(assignedItem.ToString(), items.Single()!["id"]!.GetValue<string>());
        Assert.Equal("org-secret", items.Single()!["login"]!["password"]!.GetValue<string>());
        Assert.Empty((await bw.RunAsync("list", "items", "--organizationid", other.Id.ToString())).EnsureSuccess("list items").Json().AsArray());

        var grant = await technician.Client.PostJsonAsync($"/api/providers/{provider.Id}/access-requests",
            new { organizationId = other.Id, reason = "Ticket 88: NAS alert", durationMinutes = 5 });
        await provider.Owner.Client.PostJsonAsync($"/api/providers/{provider.Id}/access-requests/{grant["id"]}/approve");
        (await bw.RunAsync("sync")).EnsureSuccess("sync");
        var granted = (await bw.RunAsync("get", "item", otherItem.ToString())).EnsureSuccess("get item").Json();
        Assert.Equal("Tailspin NAS", granted["name"]!.GetValue<string>());

        // Five minutes later (the server's clock moved on), the job records the expiry and the technician's vault resyncs.
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        await server.Services.GetRequiredService<GrantExpiry>().ExpireDueAsync(TestContext.Current.CancellationToken);
        (await bw.RunAsync("sync")).EnsureSuccess("sync");

        Assert.Empty((await bw.RunAsync("list", "items", "--organizationid", other.Id.ToString())).EnsureSuccess("list items").Json().AsArray());
        Assert.Single((await bw.RunAsync("list", "items", "--organizationid", assigned.Id.ToString())).EnsureSuccess("list items").Json().AsArray());
    }
}
