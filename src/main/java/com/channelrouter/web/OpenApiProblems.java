package com.channelrouter.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Map;

/**
 * Documents the problem+json failures of every API operation in one place, as {@link ApiExceptionHandler} and the
 * security filters answer them: 400, 401, 403 and 503 everywhere, 404 where the path names something, 413 where a
 * body is sent, and content for the statuses an operation declares itself (409, 422, 415) with its own reasons.
 */
final class OpenApiProblems implements OpenApiCustomizer {

    /** Not "Problem": that name would read as the RFC's, and the replay and table problems are other shapes. */
    static final String SCHEMA = "ProblemDetails";
    static final String FIELD_SCHEMA = "FieldProblem";
    private static final String API = "/api/v1/";

    private static final Map<String, String> EVERYWHERE = Map.of(
            "400", "Invalid input (malformed JSON, a missing required field, a wrong type, an unknown code); errors names each field",
            "401", "No API key in X-API-Key, or an unknown one",
            "403", "The API key lacks the role, or speaks for another channel",
            "503", "The database cannot be reached; nothing was done. Retry after Retry-After seconds");
    private static final String NOT_FOUND = "Nothing by that id, or nothing this API key may see";
    private static final String TOO_LARGE = "The body is larger than this endpoint accepts";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(FIELD_SCHEMA, fieldProblem()).addSchemas(SCHEMA, problemDetails());
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.readOperations().forEach(OpenApiProblems::addProblems);
            }
        });
    }

    private static void addProblems(Operation operation) {
        ApiResponses responses = operation.getResponses();
        EVERYWHERE.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)));
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            responses.putIfAbsent("404", new ApiResponse().description(NOT_FOUND));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", new ApiResponse().description(TOO_LARGE));
        }
        responses.get("503").addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                .schema(type("integer")));
        responses.forEach((status, response) -> {
            if (status.charAt(0) == '4' || status.charAt(0) == '5') {
                // a declared failure gets the shape it is answered in; its description (the reason) stays the operation's
                response.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + SCHEMA))));
            }
        });
        ApiResponses byStatus = new ApiResponses(); // success first, then the failures in order, as a reader looks for them
        responses.keySet().stream().sorted().forEach(status -> byStatus.addApiResponse(status, responses.get(status)));
        operation.setResponses(byStatus);
    }

    /** RFC 9457's members as the service fills them; other members may be added (publish refusals add problems). */
    private static Schema<?> problemDetails() {
        return type("object")
                .description("A failure, as RFC 9457 problem details (application/problem+json)")
                .addProperty("type", type("string").format("uri")
                        .description("Identifies the kind of problem; stable, so clients may branch on it"))
                .addProperty("title", type("string").description("A short summary of the kind of problem"))
                .addProperty("status", type("integer").format("int32").description("The HTTP status"))
                .addProperty("detail", type("string").description("What went wrong this time, in words a caller can act on"))
                .addProperty("instance", type("string").format("uri-reference").description("The request path that failed"))
                .addProperty("errors", type("array").items(new JsonSchema().$ref("#/components/schemas/" + FIELD_SCHEMA))
                        .description("For invalid input: each offending field"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> fieldProblem() {
        return type("object")
                .description("One offending input field and what was expected of it")
                .addProperty("field", type("string").description("The field's JSON path, such as customer.id, or a parameter's name"))
                .addProperty("message", type("string").description("What is wrong with it, such as: must be one of LEAD, ALERT, FAULT"))
                .required(List.of("field", "message"));
    }

    private static Schema<Object> type(String type) {
        Schema<Object> schema = new JsonSchema();
        return schema.typesItem(type);
    }
}
