namespace Custodian.Server.Infrastructure.Http;

public static class RequestFilters
{
    /// <summary>What every API group runs around its handlers: the bodies' validation, and one connection for a read.</summary>
    public static RouteGroupBuilder AddRequestFilters(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<RequestValidationFilter>().AddEndpointFilter<Data.ReadConnectionFilter>()
            .WithMetadata(new Data.ReadConnectionFilter.Marker());
}
