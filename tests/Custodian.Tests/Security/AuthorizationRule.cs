namespace Custodian.Tests.Security;

/// <summary>
/// One line of <see cref="AuthorizationMatrix"/>: who may call a route. Everyone else in the fixture (anonymous,
/// a stranger, the owner of another org, the admin of another provider, and the <see cref="Denied"/> members of
/// the route's own tenant) must get a non-2xx and change nothing.
/// </summary>
/// <param name="Rightful">The caller the route exists for; <see cref="Caller.Anonymous"/> with <see cref="Open"/> for public routes.</param>
/// <param name="Body">The rightful call's JSON body: when given (or for GET), the rightful caller must get a 2xx.
/// Returning null sends no body. Leave it out for writes that would spoil the fixture (deletes, leaving an org).</param>
/// <param name="Denied">People of the route's own tenant who must be refused too (a plain member on an admin route).</param>
/// <param name="Ids">Which fixture id fills a parameter when the segment before it is not enough: "id=orgCipher".</param>
/// <param name="Open">Anyone may call it (prelogin, register, /alive): no refusals to test.</param>
/// <param name="Query">A query string the route needs, ids named in braces: "organizationId={org}".</param>
/// <param name="Replay">False for writes the rightful caller must not replay on the shared fixture (deletes,
/// revocations, one-time accepts); the others still send <see cref="Body"/> and are refused.</param>
/// <param name="Self">Any logged-in user may call it on their own account (profile, sync, creating a folder): only
/// anonymous callers are refused.</param>
/// <param name="IdsInBody">The ids are in the body (bulk moves, deletes, shares): the others send the rightful
/// caller's body, and may get a 200 that skips what is not theirs, but must change nothing.</param>
public sealed record AuthorizationRule(
    Caller Rightful,
    Func<SecurityWorld, object?>? Body = null,
    Caller[]? Denied = null,
    string? Ids = null,
    bool Open = false,
    bool Self = false,
    bool IdsInBody = false,
    string? Query = null,
    bool Replay = true)
{
    /// <summary>Any logged-in user, on their own account.</summary>
    public static AuthorizationRule AnyUser(Func<SecurityWorld, object?>? body = null, bool replay = true) =>
        new(Caller.Owner, body, Self: true, Replay: replay);

    /// <summary>A public route: anyone, with or without a login.</summary>
    public static AuthorizationRule Public() => new(Caller.Anonymous, Open: true);

    /// <summary>An anonymous route that needs a token in the request (download links, invitations): without it, refused.</summary>
    public static AuthorizationRule TokenInRequest() => new(Caller.Anonymous);

    public IReadOnlyDictionary<string, string>? IdOverrides => Ids?.Split(',').Select(p => p.Split('='))
        .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);

    /// <summary>No content at all, for writes the rightful caller sends without a body.</summary>
    public static object? NoBody(SecurityWorld _) => null;
}
