using System.Text.Json;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>The wire format: camelCase, enums as numbers, nulls written (clients test <c>=== null</c>).</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString;
        return options;
    }
}
