using System.Net;
using System.Net.Http.Json;
using Custodian.Tests.Infrastructure;

namespace Custodian.Tests.Security;

/// <summary>
/// Runs <see cref="AuthorizationMatrix"/> against every route the app registers: each route has an entry, anonymous
/// callers get 401 on /api, people of other tenants (and the entry's denied members) get a non-2xx with the
/// fixture's ids and change nothing, and the rightful caller gets a 2xx.
/// </summary>
public sealed class AuthorizationMatrixTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    static readonly Caller[] OtherTenants = [Caller.Stranger, Caller.OtherOrgOwner, Caller.OtherProviderAdmin];

    IReadOnlyList<RegisteredRoute> Routes => RouteCatalog.Routes(world.Services);

    [Fact]
    public void EveryRoute_HasAMatrixEntry_AndEveryEntryARoute()
    {
        var keys = Routes.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Where(k => !AuthorizationMatrix.Rules.ContainsKey(k)).ToList();
        var stale = AuthorizationMatrix.Rules.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Routes without an authorization entry; add a line per route to AuthorizationMatrix.Rules, e.g.\n"
            + string.Join('\n', missing.Select(k => $"[\"{k}\"] = new(Owner),")));
        Assert.True(stale.Count == 0, "AuthorizationMatrix entries for routes that no longer exist; remove them:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void MatrixAgreesWithTheRoutes_AnonymousOnlyWhereDeclared()
    {
        var wrong = Routes.Where(r => AuthorizationMatrix.Rules.TryGetValue(r.Key, out var rule)
                && r.AllowsAnonymous != (rule.Rightful is Caller.Anonymous or Caller.SystemAdmin))
            .Select(r => $"{r.Key}: the route {(r.AllowsAnonymous ? "allows" : "refuses")} anonymous callers, its matrix entry says {AuthorizationMatrix.Rules[r.Key].Rightful}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task Anonymous_IsRefused_UnlessTheRouteIsPublic()
    {
        var failures = new List<string>();
        foreach (var (route, rule) in Covered().Where(c => !c.Rule.Open))
        {
            var url = RouteCatalog.Url(route, world, rule);
            var response = await SendAsync(world.ClientOf(Caller.Anonymous), route.Method, url, rule.Body?.Invoke(world));
            var status = (int)response.StatusCode;
            var expected = rule.Rightful == Caller.Anonymous ? status is >= 400 and < 500 : status == 401;
            if (!expected)
            {
                failures.Add($"{route.Key} as anonymous: {status} {await Body(response)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task OtherTenantsAndDeniedMembers_AreRefused_AndChangeNothing()
    {
        var failures = new List<string>();
        foreach (var (route, rule) in Covered().Where(c => !c.Rule.Open))
        {
            var callers = (rule.Self ? [] : OtherTenants).Concat(rule.Denied ?? []).Where(c => c != rule.Rightful);
            foreach (var caller in callers)
            {
                var url = RouteCatalog.Url(route, world, rule);
                var before = route.Method == "GET" ? null : await DataSnapshot.TakeAsync(world.Services);
                var body = rule.Body?.Invoke(world) ?? (route.Method == "GET" ? null : new { });
                var response = await SendAsync(world.ClientOf(caller), route.Method, url, body);
                var status = (int)response.StatusCode;
                var refused = status is >= 400 and < 500 || (rule.IdsInBody && status == 200);
                if (!refused)
                {
                    failures.Add($"{route.Key} as {caller}: {status} {await Body(response)}");
                }
                else if (before is not null && before != await DataSnapshot.TakeAsync(world.Services))
                {
                    failures.Add($"{route.Key} as {caller}: answered {status} but changed data");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task RightfulCaller_Succeeds()
    {
        var failures = new List<string>();
        foreach (var (route, rule) in Covered().Where(c => c.Rule.Rightful != Caller.Anonymous || c.Rule.Open))
        {
            if (route.Method != "GET" && (rule.Body is null || !rule.Replay))
            {
                continue;   // a write the matrix does not replay (it would spoil the fixture); its feature tests cover it
            }
            var url = RouteCatalog.Url(route, world, rule);
            var response = await SendAsync(world.ClientOf(rule.Rightful), route.Method, url, rule.Body?.Invoke(world));
            if ((int)response.StatusCode is < 200 or >= 300)
            {
                failures.Add($"{route.Key} as {rule.Rightful}: {(int)response.StatusCode} {await Body(response)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    IEnumerable<(RegisteredRoute Route, AuthorizationRule Rule)> Covered() =>
        Routes.Where(r => AuthorizationMatrix.Rules.ContainsKey(r.Key)).Select(r => (r, AuthorizationMatrix.Rules[r.Key]));

    internal static Task<HttpResponseMessage> SendAsync(ApiClient client, string method, string url, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is HttpContent content)
        {
            request.Content = content;
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiClient.Json);
        }
        return client.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    static async Task<string> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length > 200 ? text[..200] : text;
    }
}
