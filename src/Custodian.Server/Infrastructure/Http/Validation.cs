using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>Marks request bodies that <see cref="RequestValidationFilter"/> validates.</summary>
public interface IRequestModel;

/// <summary>
/// Runs DataAnnotations over every <see cref="IRequestModel"/> argument (nested objects and lists included) and
/// answers Bitwarden's 400 shape, <c>validationErrors: {"Ciphers[3].Name": ["…"]}</c>, which clients map back to items.
/// </summary>
public sealed class RequestValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var argument in context.Arguments)
        {
            if (argument is IRequestModel model)
            {
                ModelValidator.Validate(model, prefix: "", errors);
            }
        }
        if (errors.Count > 0)
        {
            throw new BadRequestException("The model state is invalid.")
            {
                ValidationErrors = errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            };
        }
        return await next(context);
    }
}

public static class ModelValidator
{
    const int MaxDepth = 8;

    /// <summary>Validates a model graph; field names are PascalCase paths as in Bitwarden's model state.</summary>
    public static void Validate(object model, string prefix, Dictionary<string, List<string>> errors, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            var key = prefix.Length == 0 ? member : member.Length == 0 ? prefix : $"{prefix}.{member}";
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }
            list.Add(result.ErrorMessage ?? "The value is invalid.");
        }
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            if (HoldsNul(property.GetValue(model)))
            {
                // PostgreSQL cannot store U+0000 in text (a 500 there); no Bitwarden field needs it.
                var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                errors[key] = [.. errors.GetValueOrDefault(key) ?? [], $"The field {property.Name} must not contain a NUL character."];
            }
            if (IsLeaf(property.PropertyType))
            {
                continue;
            }
            var value = property.GetValue(model);
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (value is IDictionary)
            {
                continue;
            }
            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && !IsLeaf(item.GetType()))
                    {
                        Validate(item, $"{path}[{index}]", errors, depth + 1);
                    }
                    index++;
                }
            }
            else if (value is not null)
            {
                Validate(value, path, errors, depth + 1);
            }
        }
    }

    static bool HoldsNul(object? value) => value switch
    {
        string text => text.Contains('\0', StringComparison.Ordinal),
        IEnumerable<string?> texts => texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)),
        _ => false,
    };

    static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(decimal) || t == typeof(System.Text.Json.JsonElement)
            || t == typeof(System.Text.Json.Nodes.JsonNode) || t.IsSubclassOf(typeof(System.Text.Json.Nodes.JsonNode));
    }
}
