using System.Security.Cryptography;
using System.Text;
using Custodian.Server.Features.Identity;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Admin;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The system administrator's secret; empty switches /admin off entirely.</summary>
    public string? Token { get; set; }
}

/// <summary>
/// <c>/admin</c>: the system administrator's API, authenticated by <c>Admin__Token</c> sent as a bearer token.
/// Without a configured token the whole area answers 404.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").AllowAnonymous().AddEndpointFilter(RequireAdminToken)
            .AddRequestFilters().WithTags("Admin");
        var providers = admin.MapGroup("/providers");
        providers.MapGet("", async (AdminProviders service, CancellationToken ct) => new ListResponse<AdminProviderResponse>(await service.ListAsync(null, ct)));
        providers.MapGet("/{id:guid}", async (Guid id, AdminProviders service, CancellationToken ct) =>
            (await service.ListAsync(id, ct)).SingleOrDefault() ?? throw new NotFoundException());
        providers.MapPost("", async (AdminProviderCreateRequest request, AdminProviders service, CancellationToken ct) =>
            (await service.ListAsync((await service.CreateAsync(request.Name, request.Type, request.OwnerEmail, ct)).Id, ct)).Single());
        providers.MapPut("/{id:guid}", async (Guid id, AdminProviderUpdateRequest request, AdminProviders service, CancellationToken ct) =>
        {
            await service.UpdateAsync(id, request, ct);
            return (await service.ListAsync(id, ct)).Single();
        });
        providers.MapDelete("/{id:guid}", (Guid id, AdminProviders service, CancellationToken ct) => service.DeleteAsync(id, ct));
        providers.MapPost("/{id:guid}/resend-setup", (Guid id, AdminProviders service, CancellationToken ct) => service.ResendSetupAsync(id, ct));
        admin.MapAdminOrganizations();
    }

    static async ValueTask<object?> RequireAdminToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value.Token;
        if (string.IsNullOrEmpty(configured))
        {
            throw new NotFoundException();
        }
        // Guessing the one token that rules the server is throttled per address, like logins.
        var http = context.HttpContext;
        var (throttle, address) = (http.RequestServices.GetRequiredService<LoginThrottle>(), http.Connection.RemoteIpAddress?.ToString());
        if (await throttle.IsAdminBlockedAsync(address, http.RequestAborted))
        {
            throw new TooManyRequestsException("Too many wrong admin tokens. Try again later.");
        }
        if (!HasAdminToken(http))
        {
            await throttle.RecordAdminFailureAsync(address, http.RequestAborted);
            throw new UnauthorizedException("The admin token is missing or wrong.");
        }
        return await next(context);
    }

    /// <summary>Whether the request carries the configured admin token as its bearer token (never true when none is set).</summary>
    public static bool HasAdminToken(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value.Token;
        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        return !string.IsNullOrEmpty(configured)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }
}
