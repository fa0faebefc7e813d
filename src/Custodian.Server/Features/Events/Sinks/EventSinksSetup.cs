namespace Custodian.Server.Features.Events.Sinks;

public static class EventSinksSetup
{
    public static IServiceCollection AddEventSinks(this IServiceCollection services)
    {
        services.AddOptions<EventSinkOptions>().BindConfiguration(EventSinkOptions.Section);
        services.AddSingleton<SinkNetwork>();
        services.AddSingleton<IEventSinkSender, WebhookSender>();
        services.AddSingleton<IEventSinkSender, SyslogSender>();
        services.AddSingleton<EventSinkWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<EventSinkWorker>());
        return services;
    }
}
