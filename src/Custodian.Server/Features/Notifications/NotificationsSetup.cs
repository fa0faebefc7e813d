using Microsoft.AspNetCore.SignalR;

namespace Custodian.Server.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>SignalR with Bitwarden's MessagePack settings (contractless, so PascalCase keys) beside JSON.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PushHubs>();
        var redis = configuration["Notifications:Redis"];
        var postgres = configuration["Database:Provider"] == nameof(Infrastructure.Data.DatabaseProvider.Postgres);
        if (string.IsNullOrEmpty(redis) && postgres)
        {
            services.AddSingleton<PostgresPushBus>();
            services.AddSingleton<IPushBus>(sp => sp.GetRequiredService<PostgresPushBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresPushBus>());
        }
        else
        {
            services.AddSingleton<IPushBus, InProcessPushBus>();
        }
        var signalR = services.AddSignalR().AddMessagePackProtocol(o => o.SerializerOptions = MessagePack.MessagePackSerializerOptions.Standard
            .WithResolver(MessagePack.Resolvers.ContractlessStandardResolver.Instance));
        if (!string.IsNullOrEmpty(redis))
        {
            // The backplane carries every hub send (to a user, to the anonymous hub's token group) to the instance
            // holding that connection, so the in-process bus reaches all of them. The prefix keeps several
            // deployments apart on one Redis.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("custodian"));
        }
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        return services;
    }

    /// <summary>The apps derive <c>{base}/notifications</c> and connect to <c>/hub</c> and <c>/anonymous-hub</c> under it.</summary>
    public static void MapNotificationHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationsHub>("/notifications/hub");
        app.MapHub<AnonymousNotificationsHub>("/notifications/anonymous-hub");
    }
}
