namespace Custodian.Server.Infrastructure.Http;

/// <summary>Where the server reads its settings from, and what it logs about requests.</summary>
public static class ServerHosting
{
    /// <summary>
    /// The content root (where <c>appsettings.json</c> is read): the working directory when it holds the settings
    /// (<c>dotnet run</c> inside the project, a published folder), otherwise the app's own directory, where the build
    /// copies them, so <c>./run.sh</c> or <c>dotnet run --project</c> from the repository root load them too. Null
    /// leaves ASP.NET's choice, as when a host (the test factory) names the content root itself.
    /// </summary>
    public static string? ContentRoot(string[] args, string currentDirectory, string baseDirectory)
    {
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || File.Exists(Path.Combine(currentDirectory, "appsettings.json")))
        {
            return null;
        }
        return File.Exists(Path.Combine(baseDirectory, "appsettings.json")) ? baseDirectory : null;
    }

    /// <summary>
    /// ASP.NET's request log ("Request starting GET …") prints each URL with its query string, where attachment
    /// links and hub connections carry tokens: it is held at Warning whatever the configuration says. Rules added
    /// here come after the configuration's, so they win for these exact categories.
    /// </summary>
    public static WebApplicationBuilder KeepQueryStringsOutOfLogs(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Warning);
        return builder;
    }
}
