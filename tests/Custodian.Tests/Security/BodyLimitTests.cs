using System.Net;
using System.Text;
using Custodian.Tests.Compat;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Security;

/// <summary>Kestrel's request body limit (the in-process test server has none): a body declared beyond it is refused with 413 by Kestrel itself, before the app.</summary>
public sealed class BodyLimitTests(CompatServer server) : IClassFixture<CompatServer>
{
    [Fact]
    public async Task JsonBodyBeyondTheLimit_Returns413_AndWritesNothing()
    {
        var user = await server.LoginNewUserAsync();
        var huge = "{\"name\":\"2." + new string('A', 31 * 1024 * 1024) + "|AA==|AA==\"}";

        // Expect: 100-continue lets the server refuse on the declared length before the body goes out (a client
        // still sending when the 413 arrives would see a broken pipe instead).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/folders") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        var response = await user.Client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await user.Client.GetJsonAsync("/api/folders"))["data"]!.AsArray());
    }
}
