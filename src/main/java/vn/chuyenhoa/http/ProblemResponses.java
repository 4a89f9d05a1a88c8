package vn.chuyenhoa.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Every refusal an operation can answer, declared on it with the one problem schema, so that a generated client can
 * read any of them: what every API call can meet (401 without a valid token, 403 when the caller's roles or provinces
 * do not allow it), what follows from the operation's shape (400 for bad parameters or body, 415 for a body of
 * another media type), plus what a controller declares itself (404, 409, 413, 422, 503) with its own description. One
 * place, so no operation can forget the usual ones, and one schema for all of them.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @io.swagger.v3.oas.annotations.media.Schema(name = "Problem", description = "RFC 9457 problem details, the one shape "
            + "of every refusal, with Vietnamese beside English. Some problems add members of their own (e.g. codeScheme "
            + "and provinceCode for outside-scope, report for an invalid ruleset, allowed for a lifecycle step not "
            + "allowed). / Mô tả lỗi theo RFC 9457, có tiếng Việt.")
    record ProblemSchema(
            @io.swagger.v3.oas.annotations.media.Schema(description = "urn:chuyenhoa:problem:…; stable, for programs",
                    example = "urn:chuyenhoa:problem:invalid-request") URI type,
            @io.swagger.v3.oas.annotations.media.Schema(example = "The request is not valid") String title,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The title in Vietnamese",
                    example = "Yêu cầu không hợp lệ") String titleVi,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The HTTP status", example = "400",
                    requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) int status,
            @io.swagger.v3.oas.annotations.media.Schema(example = "facts.casesCleared (14) is greater than facts.casesOccurred (13).") String detail,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The detail in Vietnamese, where the problem has one") String detailVi,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The request path") URI instance,
            @io.swagger.v3.oas.annotations.media.Schema(description = "400 only: one entry per bad field") List<FieldError> errors) {}

    private static final Map<String, String> USUAL = Map.of(
            "400", "Bad input: errors names each bad field (or, for a body that is no JSON object, has one entry with field null); nothing changed",
            "401", "No valid bearer token (or session); WWW-Authenticate says how to authenticate",
            "403", "The caller's roles do not allow this operation, or the area's province is outside the caller's provinces; nothing changed",
            "404", "The id in the path names nothing",
            "409", "Conflicts with what is stored",
            "413", "The body is too large",
            "415", "The body is not of the media type the operation reads (JSON: in UTF-8 only)",
            "422", "Well-formed but refused",
            "503", "The ruleset in force cannot serve this");

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> resolved = ModelConverters.getInstance().readAll(new AnnotatedType(ProblemSchema.class));
        resolved.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(ProblemResponses::declare));
    }

    private static void declare(Operation op) {
        ApiResponses responses = op.getResponses();
        add(responses, "401");
        add(responses, "403");
        // a text in the path is looked up (404 when it names nothing, declared by the controller); anything else sent
        // can be malformed: a body, a query or header parameter, a number in the path
        boolean readsInput = op.getRequestBody() != null || op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> !"path".equals(p.getIn()) || p.getSchema() == null || !"string".equals(p.getSchema().getType()));
        if (readsInput) add(responses, "400");
        if (op.getRequestBody() != null) add(responses, "415");
        // the problem schema on every refusal, whatever the controller wrote, and the responses in status order
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(USUAL.getOrDefault(status, "Refused"));
                }
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
            responses.addApiResponse(status, response);
        });
    }

    private static void add(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) responses.addApiResponse(status, new ApiResponse().description(USUAL.get(status)));
    }
}
