package com.channelrouter.workitem;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The life of a work item through real HTTP: who may do what, in which status, with what history. */
@IntegrationTest
class WorkItemLifecycleIntegrationTests {

    static final String HOTLINE = "dev-group-hotline";
    static final String NETWORK = "dev-network-maintenance";
    static final String OPERATIONS = "dev-operations-center";

    @LocalServerPort
    int port;

    @Autowired
    BreachDetector breachDetector;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    static ObjectNode fault(String category, String occurredAt) {
        ObjectNode request = TestHttp.JSON.createObjectNode();
        request.put("itemType", "FAULT").put("sourceChannel", "GROUP_HOTLINE").put("occurredAt", occurredAt)
                .put("productCode", "VPMN").put("faultCategory", category).put("externalId", "HL-" + UUID.randomUUID());
        request.putObject("customer").put("id", "GC-" + UUID.randomUUID()).put("customerClass", "C").put("accountManagerId", "");
        return request;
    }

    /** A NETWORK fault routed to NETWORK_MAINTENANCE from the group hotline; returns the item's path. */
    String networkFault() {
        return route(fault("NETWORK", "2099-01-05T01:00:00Z"));
    }

    /** An UNKNOWN fault, waiting for the operations centre to dispatch it. */
    String faultAwaitingDispatch() {
        return route(fault("UNKNOWN", "2099-01-05T01:00:00Z"));
    }

    String route(ObjectNode request) {
        TestHttp.Response routed = http.post("/api/v1/routings", HOTLINE, request);
        assertThat(routed.status()).as(routed.raw().body()).isEqualTo(201);
        return routed.header("Location");
    }

    TestHttp.Response act(String item, String action, String key, Object body) {
        return http.post(item + "/" + action, key, body == null ? "" : body);
    }

    JsonNode read(String item) {
        return http.get(item, "dev-admin").body();
    }

    List<String> history(String item, String field) {
        List<String> values = new ArrayList<>();
        read(item).get("history").forEach(e -> values.add(e.get(field).isNull() ? null : e.get(field).asString()));
        return values;
    }

    @Nested
    class Access {

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({
                "dev-network-maintenance, claim, 200",
                "dev-group-hotline, claim, 403",
                "dev-operations-center, claim, 403",
                "dev-admin, claim, 403",
                "dev-billing-support, claim, 404",
                "dev-qa, claim, 404",
                "dev-network-maintenance, return, 200",
                "dev-group-hotline, return, 403",
                "dev-operations-center, return, 403",
                "dev-billing-support, return, 404",
                "dev-network-maintenance, close, 200",
                "dev-group-hotline, close, 403",
                "dev-operations-center, close, 403",
                "dev-admin, close, 403",
                "dev-website, close, 404",
                "dev-operations-center, dispatch, 200",
                "dev-admin, dispatch, 200",
                "dev-group-hotline, dispatch, 403",
                "dev-network-maintenance, dispatch, 404",
                "dev-qa, dispatch, 404",
        })
        void onlyTheOwnerOrADispatcherActsAndOthersDoNotSeeTheItem(String key, String action, int expected) {
            String item = action.equals("dispatch") ? faultAwaitingDispatch() : networkFault();
            if (action.equals("close")) {
                assertThat(act(item, "claim", NETWORK, null).status()).isEqualTo(200);
            }
            String statusBefore = read(item).get("status").asString();
            Object body = switch (action) {
                case "return" -> Map.of("reason", "not ours");
                case "close" -> Map.of("outcome", "fixed");
                case "dispatch" -> Map.of("toChannel", "NETWORK_MAINTENANCE");
                default -> null;
            };

            TestHttp.Response response = act(item, action, key, body);

            assertThat(response.status()).as(response.raw().body()).isEqualTo(expected);
            if (expected != 200) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(read(item).get("status").asString()).as("a refused move changes nothing").isEqualTo(statusBefore);
            }
        }

        @ParameterizedTest(name = "{0} {1} with a bad body -> {2}")
        @CsvSource({
                "dev-group-hotline, return, 403",
                "dev-billing-support, return, 404",
                "dev-group-hotline, close, 403",
                "dev-website, close, 404",
                "dev-group-hotline, dispatch, 403",
                "dev-network-maintenance, dispatch, 404",
                "dev-network-maintenance, return, 400",
                "dev-operations-center, dispatch, 400",
        })
        void whoMayMoveIsJudgedBeforeWhatTheySent(String key, String action, int expected) {
            String item = action.equals("dispatch") ? faultAwaitingDispatch() : networkFault();
            Object body = action.equals("dispatch") ? Map.of("toChannel", "NOPE") : Map.of();

            TestHttp.Response response = act(item, action, key, body);

            assertThat(response.status()).as(response.raw().body()).isEqualTo(expected);
            if (expected == 400) {
                assertThat(response.body().get("errors").get(0).get("field").asString())
                        .isEqualTo(action.equals("dispatch") ? "toChannel" : "reason");
            }
        }

        @Test
        void aBodyThatCannotBeReadIsJudgedAfterTheKeyToo() {
            String item = networkFault();

            assertThat(act(item, "return", HOTLINE, null).status()).as("no body, a key that may not move it").isEqualTo(403);
            assertThat(act(item, "return", "dev-billing-support", "null").status()).as("a key that may not see it").isEqualTo(404);
            assertThat(act(item, "close", HOTLINE, "{not json").status()).isEqualTo(403);

            TestHttp.Response noBody = act(item, "return", NETWORK, null);
            TestHttp.Response notJson = act(item, "return", NETWORK, "{not json");
            TestHttp.Response wrongType = act(item, "return", NETWORK, Map.of("reason", Map.of("a", 1)));
            TestHttp.Response unknownField = act(item, "return", NETWORK, Map.of("reason", "not ours", "mood", "sad"));

            assertThat(noBody.status()).isEqualTo(400);
            assertThat(noBody.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.body().get("type").asString()).endsWith("/malformed-json");
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
            assertThat(unknownField.status()).as("unknown fields are ignored, as in every request").isEqualTo(200);
        }

        @Test
        void aMovesBodyIsReadAsJsonIsAnywhere() {
            String item = networkFault();
            byte[] gbk = "{\"reason\":\"客户要求改约\"}".getBytes(Charset.forName("GBK"));
            byte[] utf8 = "{\"reason\":\"客户要求改约\"}".getBytes(StandardCharsets.UTF_8);
            byte[] withByteOrderMark = new byte[utf8.length + 3];
            withByteOrderMark[0] = (byte) 0xef;
            withByteOrderMark[1] = (byte) 0xbb;
            withByteOrderMark[2] = (byte) 0xbf;
            System.arraycopy(utf8, 0, withByteOrderMark, 3, utf8.length);

            assertThat(http.postBytes(item + "/return", NETWORK, "application/json", gbk).status())
                    .as("bytes that are not UTF-8 are refused, never stored garbled").isEqualTo(400);
            assertThat(http.postBytes(item + "/return", NETWORK, "text/plain", utf8).status()).isEqualTo(415);
            assertThat(http.postBytes(item + "/return", HOTLINE, "text/plain", utf8).status()).as("the key first").isEqualTo(403);
            assertThat(http.postBytes(item + "/return", NETWORK, "application/json", withByteOrderMark).status()).isEqualTo(200);
            assertThat(history(item, "reason")).last().isEqualTo("客户要求改约");
        }

        @Test
        void aMoveInAnotherDeclaredCharsetIsReadInIt() {
            String item = networkFault();
            byte[] gbk = "{\"reason\":\"客户要求改约\"}".getBytes(Charset.forName("GBK"));

            assertThat(http.postBytes(item + "/return", NETWORK, "application/json; charset=GBK", gbk).status()).isEqualTo(200);
            assertThat(history(item, "reason")).last().isEqualTo("客户要求改约");
        }

        @ParameterizedTest(name = "{0} reads -> {1}")
        @CsvSource({"dev-network-maintenance, 200", "dev-group-hotline, 200", "dev-operations-center, 200", "dev-admin, 200",
                "dev-billing-support, 404", "dev-account-manager, 404", "dev-qa, 404", "dev-table-owner, 404"})
        void readingFollowsOwnershipAndSource(String key, int expected) {
            assertThat(http.get(networkFault(), key).status()).isEqualTo(expected);
        }

        @Test
        void noKeyNoMove() {
            assertThat(act(networkFault(), "claim", null, null).status()).isEqualTo(401);
            assertThat(act(networkFault(), "claim", "forged-key", null).status()).isEqualTo(401);
        }

        @Test
        void ownerSeesWhatItMayDoNow() {
            String item = networkFault();
            assertThat(http.get(item, NETWORK).body().get("allowedActions").toString()).isEqualTo("[\"CLAIM\",\"RETURN\"]");
            assertThat(http.get(item, HOTLINE).body().get("allowedActions").toString()).isEqualTo("[]");
        }
    }

    @Nested
    class Transitions {

        @Test
        void twelveSimultaneousClaimsHaveExactlyOneWinner() throws Exception {
            String item = networkFault();
            List<Integer> statuses = Simultaneously.repeat(12, () -> act(item, "claim", NETWORK, null).status());
            int threads = statuses.size();

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
            assertThat(history(item, "type")).containsExactly("ROUTED", "CLAIMED");
        }

        @Test
        void simultaneousClaimsAndReturnsLeaveOneConsistentHistory() throws Exception {
            String item = networkFault();
            List<Callable<TestHttp.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(i % 2 == 0 ? () -> act(item, "claim", NETWORK, null)
                        : () -> act(item, "return", NETWORK, Map.of("reason", "not ours")));
            }
            int moved = 0;
            for (TestHttp.Response response : Simultaneously.run(attempts)) {
                // 404 once a return has taken the item away from NETWORK_MAINTENANCE
                assertThat(response.status()).isIn(200, 404, 409);
                moved += response.status() == 200 ? 1 : 0;
            }

            List<String> moves = history(item, "type").subList(1, history(item, "type").size());
            assertThat(moves).as("every accepted move recorded once, in an order the lifecycle allows")
                    .isIn(List.of("CLAIMED"), List.of("RETURNED"), List.of("CLAIMED", "RETURNED"));
            assertThat(moved).isEqualTo(moves.size());
        }

        @Test
        void fullLifeWithASecondTransferAReturnAndARedispatch() {
            ObjectNode untaggedA = fault("UNKNOWN", "2099-01-05T01:00:00Z");
            String item = route(untaggedA);
            assertThat(read(item).get("status").asString()).isEqualTo("AWAITING_DISPATCH");

            assertThat(act(item, "dispatch", NETWORK, Map.of("toChannel", "ACCOUNT_MANAGER")).status()).as("not a dispatcher").isEqualTo(404);
            assertThat(act(item, "dispatch", HOTLINE, Map.of("toChannel", "ACCOUNT_MANAGER")).status()).as("source, not a dispatcher").isEqualTo(403);
            TestHttp.Response unknown = act(item, "dispatch", OPERATIONS, Map.of("toChannel", "CARRIER_PIGEON"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.raw().body()).contains("toChannel").contains("ACCOUNT_MANAGER");

            JsonNode dispatched = act(item, "dispatch", OPERATIONS, Map.of("toChannel", "ACCOUNT_MANAGER")).body();
            assertThat(dispatched.get("status").asString()).isEqualTo("ROUTED");
            assertThat(dispatched.get("ownerChannel").asString()).isEqualTo("ACCOUNT_MANAGER");
            assertThat(dispatched.get("sla").get("dispatchMet").asBoolean()).isTrue();

            assertThat(act(item, "claim", "dev-account-manager", null).status()).isEqualTo(200);
            TestHttp.Response noReason = act(item, "return", "dev-account-manager", Map.of());
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.raw().body()).contains("reason");

            JsonNode returned = act(item, "return", "dev-account-manager", Map.of("reason", "no account manager for this customer")).body();
            assertThat(returned.get("status").asString()).isEqualTo("AWAITING_DISPATCH");
            assertThat(returned.get("ownerChannel").asString()).isEqualTo("OPERATIONS_CENTER");
            assertThat(returned.get("sla").get("dispatchDueAt").asString())
                    .isNotEqualTo(dispatched.get("sla").get("dispatchDueAt").asString());
            assertThat(returned.get("sla").get("dispatchMet").isNull()).as("new dispatch deadline, not yet due").isTrue();
            assertThat(Instant.parse(returned.get("sla").get("dispatchDueAt").asString()).getNano())
                    .as("to the second, as the escalation steps timed from it").isZero();
            assertThat(http.get(item, "dev-account-manager").status()).as("no longer its item").isEqualTo(404);

            assertThat(act(item, "dispatch", OPERATIONS, Map.of("toChannel", "CORE_AGENT", "reason", "the core agents cover untagged A"))
                    .status()).isEqualTo(200);
            assertThat(act(item, "claim", "dev-core-agent", null).status()).isEqualTo(200);
            assertThat(act(item, "close", HOTLINE, Map.of("outcome", "done")).status()).as("source may not close").isEqualTo(403);
            assertThat(act(item, "close", "dev-core-agent", Map.of()).status()).as("an outcome is required").isEqualTo(400);
            JsonNode closed = act(item, "close", "dev-core-agent", Map.of("outcome", "fault cleared on site")).body();

            assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.get("outcome").asString()).isEqualTo("fault cleared on site");
            assertThat(closed.get("sla").get("responseMet").asBoolean()).isTrue();
            assertThat(closed.get("sla").get("resolveMet").asBoolean()).isTrue();
            assertThat(history(item, "type")).containsExactly("ROUTED", "DISPATCHED", "CLAIMED", "RETURNED", "DISPATCHED",
                    "CLAIMED", "CLOSED");
            assertThat(history(item, "channel")).containsExactly("OPERATIONS_CENTER", "ACCOUNT_MANAGER", "ACCOUNT_MANAGER",
                    "ACCOUNT_MANAGER", "CORE_AGENT", "CORE_AGENT", "CORE_AGENT");
            assertThat(history(item, "actor")).containsExactly(HOTLINE, OPERATIONS, "dev-account-manager", "dev-account-manager",
                    OPERATIONS, "dev-core-agent", "dev-core-agent");
            assertThat(history(item, "reason")).contains("no account manager for this customer", "the core agents cover untagged A",
                    "fault cleared on site");
            assertThat(history(item, "at")).as("the history never goes back in time").isSortedAccordingTo(
                    (a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
        }

        @Test
        void illegalMovesSayTheStatusAndWhatIsAllowed() {
            String item = networkFault();
            TestHttp.Response closeUnclaimed = act(item, "close", NETWORK, Map.of("outcome", "x"));
            assertThat(closeUnclaimed.status()).isEqualTo(409);
            assertThat(closeUnclaimed.body().get("detail").asString()).contains("is ROUTED").contains("only when it is CLAIMED")
                    .contains("claimed, returned");

            act(item, "claim", NETWORK, null);
            TestHttp.Response claimAgain = act(item, "claim", NETWORK, null);
            assertThat(claimAgain.status()).isEqualTo(409);
            assertThat(claimAgain.body().get("detail").asString()).contains("is CLAIMED");

            act(item, "close", NETWORK, Map.of("outcome", "fixed"));
            TestHttp.Response afterClose = act(item, "return", NETWORK, Map.of("reason", "x"));
            assertThat(afterClose.status()).isEqualTo(409);
            assertThat(afterClose.body().get("detail").asString()).contains("is CLOSED").contains("Nothing more");

            TestHttp.Response dispatchRouted = act(networkFault(), "dispatch", OPERATIONS, Map.of("toChannel", "WEBSITE"));
            assertThat(dispatchRouted.status()).isEqualTo(409);
            assertThat(dispatchRouted.body().get("detail").asString()).contains("only when it is AWAITING_DISPATCH");
        }
    }

    @Nested
    class Sla {

        @Test
        void overdueFaultIsBreachedForItsOwnerAndInvisibleToOthers() {
            String item = route(fault("NETWORK", "2026-01-05T01:00:00Z"));
            String id = read(item).get("workItemId").asString();

            assertThat(http.get(item, NETWORK).body().get("sla").get("responseMet").asBoolean()).isFalse();
            assertThat(ids(http.get("/api/v1/work-items?breached=true&size=200", NETWORK).body())).contains(id);
            assertThat(ids(http.get("/api/v1/work-items?breached=true&size=200", "dev-billing-support").body())).doesNotContain(id);
            assertThat(ids(http.get("/api/v1/work-items?breached=false&size=200", NETWORK).body())).doesNotContain(id);
        }

        @Test
        void aLateDispatchStaysLateAfterTheItemIsReturned() {
            String item = route(fault("UNKNOWN", "2026-01-05T01:00:00Z"));
            JsonNode dispatched = act(item, "dispatch", OPERATIONS, Map.of("toChannel", "NETWORK_MAINTENANCE")).body();
            assertThat(dispatched.get("sla").get("dispatchMet").asBoolean()).isFalse();

            JsonNode returned = act(item, "return", NETWORK, Map.of("reason", "not a network fault")).body();

            assertThat(returned.get("status").asString()).isEqualTo("AWAITING_DISPATCH");
            assertThat(returned.get("sla").get("dispatchMet").isNull()).as("the late dispatch is not forgotten").isFalse();
            assertThat(returned.get("sla").get("dispatchMet").asBoolean()).isFalse();
        }

        @Test
        void lateClaimStaysBreached() {
            String item = route(fault("NETWORK", "2026-01-05T01:00:00Z"));
            JsonNode claimed = act(item, "claim", NETWORK, null).body();
            assertThat(claimed.get("sla").get("responseMet").asBoolean()).isFalse();
        }

        @Test
        void overdueItemIsEscalatedOnceForEveryStepOfThePolicy() {
            String item = route(fault("NETWORK", "2026-01-05T01:00:00Z"));

            breachDetector.detect();
            breachDetector.detect();

            List<String> reasons = new ArrayList<>();
            read(item).get("history").forEach(e -> {
                if (e.get("type").asString().equals("ESCALATED")) {
                    reasons.add(e.get("reason").asString());
                }
            });
            assertThat(reasons).hasSize(6);
            assertThat(reasons).anyMatch(r -> r.contains("80% of the time to the response deadline") && r.contains("OWNER")
                    && r.contains("rule E1"));
            assertThat(reasons).anyMatch(r -> r.contains("200% of the time to the resolve deadline") && r.contains("LEADERSHIP"));
            assertThat(reasons).noneMatch(r -> r.contains("dispatch"));
        }

        /** An escalation says which deadline and who was told as fields, as the feed does; other entries leave them out. */
        @Test
        void anEscalationsDeadlineAndLevelAreFieldsOfItsHistoryEntry() {
            String item = route(fault("NETWORK", "2026-01-05T01:00:00Z"));
            breachDetector.detect();

            act(item, "claim", NETWORK, null); // a stored entry of another kind, after the escalations

            List<String> escalations = new ArrayList<>();
            List<String> others = new ArrayList<>();
            read(item).get("history").forEach(e -> {
                if (e.get("type").asString().equals("ESCALATED")) {
                    escalations.add(e.get("deadline").asString() + " " + e.get("level").asString());
                } else {
                    others.add(e.get("type").asString());
                    assertThat(e.has("deadline")).as("a %s entry", e.get("type")).isFalse();
                    assertThat(e.has("level")).as("a %s entry", e.get("type")).isFalse();
                }
            });
            assertThat(others).containsExactly("ROUTED", "CLAIMED");
            assertThat(escalations).containsExactlyInAnyOrder("RESPONSE OWNER", "RESPONSE CHANNEL_SUPERVISOR", "RESPONSE LEADERSHIP",
                    "RESOLVE OWNER", "RESOLVE CHANNEL_SUPERVISOR", "RESOLVE LEADERSHIP");
        }

        @Test
        void returnedItemIsEscalatedForItsNewDispatchWaitOnce() {
            String item = faultAwaitingDispatch();
            act(item, "dispatch", OPERATIONS, Map.of("toChannel", "ACCOUNT_MANAGER"));
            act(item, "return", "dev-account-manager", Map.of("reason", "not ours"));
            Instant muchLater = Instant.now().plus(Duration.ofDays(10));

            breachDetector.detect(muchLater);
            breachDetector.detect(muchLater);

            List<String> escalated = escalations(item);
            assertThat(escalated).isNotEmpty().allMatch(r -> r.contains("dispatch deadline"));
            assertThat(escalated).doesNotHaveDuplicates();
        }

        @Test
        void redispatchedItemIsNotEscalatedForTheWaitItEnded() {
            String item = faultAwaitingDispatch();
            act(item, "dispatch", OPERATIONS, Map.of("toChannel", "ACCOUNT_MANAGER"));
            act(item, "return", "dev-account-manager", Map.of("reason", "not ours"));
            act(item, "dispatch", OPERATIONS, Map.of("toChannel", "CORE_AGENT"));

            breachDetector.detect(Instant.now().plus(Duration.ofDays(10)));

            assertThat(escalations(item)).isEmpty();
        }

        List<String> escalations(String item) {
            List<String> reasons = new ArrayList<>();
            read(item).get("history").forEach(e -> {
                if (e.get("type").asString().equals("ESCALATED")) {
                    reasons.add(e.get("reason").asString());
                }
            });
            return reasons;
        }

        @Test
        void claimedItemIsNotEscalatedForResponse() {
            String item = route(fault("NETWORK", "2026-01-05T01:00:00Z"));
            act(item, "claim", NETWORK, null);

            breachDetector.detect();

            // the scheduled detector may have escalated the response before the claim; never after it
            List<String> afterClaim = new ArrayList<>();
            boolean claimed = false;
            for (JsonNode event : read(item).get("history")) {
                claimed |= event.get("type").asString().equals("CLAIMED");
                if (claimed && event.get("type").asString().equals("ESCALATED")) {
                    afterClaim.add(event.get("reason").asString());
                }
            }
            assertThat(afterClaim).noneMatch(r -> r.contains("response deadline"));
            assertThat(history(item, "reason")).filteredOn(r -> r != null && r.contains("resolve deadline")).hasSize(3);
        }
    }

    @Nested
    class Lists {

        @Test
        void pageIsNewestFirstWithTotal() {
            String first = networkFault();
            String second = networkFault();

            JsonNode page = http.get("/api/v1/work-items?ownerChannel=NETWORK_MAINTENANCE&size=2&page=0", NETWORK).body();

            assertThat(page.get("page").asInt()).isZero();
            assertThat(page.get("size").asInt()).isEqualTo(2);
            assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(page.get("totalExact").asBoolean()).isTrue();
            assertThat(ids(page)).containsExactly(idOf(second), idOf(first));
            assertThat(page.get("items").get(0).get("history").get(0).get("type").asString()).isEqualTo("ROUTED");
        }

        @Test
        void listedItemsAreAsGetReturnsThemWithTheirWholeHistory() {
            String claimed = networkFault();
            act(claimed, "claim", NETWORK, null);
            String closed = networkFault();
            act(closed, "claim", NETWORK, null);
            act(closed, "close", NETWORK, Map.of("outcome", "fixed"));

            JsonNode page = http.get("/api/v1/work-items?ownerChannel=NETWORK_MAINTENANCE&size=2&page=0", NETWORK).body();

            assertThat(ids(page)).containsExactly(idOf(closed), idOf(claimed));
            assertThat(page.get("items").get(0)).isEqualTo(http.get("/api/v1/work-items/" + idOf(closed), NETWORK).body());
            assertThat(page.get("items").get(1)).isEqualTo(http.get("/api/v1/work-items/" + idOf(claimed), NETWORK).body());
            assertThat(page.get("items").get(0).get("history").valueStream().map(e -> e.get("type").asString()))
                    .containsExactly("ROUTED", "CLAIMED", "CLOSED");
        }

        @Test
        void anItemStoredBeforeItsRowKeptItsRoutedEntryShowsTheStoredEntryOnce() {
            String item = networkFault();
            act(item, "claim", NETWORK, null);
            JsonNode before = read(item).get("history");
            // as V13 found such an item: its ROUTED entry a history row of its own, written first, and no routed_to
            String id = idOf(item);
            jdbc.update("UPDATE work_item SET routed_to = NULL WHERE work_item_id = ?", id);
            jdbc.update("INSERT INTO work_item_event (work_item_id, event_type, channel, actor, occurred_at) "
                            + "SELECT work_item_id, 'ROUTED', 'NETWORK_MAINTENANCE', created_by, created_at FROM work_item WHERE work_item_id = ?",
                    id);
            // first by event_id, as if written with the item
            jdbc.update("UPDATE work_item_event SET event_id = event_id - 2000000000 WHERE work_item_id = ? AND event_type = 'ROUTED'", id);

            assertThat(history(item, "type")).containsExactly("ROUTED", "CLAIMED");
            assertThat(read(item).get("history")).isEqualTo(before);
            JsonNode page = http.get("/api/v1/work-items?ownerChannel=NETWORK_MAINTENANCE&size=50&page=0", NETWORK).body();
            assertThat(page.get("items").valueStream().filter(i -> i.get("workItemId").asString().equals(id)).findFirst().orElseThrow()
                    .get("history")).isEqualTo(before);
        }

        @Test
        void filtersNarrowTheList() {
            String awaiting = faultAwaitingDispatch();
            JsonNode page = http.get("/api/v1/work-items?status=AWAITING_DISPATCH&itemType=FAULT&sourceChannel=GROUP_HOTLINE&size=200",
                    OPERATIONS).body();

            assertThat(ids(page)).contains(idOf(awaiting));
            page.get("items").forEach(i -> assertThat(i.get("status").asString()).isEqualTo("AWAITING_DISPATCH"));
            assertThat(ids(http.get("/api/v1/work-items?status=CLOSED&size=200", OPERATIONS).body())).doesNotContain(idOf(awaiting));
        }

        @Test
        void otherChannelsItemsNeverShow() {
            String item = networkFault();
            JsonNode page = http.get("/api/v1/work-items?size=200", "dev-website").body();
            assertThat(ids(page)).doesNotContain(idOf(item));
            page.get("items").forEach(i -> assertThat(List.of(i.get("ownerChannel").asString(), i.get("sourceChannel").asString()))
                    .contains("WEBSITE"));
        }

        @Test
        void badFiltersAreRefusedByName() {
            TestHttp.Response response = http.get("/api/v1/work-items?status=LOST&size=1000&breached=maybe&from=yesterday", NETWORK);
            assertThat(response.status()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).containsExactlyInAnyOrder("status", "size", "breached", "from");
        }

        /** A filter given twice is named as such, not read as one value with a comma ("ROUTED,CLAIMED" is no status). */
        @Test
        void aFilterGivenTwiceIsRefusedByName() {
            TestHttp.Response response = http.get("/api/v1/work-items?status=CLAIMED&status=ROUTED", NETWORK);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
            assertThat(response.body().get("errors").get(0).get("message").asString()).startsWith("is given 2 times");
        }

        /** An empty value is refused for every filter alike: an empty page is not page 0, as an empty ownerChannel is no channel. */
        @Test
        void anEmptyValueIsRefusedByNameForPagesAsForCodes() {
            TestHttp.Response response = http.get("/api/v1/work-items?page=&size=&ownerChannel=", NETWORK);

            assertThat(response.status()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).containsExactlyInAnyOrder("page", "size", "ownerChannel");
            for (String odd : List.of("%EF%BC%91", "%2B1", "-0")) { // full-width 1, +1
                assertThat(http.get("/api/v1/work-items?page=" + odd, NETWORK).status()).as("page=" + odd).isEqualTo(400);
            }
            JsonNode unpaged = http.get("/api/v1/work-items", NETWORK).body();
            assertThat(unpaged.get("page").asInt()).as("no page given: the first").isZero();
            assertThat(unpaged.get("size").asInt()).isEqualTo(20);
        }

        @Test
        void aTimeRangeThatEndsBeforeItStartsIsRefused() {
            TestHttp.Response response = http.get("/api/v1/work-items?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", NETWORK);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("from");
            assertThat(response.body().get("errors").get(0).get("message").asString()).startsWith("must not be after to");
            assertThat(http.get("/api/v1/work-items?from=2026-11-21T00:00:00Z&to=2026-11-21T00:00:00Z", NETWORK).status())
                    .as("an empty window, as a poller may ask").isEqualTo(200);
        }

        /** The deepest page a client may ask for is answered (empty), one page further is refused by name. */
        @Test
        void theLastPageIsAnsweredAndTheOneAfterItRefused() {
            int last = WorkItemController.LAST_PAGE;

            TestHttp.Response deepest = http.get("/api/v1/work-items?size=200&page=" + last, NETWORK);
            TestHttp.Response beyond = http.get("/api/v1/work-items?size=200&page=" + (last + 1), NETWORK);

            assertThat(deepest.status()).isEqualTo(200);
            assertThat(deepest.body().get("items")).isEmpty();
            assertThat(beyond.status()).isEqualTo(400);
            assertThat(beyond.body().get("errors").get(0).get("field").asString()).isEqualTo("page");
        }

        @Test
        void timeRangeBoundsWhenItemsWereRouted() {
            String item = networkFault();
            assertThat(ids(http.get("/api/v1/work-items?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", NETWORK).body()))
                    .doesNotContain(idOf(item));
            assertThat(ids(http.get("/api/v1/work-items?from=2000-01-01T00:00:00%2B08:00&size=200", NETWORK).body()))
                    .contains(idOf(item));
        }
    }

    String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("workItemId").asString()));
        return ids;
    }
}
