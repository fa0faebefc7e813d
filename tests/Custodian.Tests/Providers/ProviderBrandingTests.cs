using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Providers;

/// <summary>
/// Provider branding over HTTP: the admin sets name, colour and logo; the logo is served as checked bytes with a
/// strict policy; client invitations carry it; only an invitee holding the token learns it from the org.
/// </summary>
public sealed class ProviderBrandingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A PNG as far as the server reads one: signature, IHDR with the size, IEND at the end.</summary>
    public static byte[] Png(uint width = 120, uint height = 40, bool whole = true)
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' };
        var size = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(size, width);
        BinaryPrimitives.WriteUInt32BigEndian(size.AsSpan(4), height);
        bytes.AddRange(size);
        bytes.AddRange([8, 6, 0, 0, 0, 0, 0, 0, 0]);   // depth, colour type, methods, CRC
        if (whole)
        {
            bytes.AddRange([0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]);
        }
        return [.. bytes];
    }

    /// <summary>A JPEG's start, one baseline frame header (64×32), and its end.</summary>
    static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 32, 0, 64, 1, 1, 0x11, 0, 0xFF, 0xD9];

    static MultipartFormDataContent Form(byte[] bytes, string part = "logo", string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, part, "logo.png" } };
    }

    [Fact]
    public async Task Admin_SetsNameColourAndLogo_ServedPubliclyAsCheckedBytes_AndLogged()
    {
        var provider = await api.CreateProviderAsync(await api.LoginNewUserAsync(), "Acme IT");
        var path = $"/api/providers/{provider.Id}/branding";
        var empty = await provider.Owner.Client.GetJsonAsync(path);
        Assert.Equal(("providerBranding", "Acme IT"), (empty["object"]!.GetValue<string>(), empty["name"]!.GetValue<string>()));
        Assert.Null(empty["logoUrl"]);

        var saved = await provider.Owner.Client.PutJsonAsync(path, new { displayName = "Acme Managed IT", color = "#12AB34" });
        Assert.Equal(("Acme Managed IT", "#12ab34"), (saved["name"]!.GetValue<string>(), saved["color"]!.GetValue<string>()));
        var png = Png();
        var uploaded = await ApiClient.ReadOkAsync(await provider.Owner.Client.Http.PostAsync($"{path}/logo", Form(png), Ct));
        var logoUrl = uploaded["logoUrl"]!.GetValue<string>();

        var response = await api.CreateApiClient().Http.GetAsync(logoUrl, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync(Ct));

        var jpeg = await ApiClient.ReadOkAsync(await provider.Owner.Client.Http.PostAsync($"{path}/logo", Form(Jpeg(), type: "image/jpeg"), Ct));
        Assert.NotEqual(logoUrl, jpeg["logoUrl"]!.GetValue<string>());   // a new logo, a new address: caches never show the old one
        Assert.Equal("image/jpeg", (await api.CreateApiClient().Http.GetAsync(logoUrl, Ct)).Content.Headers.ContentType!.MediaType);
        Assert.Null((await ApiClient.ReadOkAsync(await provider.Owner.Client.DeleteAsync($"{path}/logo")))["logoUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateApiClient().Http.GetAsync(logoUrl, Ct)).StatusCode);

        var log = await provider.Owner.Client.GetJsonAsync($"/api/providers/{provider.Id}/events");
        Assert.Equal(4, log["data"]!.AsArray().Count(e => e!["type"]!.GetValue<int>() == 9802));
    }

    [Fact]
    public async Task BadLogosAndSettings_Are400InBitwardensShape_AndChangeNothing()
    {
        var provider = await api.CreateProviderAsync(await api.LoginNewUserAsync());
        var path = $"/api/providers/{provider.Id}/branding";
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var oversized = Png().Concat(new byte[300 * 1024]).ToArray();
        foreach (var content in new HttpContent[]
        {
            Form(svg, type: "image/svg+xml"), Form(Png(whole: false)), Form(Png(width: 100_000)), Form(Png(width: 0)),
            Form(oversized), Form([0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 0xFF, 0xD9], type: "image/jpeg"), Form(Png(), part: "image"),
            new ByteArrayContent(Png()),
        })
        {
            var error = await ApiClient.ReadErrorAsync(await provider.Owner.Client.Http.PostAsync($"{path}/logo", content, Ct), HttpStatusCode.BadRequest);
            Assert.NotNull(error["validationErrors"]);
        }
        foreach (var body in new object[] { new { color = "red" }, new { color = "#12345" }, new { displayName = new string('x', 101) } })
        {
            await ApiClient.ReadErrorAsync(await provider.Owner.Client.PutAsync(path, body), HttpStatusCode.BadRequest);
        }
        var after = await provider.Owner.Client.GetJsonAsync(path);
        Assert.Null(after["logoUrl"]);
        Assert.Null(after["color"]);
        Assert.Null(after["displayName"]);
    }

    [Fact]
    public async Task ClientInvitations_CarryTheBranding_AndOnlyTheInviteeLearnsItFromTheOrg()
    {
        var provider = await api.CreateProviderAsync(await api.LoginNewUserAsync(), "Globex Support");
        var path = $"/api/providers/{provider.Id}/branding";
        await provider.Owner.Client.PutJsonAsync(path, new { displayName = "Globex <Support>", color = "#003366" });
        await ApiClient.ReadOkAsync(await provider.Owner.Client.Http.PostAsync($"{path}/logo", Form(Png()), Ct));
        var client = await provider.CreateClientAsync(provider.Owner, "Initech", TestAccounts.NewEmail("initech"));
        var email = TestAccounts.NewEmail("peter");
        var memberId = await client.InviteAsync(provider.Owner, email);

        var mail = NewestMailTo(email);
        Assert.Contains("managed by Globex <Support>", mail.TextBody);
        Assert.Contains("Globex &lt;Support&gt;", mail.HtmlBody);   // encoded, never markup
        Assert.Matches($"<img src=\"https?://[^\"]+/api/branding/providers/{provider.Id}/logo\\?v=\\d+\"", mail.HtmlBody);
        Assert.DoesNotContain("token=", mail.HtmlBody!.Split("<pre")[0]);   // the logo link carries no secret

        var token = TestMembers.ReadInviteToken(api, memberId);
        var anonymous = api.CreateApiClient();
        var route = $"/api/organizations/{client.Id}/users/{memberId}/branding";
        var branding = await anonymous.PostJsonAsync(route, new { email, token });
        Assert.Equal(("Globex <Support>", "#003366"), (branding["name"]!.GetValue<string>(), branding["color"]!.GetValue<string>()));
        Assert.NotNull(branding["logoUrl"]);
        // Without the mailed token, with another address, or for another org: as if there were nothing.
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync(route, new { email, token = "forged" }), HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync(route, new { email = TestAccounts.NewEmail(), token }), HttpStatusCode.NotFound);
        var ownOrg = await (await api.LoginNewUserAsync()).CreateOrganizationAsync();
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync($"/api/organizations/{ownOrg.Id}/users/{memberId}/branding", new { email, token }),
            HttpStatusCode.NotFound);
        await ApiClient.ReadErrorAsync(await anonymous.PostAsync(route, new { email }), HttpStatusCode.BadRequest);

        // A technician's invitation is branded too.
        var technician = TestAccounts.NewEmail("tech");
        await ApiClient.ReadOkOrEmptyAsync(await provider.Owner.Client.PostAsync($"/api/providers/{provider.Id}/users/invite",
            new { emails = new[] { technician }, type = 1 }));
        var invite = NewestMailTo(technician);
        Assert.Equal("Join Globex <Support> on Custodian", invite.Subject);
        Assert.Contains($"/api/branding/providers/{provider.Id}/logo", invite.HtmlBody);
    }

    [Fact]
    public async Task OnlyTheProvidersAdminsChangeIt()
    {
        var provider = await api.CreateProviderAsync(await api.LoginNewUserAsync());
        var technician = await api.LoginNewUserAsync();
        await api.AddProviderUserAsync(provider, technician, type: 1);
        var stranger = await api.LoginNewUserAsync();
        var path = $"/api/providers/{provider.Id}/branding";
        await ApiClient.ReadOkAsync(await technician.Client.GetAsync(path));
        foreach (var caller in new[] { technician, stranger })
        {
            Assert.False((await caller.Client.PutAsync(path, new { displayName = "Hijacked" })).IsSuccessStatusCode);
            Assert.False((await caller.Client.Http.PostAsync($"{path}/logo", Form(Png()), Ct)).IsSuccessStatusCode);
        }
        Assert.False((await stranger.Client.GetAsync(path)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(path)).StatusCode);
        Assert.Null((await provider.Owner.Client.GetJsonAsync(path))["displayName"]);
    }

    MimeKit.MimeMessage NewestMailTo(string email) =>
        Directory.GetFiles(Path.Combine(api.DataDirectory, "outbox"), "*.eml").OrderByDescending(f => f, StringComparer.Ordinal)
            .Select(f => MimeKit.MimeMessage.Load(f)).First(m => m.To.Mailboxes.Any(b => b.Address == email.ToLowerInvariant()));
}
