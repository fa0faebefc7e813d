using System.Net;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Platform;

/// <summary>A server pointed at a built web UI (a stand-in dist folder).</summary>
public sealed class WebUiFactory : ApiFactory
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"custodian-web-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Web:Root"] = Root };

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "assets"));
        File.WriteAllText(Path.Combine(Root, "index.html"), "<!doctype html><title>Custodian</title>");
        File.WriteAllText(Path.Combine(Root, "assets", "index-abc123.js"), "console.log(1)");
        File.WriteAllBytes(Path.Combine(Root, "favicon.ico"), [0, 0, 1, 0]);
        return base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}

public sealed class WebUiTests(WebUiFactory factory) : IClassFixture<WebUiFactory>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_ServesIndexHtml_NotCached()
    {
        var response = await factory.CreateClient().GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Custodian</title>", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task HashedAsset_IsServedImmutable_AndTheApiIsUnaffected()
    {
        var client = factory.CreateClient();
        var asset = await client.GetAsync("/assets/index-abc123.js", Ct);
        var alive = await client.GetAsync("/alive", Ct);
        var api = await client.GetAsync("/api/sync", Ct);

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Favicon_IsServedAndRevalidated()
    {
        var response = await factory.CreateClient().GetAsync("/favicon.ico", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task MissingFile_Is404_NotIndexHtml()
    {
        var response = await factory.CreateClient().GetAsync("/nothing-here.js", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class NoWebUiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WithoutABuild_RootIs404_ApiStillAnswers()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", TestContext.Current.CancellationToken)).StatusCode);
    }
}
