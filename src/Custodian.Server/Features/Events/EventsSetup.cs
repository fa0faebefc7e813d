namespace Custodian.Server.Features.Events;

public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services) => services.AddScoped<EventLog>();
}
