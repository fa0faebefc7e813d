using System.Net;
using System.Text;
using Custodian.Tests.Compat;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Security;

/// <summary>Kestrel's request body limit (the in-process test server has none): a body beyond it is a 413 in Bitwarden's error shape.</summary>
public sealed class BodyLimitTests(CompatServer server) : IClassFixture<CompatServer>
{
    [Fact]
    public async Task JsonBodyBeyondTheLimit_Returns413_AndWritesNothing()
    {
        var user = await server.LoginNewUserAsync();
        var huge = "{\"name\":\"2." + new string('A', 31 * 1024 * 1024) + "|AA==|AA==\"}";

        var response = await user.Client.Http.PostAsync("/api/folders", new StringContent(huge, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        await ApiClient.ReadErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await user.Client.GetJsonAsync("/api/folders"))["data"]!.AsArray());
    }
}
