using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Organizations;

public sealed record PolicyRequest(bool Enabled, JsonElement? Data) : IRequestModel;

/// <summary>The newer web client's shape: the policy plus optional metadata for side effects.</summary>
public sealed record PolicyVNextRequest([property: Required] PolicyRequest Policy, JsonElement? Metadata) : IRequestModel;

public sealed record PolicyResponse(Guid Id, Guid OrganizationId, PolicyType Type, JsonElement? Data, bool Enabled, DateTime RevisionDate,
    bool CanToggleState) : ResponseModel("policy")
{
    public static PolicyResponse From(Policy p) => new(p.Id, p.OrganizationId, p.Type,
        p.Data is null ? null : JsonSerializer.Deserialize<JsonElement>(p.Data), p.Enabled, p.RevisionDate, CanToggleState: true);
}
