package vn.chuyenhoa.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.0 document, for the constructs the service's document uses
 * ($ref, type, format date/date-time/uuid, nullable, enum, properties, required, additionalProperties false, items,
 * minimum, maximum, maxLength). {@code closed} also refuses members a schema does not list, which an answer of the
 * service must never have (its document would then be incomplete); examples written by hand are checked open.
 */
public final class SchemaCheck {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private final JsonNode document;
    private final boolean closed;

    public SchemaCheck(JsonNode document, boolean closed) {
        this.document = document;
        this.closed = closed;
    }

    /** Every way the value departs from the schema, each with its JSON path; empty when it conforms. */
    public List<String> problems(JsonNode value, JsonNode schema, String path) {
        List<String> out = new ArrayList<>();
        check(value, schema, path, out);
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (!ref.startsWith("#/components/schemas/")) throw new IllegalArgumentException("unsupported $ref " + ref);
            JsonNode target = document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            if (target.isMissingNode()) throw new IllegalArgumentException("dangling $ref " + ref);
            schema = target;
        }
        return schema;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> out) {
        schema = resolve(schema);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) out.add(path + ": null, but the schema is not nullable");
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) listed |= e.equals(value);
            if (!listed) out.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        String type = schema.path("type").asString("");
        switch (type) {
            case "object" -> object(value, schema, path, out);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": " + value + " is not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) check(value.get(i), schema.get("items"), path + "[" + i + "]", out);
            }
            case "string" -> {
                if (!value.isString()) {
                    out.add(path + ": " + value + " is not a string");
                    return;
                }
                String text = value.asString();
                String format = schema.path("format").asString("");
                if (format.equals("date") && !DATE.matcher(text).matches()
                        || format.equals("date-time") && !DATE_TIME.matcher(text).matches()
                        || format.equals("uuid") && !UUID.matcher(text).matches()) {
                    out.add(path + ": \"" + text + "\" is not a " + format);
                }
                if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
                    out.add(path + ": longer than " + schema.get("maxLength"));
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber() || type.equals("integer") && !value.isIntegralNumber()) {
                    out.add(path + ": " + value + " is not an " + type);
                    return;
                }
                BigDecimal n = value.decimalValue();
                if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) out.add(path + ": below the minimum");
                if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) out.add(path + ": above the maximum");
            }
            case "boolean" -> {
                if (!value.isBoolean()) out.add(path + ": " + value + " is not a boolean");
            }
            case "" -> {
                if (schema.has("properties")) object(value, schema, path, out);
            }
            default -> out.add(path + ": unsupported schema type " + type);
        }
    }

    private void object(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (!value.isObject()) {
            out.add(path + ": " + value + " is not an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asString())) out.add(path + ": lacks required " + required.asString());
        }
        boolean open = !closed && !schema.path("additionalProperties").isBoolean()
                || schema.path("additionalProperties").asBoolean(false) || schema.path("additionalProperties").isObject();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            seen.add(member.getKey());
            JsonNode p = properties.get(member.getKey());
            if (p != null) check(member.getValue(), p, path + "." + member.getKey(), out);
            else if (!open) out.add(path + ": has " + member.getKey() + ", which the schema does not list");
        }
    }
}
