using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Providers;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Events.Sinks;

/// <summary>A sink as its provider's admins configure it: the webhook secret is write-only (null keeps the current one).</summary>
public sealed record EventSinkRequest(EventSinkKind Kind, [property: Required, StringLength(500)] string Target,
    SyslogTransport Transport, [property: StringLength(200, MinimumLength = 16)] string? Secret, bool Enabled = true) : IRequestModel;

public sealed record EventSinkResponse(Guid Id, EventSinkKind Kind, string Target, SyslogTransport Transport, bool Enabled,
    bool HasSecret, string? LastError, DateTime? LastDeliveryDate, int Pending, DateTime CreationDate) : ResponseModel("eventSink");

/// <summary>Per provider, its SIEM sinks (webhook or syslog): provider admins only, like the event log they carry.</summary>
public static class EventSinkEndpoints
{
    public const string ProtectorPurpose = "Custodian.EventSinks";
    const int MaxSinks = 5;

    public static RouteGroupBuilder MapEventSinkEndpoints(this RouteGroupBuilder api)
    {
        var sinks = api.MapGroup("/providers/{providerId:guid}/event-sinks").WithTags("Event sinks").RequireProviderUser();
        sinks.MapGet("", List).AdminOnly();
        sinks.MapPost("", Create).AdminOnly();
        sinks.MapPut("/{id:guid}", Update).AdminOnly();
        sinks.MapDelete("/{id:guid}", Delete).AdminOnly();
        return sinks;
    }

    static async Task<ListResponse<EventSinkResponse>> List(Guid providerId, AppDbContext db, CancellationToken ct) =>
        new(await db.Set<EventSink>().Where(s => s.ProviderId == providerId).OrderBy(s => s.CreationDate)
            .Select(s => new EventSinkResponse(s.Id, s.Kind, s.Target, s.Transport, s.Enabled, s.Secret != null, s.LastError, s.LastDeliveryDate,
                db.Set<EventDelivery>().Count(d => d.SinkId == s.Id), s.CreationDate)).ToListAsync(ct));

    static async Task<EventSinkResponse> Create(Guid providerId, EventSinkRequest request, AppDbContext db, IDataProtectionProvider protection,
        EventLog events, TimeProvider time, CancellationToken ct)
    {
        if (await db.Set<EventSink>().CountAsync(s => s.ProviderId == providerId, ct) >= MaxSinks)
        {
            throw new BadRequestException($"A provider has at most {MaxSinks} event sinks.");
        }
        var sink = new EventSink { Id = Guid.CreateVersion7(), ProviderId = providerId, Target = "", CreationDate = time.GetUtcNow().UtcDateTime };
        Apply(sink, request, protection);
        db.Add(sink);
        events.Add(EventType.ProviderUser_Updated, new EventSubject(ProviderId: providerId));
        await db.SaveChangesAsync(ct);
        return ToResponse(sink, 0);
    }

    static async Task<EventSinkResponse> Update(Guid providerId, Guid id, EventSinkRequest request, AppDbContext db, IDataProtectionProvider protection,
        EventLog events, CancellationToken ct)
    {
        var sink = await db.Set<EventSink>().SingleOrDefaultAsync(s => s.Id == id && s.ProviderId == providerId, ct) ?? throw new NotFoundException();
        Apply(sink, request, protection);
        events.Add(EventType.ProviderUser_Updated, new EventSubject(ProviderId: providerId));
        await db.SaveChangesAsync(ct);
        return ToResponse(sink, await db.Set<EventDelivery>().CountAsync(d => d.SinkId == id, ct));
    }

    static async Task Delete(Guid providerId, Guid id, AppDbContext db, EventLog events, CancellationToken ct)
    {
        var sink = await db.Set<EventSink>().SingleOrDefaultAsync(s => s.Id == id && s.ProviderId == providerId, ct) ?? throw new NotFoundException();
        db.Remove(sink);
        events.Add(EventType.ProviderUser_Updated, new EventSubject(ProviderId: providerId));
        await db.SaveChangesAsync(ct);
    }

    static void Apply(EventSink sink, EventSinkRequest request, IDataProtectionProvider protection)
    {
        var target = request.Target.Trim();
        if (!Enum.IsDefined(request.Kind))
        {
            throw BadRequestException.ForField("kind", "Kind is 0 (webhook) or 1 (syslog).");
        }
        if (request.Kind == EventSinkKind.Webhook)
        {
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw BadRequestException.ForField("target", "A webhook target is an http(s) URL without credentials.");
            }
            if (request.Secret is null && sink.Secret is null)
            {
                throw BadRequestException.ForField("secret", "A webhook needs a signing secret of at least 16 characters.");
            }
        }
        else
        {
            if (!Enum.IsDefined(request.Transport))
            {
                throw BadRequestException.ForField("transport", "Transport is 0 (TCP), 1 (TLS) or 2 (UDP).");
            }
            EventSinkTargets.SplitHostPort(target, validate: true);
        }
        sink.Kind = request.Kind;
        sink.Target = target;
        sink.Transport = request.Kind == EventSinkKind.Syslog ? request.Transport : SyslogTransport.Tcp;
        sink.Enabled = request.Enabled;
        if (request.Secret is not null)
        {
            sink.Secret = protection.CreateProtector(ProtectorPurpose).Protect(request.Secret);
        }
        if (request.Kind == EventSinkKind.Syslog)
        {
            sink.Secret = null;   // syslog carries no signature
        }
    }

    static EventSinkResponse ToResponse(EventSink s, int pending) =>
        new(s.Id, s.Kind, s.Target, s.Transport, s.Enabled, s.Secret != null, s.LastError, s.LastDeliveryDate, pending, s.CreationDate);
}

public static class EventSinkTargets
{
    /// <summary>A syslog collector as host:port ([v6]:port for IPv6 literals).</summary>
    public static (string Host, int Port) SplitHostPort(string target, bool validate = false)
    {
        var colon = target.LastIndexOf(':');
        if (colon > 0 && int.TryParse(target[(colon + 1)..], out var port) && port is > 0 and < 65536
            && Uri.CheckHostName(target[..colon].Trim('[', ']')) != UriHostNameType.Unknown)
        {
            return (target[..colon].Trim('[', ']'), port);
        }
        return validate ? throw BadRequestException.ForField("target", "A syslog target is host:port.") : throw new IOException("Bad syslog target.");
    }
}
