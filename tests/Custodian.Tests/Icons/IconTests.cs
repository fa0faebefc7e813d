using System.Net;
using System.Net.Http.Headers;
using Custodian.Server.Features.Icons;

namespace Custodian.Tests.Icons;

public sealed class IconTests(IconFactory server) : IClassFixture<IconFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly IPAddress Public = IPAddress.Parse("93.184.216.34");
    static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    static HttpResponseMessage Image(byte[] bytes, string type = "image/png") =>
        new(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(type) } } };

    Task<HttpResponseMessage> Get(string domain) => server.CreateClient().GetAsync($"/icons/{domain}/icon.png", Ct);

    [Fact]
    public async Task PublicSite_Anonymous_IconServedFromTheCheckedAddress_ThenFromTheCache()
    {
        server.Dns["shop.example.com"] = [Public];
        server.Sites["shop.example.com"] = _ => Image(Png, "image/vnd.microsoft.icon");

        var first = await Get("shop.example.com");
        var second = await Get("Shop.Example.com");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);   // what the bytes are, not what the site said
        Assert.Equal(Png, await first.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var request = Assert.Single(server.Requests, r => r.Uri.Host == "shop.example.com");
        Assert.Equal("https://shop.example.com/favicon.ico", request.Uri.ToString());
        Assert.Equal([Public], request.PinnedTo);
        var cache = Path.Combine(server.DataDirectory, "icons");
        Assert.True(File.Exists(Path.Combine(cache, "shop.example.com.icon")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cache));
        }
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("192.168.1.1")]
    [InlineData("172.16.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public async Task SiteResolvingToAPrivateAddress_Refused_WithoutARequest(string address)
    {
        var host = $"p{Guid.NewGuid():N}.example.com";
        server.Dns[host] = [IPAddress.Parse(address)];
        server.Sites[host] = _ => Image(Png);

        var response = await Get(host);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, server.RequestsTo(host));
    }

    [Fact]
    public async Task SiteWithOnePublicAndOnePrivateAddress_Refused()
    {
        server.Dns["mixed.example.com"] = [Public, IPAddress.Parse("10.1.2.3")];
        server.Sites["mixed.example.com"] = _ => Image(Png);

        Assert.Equal(HttpStatusCode.NotFound, (await Get("mixed.example.com")).StatusCode);
        Assert.Equal(0, server.RequestsTo("mixed.example.com"));
    }

    [Fact]
    public async Task RedirectToAPrivateAddress_Refused_AndNotFollowed()
    {
        server.Dns["moved.example.com"] = [Public];
        server.Dns["metadata.example.com"] = [IPAddress.Parse("169.254.169.254")];
        server.Sites["moved.example.com"] = _ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://metadata.example.com/latest") } };
        server.Sites["metadata.example.com"] = _ => Image(Png);

        Assert.Equal(HttpStatusCode.NotFound, (await Get("moved.example.com")).StatusCode);
        Assert.Equal(0, server.RequestsTo("metadata.example.com"));
    }

    [Fact]
    public async Task RedirectToAPublicSite_Followed_AndPinnedToItsOwnAddress()
    {
        var cdn = IPAddress.Parse("151.101.1.1");
        server.Dns["old.example.com"] = [Public];
        server.Dns["cdn.example.net"] = [cdn];
        server.Sites["old.example.com"] = _ => new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri("https://cdn.example.net/i.png") } };
        server.Sites["cdn.example.net"] = _ => Image(Png);

        Assert.Equal(HttpStatusCode.OK, (await Get("old.example.com")).StatusCode);
        Assert.Equal([cdn], Assert.Single(server.Requests, r => r.Uri.Host == "cdn.example.net").PinnedTo);
    }

    [Fact]
    public async Task OversizeIcon_Refused()
    {
        server.Dns["huge.example.com"] = [Public];
        server.Sites["huge.example.com"] = _ => Image([.. Png, .. new byte[new IconOptions().MaxBytes]]);

        Assert.Equal(HttpStatusCode.NotFound, (await Get("huge.example.com")).StatusCode);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    public async Task NotARasterImage_Refused(string type)
    {
        var host = $"t{Guid.NewGuid():N}.example.com";
        server.Dns[host] = [Public];
        server.Sites[host] = _ => Image(type == "text/html" ? "<html></html>"u8.ToArray() : "<svg onload=alert(1)></svg>"u8.ToArray(), type);

        Assert.Equal(HttpStatusCode.NotFound, (await Get(host)).StatusCode);
    }

    [Fact]
    public async Task SiteWithoutAnIcon_IsRemembered_AndNotAskedAgain()
    {
        server.Dns["plain.example.com"] = [Public];

        Assert.Equal(HttpStatusCode.NotFound, (await Get("plain.example.com")).StatusCode);
        var asked = server.RequestsTo("plain.example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await Get("plain.example.com")).StatusCode);

        Assert.Equal(2, asked);   // https, then http
        Assert.Equal(asked, server.RequestsTo("plain.example.com"));
    }

    [Theory]
    [InlineData("not_a_domain")]
    [InlineData("10.0.0.1")]
    [InlineData("localhost")]
    public async Task NotADomain_Returns400InBitwardensShape(string domain)
    {
        var response = await Get(domain);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"object\":\"error\"", await response.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class IconsOffTests(IconsOffFactory server) : IClassFixture<IconsOffFactory>
{
    [Fact]
    public async Task SwitchedOff_Returns404_AndFetchesNothing()
    {
        server.Dns["shop.example.com"] = [IPAddress.Parse("93.184.216.34")];

        var response = await server.CreateClient().GetAsync("/icons/shop.example.com/icon.png", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(server.Requests);
    }
}

public sealed class IconAddressGuardTests
{
    [Theory]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:a00:1::", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    public void IsPublic(string address, bool expected) => Assert.Equal(expected, IconAddressGuard.IsPublic(IPAddress.Parse(address)));
}
