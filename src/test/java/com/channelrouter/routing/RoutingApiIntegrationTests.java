package com.channelrouter.routing;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing API over real HTTP: authorization, validation and error bodies, registry, idempotency, reading items. */
@IntegrationTest
class RoutingApiIntegrationTests {

    private static final String ROUTINGS = "/api/v1/routings";
    private static final String EVALUATE = "/api/v1/routings/evaluate";
    private static final String HOTLINE = "dev-group-hotline";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    static ObjectNode lead(String customerId) {
        ObjectNode request = TestHttp.JSON.createObjectNode();
        request.put("itemType", "LEAD").put("sourceChannel", "GROUP_HOTLINE").put("occurredAt", "2026-11-20T01:15:00Z")
                .put("productCode", "DEDICATED_LINE");
        request.putObject("customer").put("id", customerId).put("customerClass", "C");
        return request;
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }

    long workItems() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item", Long.class);
    }

    void assertProblem(TestHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).endsWith("/" + type);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asString()).isNotBlank();
        assertThat(response.body().get("detail").asString()).isNotBlank();
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    List<String> errorFields(TestHttp.Response response) {
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Nested
    class Authorization {

        @Test
        void requestWithoutKeyIsUnauthenticated() {
            assertProblem(http.post(ROUTINGS, null, lead("X-1")), 401, "unauthenticated");
            assertProblem(http.get("/api/v1/work-items/whatever", null), 401, "unauthenticated");
        }

        @Test
        void unknownKeyIsUnauthenticated() {
            assertProblem(http.post(EVALUATE, "not-a-key", lead("X-1")), 401, "unauthenticated");
        }

        /** Two keys are two callers: neither acts, whichever comes first. */
        @Test
        void twoKeysInOneRequestAreUnauthenticated() {
            assertProblem(http.get("/api/v1/decision-tables", "dev-table-owner", Map.of("X-API-Key", "dev-website")), 401, "unauthenticated");
            assertProblem(http.get("/api/v1/decision-tables", "dev-website", Map.of("X-API-Key", "dev-table-owner")), 401, "unauthenticated");
            assertThat(http.get("/api/v1/decision-tables", "dev-website", Map.of("X-API-Key", "dev-table-owner")).body().get("detail")
                    .asString()).contains("Send one X-API-Key header");
            assertThat(http.get("/actuator/health", "dev-website", Map.of("X-API-Key", "dev-table-owner")).status()).isEqualTo(200);
        }

        /** A URL the security firewall refuses (a ";" in a path segment) is answered as every other error. */
        @Test
        void aUrlTheFirewallRefusesIsProblemJson() {
            assertProblem(http.get("/api/v1/work-items/a;b=c", "dev-admin"), 400, "invalid-request");
        }

        @Test
        void keyWithoutRouterRoleIsForbidden() {
            long before = workItems();
            assertProblem(http.post(ROUTINGS, "dev-table-owner", lead("X-1")), 403, "forbidden");
            assertProblem(http.post(EVALUATE, "dev-table-owner", lead("X-1")), 403, "forbidden");
            assertThat(workItems()).isEqualTo(before);
        }

        @Test
        void channelBindingComesBeforeTheBodysOtherFaults() {
            ObjectNode thinFromWebsite = TestHttp.JSON.createObjectNode().put("itemType", "LEAD").put("sourceChannel", "WEBSITE");
            assertProblem(http.post(ROUTINGS, HOTLINE, thinFromWebsite), 403, "forbidden");
            assertProblem(http.post(EVALUATE, HOTLINE, thinFromWebsite), 403, "forbidden");
        }

        @Test
        void aWrongKeyOnAPublicPathIsIgnored() {
            assertThat(http.get("/actuator/health", "nonsense").status()).isEqualTo(200);
        }

        @Test
        void qaMayEvaluate() {
            assertThat(http.post(EVALUATE, "dev-qa", lead("X-1")).status()).isEqualTo(200);
        }

        @Test
        void channelKeyMayOnlySubmitItsOwnSource() {
            ObjectNode fromWebsite = lead("X-2").put("sourceChannel", "WEBSITE");
            long before = workItems();

            TestHttp.Response response = http.post(ROUTINGS, HOTLINE, fromWebsite);

            assertProblem(response, 403, "forbidden");
            assertThat(response.body().get("detail").asString()).contains("GROUP_HOTLINE").contains("WEBSITE");
            assertThat(workItems()).isEqualTo(before);
            assertThat(http.post(ROUTINGS, "dev-website", fromWebsite).status()).isEqualTo(201);
        }

        @Test
        void healthNeedsNoKeyAndSaysUp() {
            TestHttp.Response health = http.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().toString()).isEqualTo("{\"status\":\"UP\"}");
        }

        @Test
        void infoNamesTheServedTableVersion() {
            JsonNode info = http.get("/actuator/info", "dev-admin").body();
            String version = http.post(EVALUATE, "dev-qa", lead("X-0")).body().get("tableVersion").asString();
            assertThat(info.get("decisionTables").get("version").asString()).isEqualTo(version);
        }

        @Test
        void metricsNeedAnAdminKey() {
            assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
            assertThat(http.get("/actuator/prometheus", HOTLINE).status()).isEqualTo(403);
            assertThat(http.get("/actuator/prometheus", "dev-admin").status()).isEqualTo(200);
        }

        @Test
        void requestsAreTimedWithoutAnEventPublishedForEach() {
            List<ServletRequestHandledEvent> published = new ArrayList<>();
            ApplicationListener<ServletRequestHandledEvent> listener = published::add;
            context.addApplicationListener(listener);
            try {
                assertThat(http.post(EVALUATE, "dev-qa", lead("X-M")).status()).isEqualTo(200);

                assertThat(http.get("/actuator/prometheus", "dev-admin").raw().body())
                        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/routings/evaluate\"");
                assertThat(published).as("spring.mvc.publish-request-handled-events").isEmpty();
            } finally {
                context.removeApplicationListener(listener); // the context is shared with the other tests
            }
        }
    }

    @Nested
    class Validation {

        @Test
        void missingRequiredFieldsAreListedTogether() {
            long before = workItems();
            TestHttp.Response response = http.post(ROUTINGS, "dev-qa", Map.of("customer", Map.of()));

            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).contains("itemType", "sourceChannel", "customer.id");
            assertThat(workItems()).isEqualTo(before);
        }

        @Test
        void unknownCodesNameTheAllowedOnes() {
            ObjectNode request = lead("X-3").put("sourceChannel", "CARRIER_PIGEON").put("itemType", "COMPLAINT");
            ((ObjectNode) request.get("customer")).put("customerClass", "E");

            TestHttp.Response response = http.post(EVALUATE, "dev-qa", request);

            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactlyInAnyOrder("sourceChannel", "itemType", "customer.customerClass");
            assertThat(response.raw().body()).contains("LEAD, ALERT, FAULT").contains("A, B, C, D, POTENTIAL");
        }

        @Test
        void opportunityLeadNeedsAProductButAClueDoesNot() {
            ObjectNode opportunity = lead("X-4");
            opportunity.remove("productCode");
            TestHttp.Response response = http.post(EVALUATE, "dev-qa", opportunity);
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactly("productCode");

            ObjectNode clue = opportunity.deepCopy().put("leadStage", "CLUE");
            assertThat(http.post(EVALUATE, "dev-qa", clue).status()).isEqualTo(200);
        }

        @Test
        void faultNeedsACategory() {
            ObjectNode fault = lead("X-5").put("itemType", "FAULT");
            TestHttp.Response response = http.post(EVALUATE, "dev-qa", fault);
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactly("faultCategory");
        }

        @Test
        void productOutsideTheCatalogueIsRefused() {
            TestHttp.Response response = http.post(EVALUATE, "dev-qa", lead("X-6").put("productCode", "PIGEON_POST"));
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactly("productCode");
            assertThat(response.raw().body()).contains("DEDICATED_LINE");
        }

        @Test
        void arrivalsOutsideTheYears2000To2199AreRefused() {
            for (String when : List.of("1999-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z")) {
                TestHttp.Response response = http.post(EVALUATE, "dev-qa", lead("X-23").put("occurredAt", when));
                assertProblem(response, 400, "invalid-request");
                assertThat(errorFields(response)).containsExactly("occurredAt");
            }
        }

        @Test
        void timeWithoutOffsetIsRefused() {
            TestHttp.Response response = http.post(EVALUATE, "dev-qa", lead("X-7").put("occurredAt", "2026-11-20T09:15:00"));
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactly("occurredAt");
        }

        @Test
        void wrongJsonTypeNamesTheField() {
            ObjectNode request = lead("X-8");
            request.put("customer", "GC-0001");
            TestHttp.Response response = http.post(EVALUATE, "dev-qa", request);
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactly("customer");
        }

        @Test
        void numbersAndBooleansAreNotText() {
            ObjectNode request = lead("X-20").put("externalId", true);
            ((ObjectNode) request.get("customer")).put("accountManagerId", 17);

            TestHttp.Response response = http.post(EVALUATE, "dev-qa", request);

            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsAnyOf("externalId", "customer.accountManagerId");
        }

        @Test
        void aBodyThatIsNotAnObjectIsTheWrongType() {
            TestHttp.Response response = http.post(EVALUATE, "dev-qa", "[]");
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactly("body");
        }

        /** A field given twice could be read either way: refused, naming it, rather than the last one taken. */
        @Test
        void aFieldGivenTwiceIsRefusedAndNamed() {
            long before = workItems();
            String twice = lead("X-22").toString().replaceFirst("\\{", "{\"itemType\":\"FAULT\",");

            TestHttp.Response evaluated = http.post(EVALUATE, "dev-qa", twice);
            TestHttp.Response routed = http.post(ROUTINGS, HOTLINE, twice);

            assertProblem(evaluated, 400, "invalid-request");
            assertThat(errorFields(evaluated)).containsExactly("itemType");
            assertProblem(routed, 400, "invalid-request");
            assertThat(workItems()).isEqualTo(before);
        }

        @Test
        void oversizedBodiesAreRefusedBeforeTheyAreRead() {
            ObjectNode huge = lead("X-21").put("description", "x".repeat(200_000));
            assertProblem(http.post(ROUTINGS, HOTLINE, huge), 413, "payload-too-large");
            assertProblem(http.post("/api/v1/%72outings/evaluate", "dev-qa", huge), 413, "payload-too-large");
        }

        @Test
        void unknownEndpointsAndMethodsAreProblemsToo() {
            assertProblem(http.get("/api/v1/nowhere", "dev-admin"), 404, "not-found");
            assertProblem(http.get(ROUTINGS, "dev-admin"), 405, "method-not-allowed");
            assertProblem(http.post(EVALUATE, "dev-qa", lead("X-22"), Map.of("Content-Type", "text/plain")), 415,
                    "unsupported-media-type");
        }

        @Test
        void malformedJsonIsRefused() {
            long before = workItems();
            assertProblem(http.post(ROUTINGS, HOTLINE, "{\"itemType\": "), 400, "malformed-json");
            assertThat(workItems()).isEqualTo(before);
        }

        @Test
        void alertForAProspectIsNotRoutableAndStoresNothing() {
            ObjectNode alert = lead("X-9").put("itemType", "ALERT");
            ((ObjectNode) alert.get("customer")).put("customerClass", "POTENTIAL");
            long before = workItems();

            TestHttp.Response response = http.post(ROUTINGS, HOTLINE, alert);

            assertProblem(response, 422, "unroutable-item");
            assertThat(errorFields(response)).containsExactly("customer.customerClass");
            assertThat(workItems()).isEqualTo(before);
        }

        @Test
        void faultForACustomerNobodyKnowsIsNotRoutable() {
            ObjectNode fault = lead("NOBODY-" + unique()).put("itemType", "FAULT").put("faultCategory", "NETWORK");
            ((ObjectNode) fault.get("customer")).remove("customerClass");
            assertProblem(http.post(EVALUATE, "dev-qa", fault), 422, "unroutable-item");
        }
    }

    @Nested
    class Decisions {

        String registered(String customerClass, String accountManagerId) {
            String id = "REG-" + unique();
            Map<String, String> customer = new java.util.HashMap<>(Map.of("id", id, "customerClass", customerClass));
            if (accountManagerId != null) {
                customer.put("accountManagerId", accountManagerId);
            }
            assertThat(http.post("/api/v1/customers/bulk", "dev-admin", List.of(customer)).status()).isEqualTo(200);
            return id;
        }

        @Test
        void missingCustomerFieldsComeFromTheRegistry() {
            ObjectNode request = lead(registered("A", "AM-17"));
            ((ObjectNode) request.get("customer")).remove("customerClass");

            JsonNode decision = http.post(EVALUATE, "dev-qa", request).body();

            assertThat(decision.get("customerClass").asString()).isEqualTo("A");
            assertThat(decision.get("accountManagerTagged").asBoolean()).isTrue();
            assertThat(decision.get("routingRule").asString()).isEqualTo("L1");
            assertThat(decision.get("assistChannels").toString()).isEqualTo("[\"EXPERIENCE_HALL\"]");
            assertThat(decision.get("explanation").get(0).asString()).contains("from the customer registry");
        }

        @Test
        void theRegistrysAccountManagerIdsStayInTheRegistry() {
            ObjectNode request = lead(registered("C", "AM-SECRET-42"));
            ((ObjectNode) request.get("customer")).remove("customerClass");

            JsonNode decision = http.post(EVALUATE, "dev-qa", request).body();

            assertThat(decision.get("accountManagerTagged").asBoolean()).isTrue();
            assertThat(decision.toString()).doesNotContain("AM-SECRET-42");
        }

        @Test
        void requestFieldsWinOverTheRegistry() {
            ObjectNode request = lead(registered("A", "AM-17"));
            ((ObjectNode) request.get("customer")).put("customerClass", "C").put("accountManagerId", "");

            JsonNode decision = http.post(EVALUATE, "dev-qa", request).body();

            assertThat(decision.get("customerClass").asString()).isEqualTo("C");
            assertThat(decision.get("accountManagerTagged").asBoolean()).isFalse();
            assertThat(decision.get("routingRule").asString()).isEqualTo("L6");
        }

        @Test
        void anOffsetInTheArrivalTimeIsNormalized() {
            JsonNode utc = http.post(EVALUATE, "dev-qa", lead("X-10").put("occurredAt", "2026-11-20T01:15:00Z")).body();
            JsonNode shanghai = http.post(EVALUATE, "dev-qa", lead("X-10").put("occurredAt", "2026-11-20T09:15:00+08:00")).body();

            assertThat(shanghai.get("occurredAt").asString()).isEqualTo("2026-11-20T01:15:00Z");
            assertThat(shanghai.get("sla")).isEqualTo(utc.get("sla"));
        }

        @Test
        void everyDecisionNamesItsRowsAndVersionAndExplainsItself() {
            JsonNode decision = http.post(EVALUATE, "dev-qa", lead("X-11")).body();

            assertThat(decision.get("tableVersion").asString()).matches("[0-9a-f]{12}");
            assertThat(decision.get("matchedRows").get(0).get("rule").asString()).isEqualTo(decision.get("routingRule").asString());
            assertThat(decision.get("matchedRows").get(0).get("sheet").asString()).isEqualTo("Routing LEAD");
            assertThat(decision.get("matchedRows").get(1).get("rule").asString()).isEqualTo(decision.get("sla").get("rule").asString());
            assertThat(decision.get("explanation").toString()).contains("L6").contains("S7").contains(decision.get("tableVersion").asString());
        }

        @Test
        void evaluateStoresNothing() {
            long before = workItems();
            http.post(EVALUATE, HOTLINE, lead("X-12").put("externalId", "EVAL-" + unique()));
            assertThat(workItems()).isEqualTo(before);
        }
    }

    @Nested
    class Idempotency {

        Map<String, String> key(String value) {
            return Map.of("Idempotency-Key", value);
        }

        @Test
        void repeatWithTheSameKeyReturnsTheEarlierDecision() {
            String key = unique();
            TestHttp.Response first = http.post(ROUTINGS, HOTLINE, lead("I-1"), key(key));
            long after = workItems();

            TestHttp.Response repeat = http.post(ROUTINGS, HOTLINE, lead("I-1"), key(key));

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(repeat.status()).isEqualTo(201);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
            assertThat(repeat.body()).isEqualTo(first.body());
            assertThat(workItems()).isEqualTo(after);
        }

        @Test
        void theAnswerIsTheStoredJsonInUtf8AndARepeatGetsTheSameBytes() {
            String key = unique();
            TestHttp.Response first = http.post(ROUTINGS, HOTLINE, lead("I-8"), key(key));
            TestHttp.Response repeat = http.post(ROUTINGS, HOTLINE, lead("I-8"), key(key));

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.contentType()).startsWith("application/json");
            assertThat(first.raw().body()).contains("DEDICATED_LINE (专线)");
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.contentType()).startsWith("application/json");
            assertThat(repeat.raw().body()).isEqualTo(first.raw().body());
        }

        @Test
        void sendingADefaultExplicitlyIsTheSameRequest() {
            String key = unique();
            TestHttp.Response first = http.post(ROUTINGS, HOTLINE, lead("I-7"), key(key));
            TestHttp.Response explicit = http.post(ROUTINGS, HOTLINE, lead("I-7").put("leadStage", "OPPORTUNITY"), key(key));

            assertThat(explicit.status()).isEqualTo(201);
            assertThat(explicit.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(explicit.header("Location")).isEqualTo(first.header("Location"));
        }

        @Test
        void sameKeyWithAnotherBodyIsRefused() {
            String key = unique();
            http.post(ROUTINGS, HOTLINE, lead("I-2"), key(key));
            long after = workItems();

            TestHttp.Response response = http.post(ROUTINGS, HOTLINE, lead("I-2").put("productCode", "VPMN"), key(key));

            assertProblem(response, 422, "idempotency-key-reused");
            assertThat(workItems()).isEqualTo(after);
        }

        @Test
        void keysBelongToTheirClient() {
            String key = unique();
            ObjectNode request = lead("I-3");
            TestHttp.Response mine = http.post(ROUTINGS, "dev-qa", request, key(key));
            TestHttp.Response theirs = http.post(ROUTINGS, HOTLINE, request, key(key));

            assertThat(theirs.status()).isEqualTo(201);
            assertThat(theirs.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(theirs.header("Location")).isNotEqualTo(mine.header("Location"));
        }

        @Test
        void sameExternalIdFromTheSameSourceIsTheSameItem() {
            ObjectNode request = lead("I-4").put("externalId", "HL-" + unique());
            TestHttp.Response first = http.post(ROUTINGS, HOTLINE, request);
            long after = workItems();

            TestHttp.Response repeat = http.post(ROUTINGS, HOTLINE, request, key(unique()));
            TestHttp.Response changed = http.post(ROUTINGS, HOTLINE, request.deepCopy().put("productCode", "VPMN"));

            assertThat(repeat.status()).isEqualTo(201);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.body().get("workItemId")).isEqualTo(first.body().get("workItemId"));
            assertProblem(changed, 422, "idempotency-key-reused");
            assertThat(workItems()).isEqualTo(after);
        }

        /**
         * A key first used on a repeat of an external id has that item as its first answer: it replays it, and
         * refuses another body, as any key does (found by the durability review, across two instances).
         */
        @Test
        void aKeyFirstUsedOnARepeatOfAnExternalIdIsThatItemsKey() {
            ObjectNode request = lead("I-9").put("externalId", "HL-" + unique());
            TestHttp.Response first = http.post(ROUTINGS, HOTLINE, request, key(unique()));
            String second = unique();
            TestHttp.Response repeat = http.post(ROUTINGS, HOTLINE, request, key(second));
            long after = workItems();

            TestHttp.Response another = http.post(ROUTINGS, HOTLINE, lead("I-10").put("externalId", "HL-" + unique()), key(second));
            TestHttp.Response retried = http.post(ROUTINGS, HOTLINE, request, key(second));

            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertProblem(another, 422, "idempotency-key-reused");
            assertThat(workItems()).as("nothing new stored under the key").isEqualTo(after);
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retried.body().get("workItemId")).isEqualTo(first.body().get("workItemId"));
        }

        @Test
        void twelveSimultaneousRepeatsCreateExactlyOneItem() throws Exception {
            String key = unique();
            ObjectNode request = lead("I-5").put("externalId", "HL-" + unique());
            long before = workItems();
            Set<String> locations = new HashSet<>();
            int created = 0;
            for (TestHttp.Response response : Simultaneously.repeat(12, () -> http.post(ROUTINGS, HOTLINE, request, key(key)))) {
                assertThat(response.status()).as(response.raw().body()).isIn(201, 409);
                if (response.status() == 201) {
                    created++;
                    locations.add(response.header("Location"));
                }
            }

            assertThat(created).isPositive();
            assertThat(locations).hasSize(1);
            assertThat(workItems()).isEqualTo(before + 1);
        }

        @Test
        void overlongKeyIsRefused() {
            assertProblem(http.post(ROUTINGS, HOTLINE, lead("I-6"), key("k".repeat(256))), 400, "invalid-request");
        }
    }

    @Nested
    class WorkItems {

        @Test
        void ownerAndSourceReadTheItemOthersDoNotSeeIt() {
            ObjectNode fault = lead("W-1").put("itemType", "FAULT").put("faultCategory", "NETWORK");
            String location = http.post(ROUTINGS, HOTLINE, fault).header("Location");

            assertThat(http.get(location, "dev-network-maintenance").status()).isEqualTo(200);
            assertThat(http.get(location, HOTLINE).status()).isEqualTo(200);
            assertThat(http.get(location, "dev-operations-center").status()).as("dispatcher").isEqualTo(200);
            assertThat(http.get(location, "dev-admin").status()).isEqualTo(200);
            assertProblem(http.get(location, "dev-billing-support"), 404, "not-found");
            assertProblem(http.get(location, "dev-website"), 404, "not-found");
        }

        @Test
        void unknownItemIsNotFound() {
            assertProblem(http.get("/api/v1/work-items/" + unique(), "dev-admin"), 404, "not-found");
        }

        @Test
        void itemShowsRequestDecisionDeadlinesAndHistory() {
            ObjectNode request = lead("W-2").put("externalId", "HL-" + unique());
            TestHttp.Response routed = http.post(ROUTINGS, HOTLINE, request);

            JsonNode item = http.get(routed.header("Location"), HOTLINE).body();

            assertThat(item.get("workItemId")).isEqualTo(routed.body().get("workItemId"));
            assertThat(item.get("status").asString()).isEqualTo("ROUTED");
            assertThat(item.get("ownerChannel").asString()).isEqualTo("CORE_AGENT");
            assertThat(item.get("sourceChannel").asString()).isEqualTo("GROUP_HOTLINE");
            assertThat(item.get("request").get("externalId")).isEqualTo(request.get("externalId"));
            assertThat(item.get("decision")).isEqualTo(routed.body());
            assertThat(item.get("sla").get("responseDueAt")).isEqualTo(routed.body().get("sla").get("responseDueAt"));
            JsonNode routedEvent = item.get("history").get(0);
            assertThat(routedEvent.get("type").asString()).isEqualTo("ROUTED");
            assertThat(routedEvent.get("channel").asString()).isEqualTo("CORE_AGENT");
            assertThat(routedEvent.get("actor").asString()).isEqualTo(HOTLINE);
            assertThat(routedEvent.get("at").asString()).isNotBlank();
        }

        @Test
        void overdueUnclaimedItemShowsItsResponseBreached() {
            ObjectNode longAgo = lead("W-3").put("occurredAt", "2026-01-05T01:00:00Z");
            JsonNode item = http.get(http.post(ROUTINGS, HOTLINE, longAgo).header("Location"), HOTLINE).body();

            assertThat(item.get("sla").get("responseMet").asBoolean()).isFalse();
            assertThat(item.get("sla").get("resolveMet").asBoolean()).isFalse();
            assertThat(item.get("sla").get("dispatchMet").isNull()).as("no second transfer, no dispatch deadline").isTrue();
        }

        @Test
        void itemNotYetDueHasNoVerdict() {
            ObjectNode future = lead("W-4").put("occurredAt", "2099-01-05T01:00:00Z");
            JsonNode item = http.get(http.post(ROUTINGS, HOTLINE, future).header("Location"), HOTLINE).body();

            assertThat(item.get("sla").get("responseMet").isNull()).isTrue();
        }

        @Test
        void secondTransferWaitsForDispatchWithADeadline() {
            ObjectNode untaggedA = lead("W-5");
            ((ObjectNode) untaggedA.get("customer")).put("customerClass", "A");
            JsonNode item = http.get(http.post(ROUTINGS, HOTLINE, untaggedA).header("Location"), "dev-operations-center").body();

            assertThat(item.get("status").asString()).isEqualTo("AWAITING_DISPATCH");
            assertThat(item.get("ownerChannel").asString()).isEqualTo("OPERATIONS_CENTER");
            assertThat(item.get("sla").get("dispatchDueAt").asString()).isEqualTo("2026-11-20T02:15:00Z");
        }
    }
}
