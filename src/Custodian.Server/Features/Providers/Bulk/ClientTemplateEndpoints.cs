using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Bulk;

public sealed record ClientTemplateRequest([property: Required, StringLength(50, MinimumLength = 1)] string Name, [property: Required] TemplateBody Body)
    : IRequestModel;

public sealed record TemplateApplyRequest(Guid OrganizationId, [property: MaxLength(100)] IReadOnlyList<AppliedCollection>? Collections) : IRequestModel;

public sealed record ClientTemplateResponse(Guid Id, string Name, TemplateBody Body, int ClientCount, DateTime RevisionDate)
    : ResponseModel("providerClientTemplate")
{
    public static ClientTemplateResponse From(ProviderClientTemplate t, int clients) => new(t.Id, t.Name, t.Parsed, clients, t.RevisionDate);
}

/// <summary>
/// Client templates. Every provider user reads them and a client's drift; templates change every client that
/// follows them, so only provider admins write and apply them (service users keep their per-client routes).
/// </summary>
public static class ClientTemplateEndpoints
{
    public static RouteGroupBuilder MapClientTemplateEndpoints(this RouteGroupBuilder provider)
    {
        provider.MapGet("/client-templates", List);
        provider.MapGet("/client-templates/{templateId:guid}", Get);
        provider.MapPost("/client-templates", (Guid providerId, ClientTemplateRequest request, AppDbContext db, CancellationToken ct) =>
            Save(providerId, null, request, db, ct)).AdminOnly();
        provider.MapPut("/client-templates/{templateId:guid}", (Guid providerId, Guid templateId, ClientTemplateRequest request, AppDbContext db,
            CancellationToken ct) => Save(providerId, templateId, request, db, ct)).AdminOnly();
        provider.MapDelete("/client-templates/{templateId:guid}", Delete).AdminOnly();
        provider.MapGet("/client-templates/{templateId:guid}/drift/{organizationId:guid}", Drift);
        provider.MapPost("/client-templates/{templateId:guid}/apply", Apply).AdminOnly();
        return provider;
    }

    static async Task<ListResponse<ClientTemplateResponse>> List(Guid providerId, AppDbContext db, CancellationToken ct)
    {
        var rows = await db.ProviderClientTemplates.AsNoTracking().Where(t => t.ProviderId == providerId).OrderBy(t => t.Name)
            .Select(t => new { t, Clients = db.ProviderClientTemplateLinks.Count(l => l.TemplateId == t.Id) }).ToListAsync(ct);
        return new([.. rows.Select(r => ClientTemplateResponse.From(r.t, r.Clients))]);
    }

    static async Task<ClientTemplateResponse> Get(Guid providerId, Guid templateId, AppDbContext db, CancellationToken ct) =>
        ClientTemplateResponse.From(await LoadAsync(db, providerId, templateId, ct),
            await db.ProviderClientTemplateLinks.CountAsync(l => l.TemplateId == templateId, ct));

    static async Task<ClientTemplateResponse> Save(Guid providerId, Guid? templateId, ClientTemplateRequest request, AppDbContext db, CancellationToken ct)
    {
        var body = request.Body.Validated();
        var name = request.Name.Trim();
        if (await db.ProviderClientTemplates.AnyAsync(t => t.ProviderId == providerId && t.Name == name && t.Id != templateId, ct))
        {
            throw BadRequestException.ForField("Name", "The provider already has a template of that name.");
        }
        var template = templateId is { } id ? await LoadAsync(db, providerId, id, ct)
            : db.ProviderClientTemplates.Add(new ProviderClientTemplate { Id = Guid.CreateVersion7(), ProviderId = providerId, Name = name, Body = "" }).Entity;
        template.Name = name;
        template.Body = JsonSerializer.Serialize(body, JsonDefaults.Options);
        await db.SaveChangesAsync(ct);
        return ClientTemplateResponse.From(template, await db.ProviderClientTemplateLinks.CountAsync(l => l.TemplateId == template.Id, ct));
    }

    static async Task Delete(Guid providerId, Guid templateId, AppDbContext db, CancellationToken ct)
    {
        db.ProviderClientTemplates.Remove(await LoadAsync(db, providerId, templateId, ct));
        await db.SaveChangesAsync(ct);
    }

    static async Task<TemplateDriftResponse> Drift(Guid providerId, Guid templateId, Guid organizationId, AppDbContext db, TemplateApplier applier,
        CancellationToken ct) =>
        await applier.DriftAsync(providerId, await LoadAsync(db, providerId, templateId, ct), organizationId, ct);

    static async Task<TemplateDriftResponse> Apply(Guid providerId, Guid templateId, TemplateApplyRequest request, AppDbContext db, TemplateApplier applier,
        CancellationToken ct)
    {
        var template = await LoadAsync(db, providerId, templateId, ct);
        await applier.ApplyAsync(providerId, template, request.OrganizationId, request.Collections ?? [], ct);
        return await applier.DriftAsync(providerId, template, request.OrganizationId, ct);
    }

    internal static async Task<ProviderClientTemplate> LoadAsync(AppDbContext db, Guid providerId, Guid templateId, CancellationToken ct) =>
        await db.ProviderClientTemplates.SingleOrDefaultAsync(t => t.Id == templateId && t.ProviderId == providerId, ct) ?? throw new NotFoundException();
}
