package com.channelrouter.web;

import com.channelrouter.domain.Codes;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document, read without a key as a client generator reads it, says what the API really does. */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

    @LocalServerPort
    int port;

    TestHttp http;
    JsonNode document;

    @BeforeEach
    void readDocument() {
        http = new TestHttp(port);
        TestHttp.Response response = http.get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        document = response.body();
    }

    JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path).isTrue();
        return operation;
    }

    JsonNode schema(String name) {
        return document.path("components").path("schemas").path(name);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    @Test
    void routingAnswers201WithTheDecisionAndItsHeaders() {
        JsonNode created = operation("/api/v1/routings", "post").path("responses").path("201");

        assertThat(created.path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/RoutingDecision");
        assertThat(created.path("headers").has("Location")).isTrue();
        assertThat(created.path("headers").has("Idempotent-Replayed")).isTrue();
        assertThat(operation("/api/v1/routings", "post").path("responses").has("200")).isFalse();
        assertThat(operation("/api/v1/routings/evaluate", "post").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/RoutingDecision");
    }

    @Test
    void theDecisionsServiceLevelsAreNotTheWorkItemsDeadlines() {
        // both records are called Sla in Java; under one name, one silently replaced the other in the document
        assertThat(schema("RoutingDecision").path("properties").path("sla").path("$ref").asString())
                .isEqualTo("#/components/schemas/DecisionSla");
        assertThat(schema("DecisionSla").path("properties").has("responseMinutes")).isTrue();
        assertThat(schema("WorkItemSla").path("properties").has("responseMet")).isTrue();
        assertThat(schema("Customer").path("properties").has("customerName")).isTrue();
        assertThat(schema("RoutingRequestCustomer").path("required").toString()).contains("id");
    }

    @Test
    void aMovesBodyIsDescribedAsTheRecordItIsReadInto() {
        // the moves take their body as text, to judge the caller's key before the body
        for (String[] move : new String[][]{{"return", "ReturnRequest"}, {"dispatch", "DispatchRequest"}, {"close", "CloseRequest"}}) {
            JsonNode body = operation("/api/v1/work-items/{workItemId}/" + move[0], "post").path("requestBody");
            assertThat(body.path("content").path("application/json").path("schema").path("$ref").asString())
                    .as(move[0]).isEqualTo("#/components/schemas/" + move[1]);
            assertThat(body.path("required").asBoolean()).as(move[0]).isTrue();
        }
    }

    @Test
    void batchTakesNdjsonAndAnswersNdjsonWithItsHeaders() {
        JsonNode batch = operation("/api/v1/routings/batch", "post");

        assertThat(batch.path("requestBody").path("content").has("application/x-ndjson")).isTrue();
        assertThat(batch.path("requestBody").path("required").asBoolean()).isTrue();
        JsonNode ok = batch.path("responses").path("200");
        assertThat(ok.path("content").has("application/x-ndjson")).isTrue();
        assertThat(ok.path("headers").has("Batch-Id")).isTrue();
        assertThat(ok.path("headers").has("Location")).isTrue();
        assertThat(operation("/api/v1/routings/batch/{batchId}", "get").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/RoutingBatch");
    }

    @Test
    void everyApiOperationDocumentsItsProblems() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                for (String status : List.of("400", "401", "403", "503")) {
                    assertThat(responses.path(status).path("content").path("application/problem+json").path("schema")
                            .path("$ref").asString()).as(name + " " + status).isEqualTo("#/components/schemas/ProblemDetails");
                }
                if (path.getKey().contains("{")) {
                    assertThat(responses.has("404")).as(name + " 404").isTrue();
                }
                checked.add(name);
            }
        }
        assertThat(checked).hasSizeGreaterThan(20);
        JsonNode problem = schema("ProblemDetails").path("properties");
        assertThat(problem.has("type") && problem.has("title") && problem.has("status") && problem.has("detail")).isTrue();
        assertThat(problem.path("errors").path("items").path("$ref").asString()).isEqualTo("#/components/schemas/FieldProblem");
        assertThat(operation("/api/v1/routings", "post").path("responses").has("409")).isTrue();
        assertThat(operation("/api/v1/routings", "post").path("responses").has("422")).isTrue();
        assertThat(operation("/api/v1/work-items/{workItemId}/claim", "post").path("responses").has("409")).isTrue();
        assertThat(operation("/api/v1/decision-tables/{version}/publish", "post").path("responses").has("422")).isTrue();
        assertThat(schema("Problem").isMissingNode()).as("an RFC-looking name for a replay problem").isTrue();
    }

    @Test
    void codesAreEnumsFromTheDomain() {
        JsonNode request = schema("RoutingRequest").path("properties");

        assertThat(texts(request.path("itemType").path("enum"))).isEqualTo(Codes.names(ItemType.class));
        assertThat(texts(request.path("sourceChannel").path("enum"))).isEqualTo(Codes.names(SourceChannel.class));
        assertThat(request.path("itemType").path("type").asString()).isEqualTo("string");
        assertThat(request.path("occurredAt").path("format").asString()).isEqualTo("date-time");
        assertThat(request.path("productCode").has("enum")).as("catalogue data, edited by its owners").isFalse();
    }

    @Test
    void workItemListParametersHaveTheirTypes() {
        Map<String, JsonNode> parameters = new HashMap<>();
        operation("/api/v1/work-items", "get").path("parameters").forEach(p -> parameters.put(p.path("name").asString(), p.path("schema")));

        assertThat(parameters.get("size").path("type").asString()).isEqualTo("integer");
        assertThat(parameters.get("size").path("maximum").asInt()).isEqualTo(200);
        assertThat(parameters.get("page").path("type").asString()).isEqualTo("integer");
        assertThat(parameters.get("breached").path("type").asString()).isEqualTo("boolean");
        assertThat(texts(parameters.get("itemType").path("enum"))).isEqualTo(Codes.names(ItemType.class));
    }

    @Test
    void jsonIsSaidToBeJson() {
        assertThat(document.toString()).doesNotContain("\"*/*\"");
    }

    @Test
    void theDocsNeedNoKeyInAnyForm() {
        assertThat(http.get("/v3/api-docs.yaml", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs/swagger-config", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs.yaml", "not-a-key").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/work-items", null).status()).isEqualTo(401);
    }
}
