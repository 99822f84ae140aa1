package com.channelrouter.events;

import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.support.TestHttp;
import com.channelrouter.web.ForbiddenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Channel systems read what happened to their items from a feed, in order, resuming where they stopped. */
@IntegrationTest
class EventFeedIntegrationTests {

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    String routeNetworkFault() {
        ObjectNode request = TestHttp.JSON.createObjectNode();
        request.put("itemType", "FAULT").put("sourceChannel", "GROUP_HOTLINE").put("occurredAt", "2099-01-05T01:00:00Z")
                .put("faultCategory", "NETWORK");
        request.putObject("customer").put("id", "GC-" + UUID.randomUUID()).put("customerClass", "C").put("accountManagerId", "");
        return http.post("/api/v1/routings", "dev-group-hotline", request).header("Location");
    }

    /** The item's events in the key's feed after {@code after}, reading every page (other tests fill feeds too). */
    List<JsonNode> eventsOf(String workItemId, String key, long after) {
        List<JsonNode> events = new ArrayList<>();
        long next = after;
        while (true) {
            JsonNode page = http.get("/api/v1/events?limit=1000&after=" + next, key).body();
            page.get("events").forEach(e -> {
                if (e.get("workItemId").asString().equals(workItemId)) {
                    events.add(e);
                }
            });
            if (page.get("events").isEmpty() || page.get("next").asLong() == next) {
                return events;
            }
            next = page.get("next").asLong();
        }
    }

    @Test
    void ownerAndSourceHearWhatHappenedInOrderAndNobodyElseDoes() {
        String item = routeNetworkFault();
        String id = item.substring(item.lastIndexOf('/') + 1);
        http.post(item + "/claim", "dev-network-maintenance", "");

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(id, "dev-network-maintenance", 0).size() == 2);
        List<JsonNode> owners = eventsOf(id, "dev-network-maintenance", 0);
        assertThat(owners).extracting(e -> e.get("type").asString()).containsExactly("ROUTED", "CLAIMED");
        assertThat(owners.get(1).get("seq").asLong()).isGreaterThan(owners.get(0).get("seq").asLong());
        assertThat(owners.get(1).get("data").get("status").asString()).isEqualTo("CLAIMED");
        assertThat(owners.get(1).get("data").get("actor").asString()).isEqualTo("dev-network-maintenance");
        // one instant, spelt one way: the event's time as stored, and the time in its data as written
        assertThat(owners).allSatisfy(e -> assertThat(e.get("data").get("at").asString()).isEqualTo(e.get("at").asString()));
        assertThat(eventsOf(id, "dev-group-hotline", 0)).extracting(e -> e.get("type").asString())
                .containsExactly("ROUTED", "CLAIMED");
        assertThat(eventsOf(id, "dev-website", 0)).isEmpty();
    }

    @Test
    void readerResumesAfterTheLastEventItHandled() {
        String item = routeNetworkFault();
        String id = item.substring(item.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(id, "dev-network-maintenance", 0).size() == 1);
        long routedSeq = eventsOf(id, "dev-network-maintenance", 0).get(0).get("seq").asLong();

        http.post(item + "/return", "dev-network-maintenance", Map.of("reason", "not a network fault"));

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(id, "dev-network-maintenance", routedSeq).size() == 1);
        assertThat(eventsOf(id, "dev-network-maintenance", routedSeq).get(0).get("type").asString()).isEqualTo("RETURNED");
        assertThat(eventsOf(id, "dev-operations-center", 0)).extracting(e -> e.get("type").asString()).containsExactly("RETURNED");
    }

    @Test
    void aPageSaysWhereToGoOn() {
        routeNetworkFault();
        routeNetworkFault();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/v1/events?limit=1000", "dev-network-maintenance").body().get("events").size() >= 2);

        JsonNode first = http.get("/api/v1/events?limit=1", "dev-network-maintenance").body();
        JsonNode second = http.get("/api/v1/events?limit=1&after=" + first.get("next").asLong(), "dev-network-maintenance").body();

        assertThat(first.get("channel").asString()).isEqualTo("NETWORK_MAINTENANCE");
        assertThat(second.get("events").get(0).get("seq").asLong()).isGreaterThan(first.get("events").get(0).get("seq").asLong());
    }

    @Test
    void aBacklogLongerThanOneRelayBatchGetsEveryEventAPlaceAfterThoseAlreadyGiven(@Autowired JdbcTemplate jdbc,
                                                                                  @Autowired ChannelEvents events,
                                                                                  @Autowired TransactionTemplate transaction,
                                                                                  @Autowired OutboxRelay relay) {
        String item = UUID.randomUUID().toString(); // an item id is 36 characters
        transaction.executeWithoutResult(status -> events.appendAll(IntStream.range(0, 1_200)
                .mapToObj(i -> new ChannelEvents.Announcement(item, "ROUTED", List.of("NETWORK_MAINTENANCE", "GROUP_HOTLINE"),
                        Map.of("n", i), Instant.now()))
                .toList()));
        long before = jdbc.queryForObject("SELECT next_seq FROM feed_head", Long.class);

        relayAll(relay);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox o JOIN channel_event e ON e.event_id = o.event_id"
                + " WHERE e.work_item_id = ?", Long.class, item)).isZero();
        List<Long> places = jdbc.queryForList("SELECT f.feed_seq FROM feed_event f JOIN channel_event e ON e.event_id = f.event_id"
                + " WHERE e.work_item_id = ? ORDER BY e.event_id, f.feed_seq", Long.class, item);
        assertThat(places).hasSize(2_400).doesNotHaveDuplicates().isSorted();
        assertThat(places.get(0)).isGreaterThanOrEqualTo(before);
    }

    @Test
    void writersAtOnceEachGetTheirOwnBodiesBack(@Autowired JdbcTemplate jdbc, @Autowired ChannelEvents events,
                                                @Autowired TransactionTemplate transaction, @Autowired OutboxRelay relay) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<Void>> writers = IntStream.range(0, 4).mapToObj(w -> CompletableFuture.runAsync(() -> {
            for (int group = 0; group < 5; group++) {
                int g = group;
                transaction.executeWithoutResult(status -> events.appendAll(IntStream.range(0, 150)
                        .mapToObj(i -> String.format("%s-%d-%d-%03d", run, w, g, i))
                        .map(item -> new ChannelEvents.Announcement(item, "ROUTED", List.of("NETWORK_MAINTENANCE"),
                                Map.of("item", item), Instant.now()))
                        .toList()));
            }
        })).toList();
        writers.forEach(CompletableFuture::join);

        relayAll(relay);

        List<Map<String, Object>> placed = jdbc.queryForList("SELECT e.work_item_id, e.payload_json FROM feed_event f"
                + " JOIN channel_event e ON e.event_id = f.event_id WHERE e.work_item_id LIKE ?", run + "-%");
        assertThat(placed).hasSize(4 * 5 * 150)
                .allSatisfy(row -> assertThat(row.get("payload_json").toString()).contains("\"" + row.get("work_item_id") + "\""));
    }

    @Test
    void anEventThatCommitsLateIsPlacedAfterThoseAlreadyInTheFeed(@Autowired JdbcTemplate jdbc, @Autowired ChannelEvents events,
                                                                  @Autowired TransactionTemplate transaction,
                                                                  @Autowired OutboxRelay relay) throws Exception {
        String early = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> lateTransaction = CompletableFuture.runAsync(() ->
                transaction.executeWithoutResult(status -> {
                    events.appendAll(List.of(announcement(late))); // takes its outbox id first…
                    written.countDown();
                    Simultaneously.awaitOpen(commit, Duration.ofSeconds(10));
                }));
        Simultaneously.awaitOpen(written, Duration.ofSeconds(10));
        transaction.executeWithoutResult(status -> events.appendAll(List.of(announcement(early)))); // …commits second
        relayAll(relay);
        long earlyPlace = placeOf(jdbc, early);

        commit.countDown();
        lateTransaction.get(10, TimeUnit.SECONDS);
        relayAll(relay);

        assertThat(placeOf(jdbc, late)).isGreaterThan(earlyPlace);
    }

    private static long placeOf(JdbcTemplate jdbc, String workItemId) {
        return jdbc.queryForObject("SELECT f.feed_seq FROM feed_event f JOIN channel_event e ON e.event_id = f.event_id"
                + " WHERE e.work_item_id = ?", Long.class, workItemId);
    }

    private static ChannelEvents.Announcement announcement(String workItemId) {
        return new ChannelEvents.Announcement(workItemId, "ROUTED", List.of("NETWORK_MAINTENANCE"), Map.of("n", 1),
                Instant.now());
    }

    private static void relayAll(OutboxRelay relay) {
        while (relay.relayBatch() > 0) {
            // the scheduled relay may take some batches meanwhile; either way every event gets one place
        }
    }

    @Test
    void onlyOverseersReadAnotherChannelsFeed() {
        assertThat(http.get("/api/v1/events?channel=NETWORK_MAINTENANCE", "dev-website").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/events", "dev-qa").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/events?channel=NETWORK_MAINTENANCE", "dev-operations-center").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/events?channel=NETWORK_MAINTENANCE", "dev-admin").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/events?channel=MARS", "dev-admin").status()).isEqualTo(400);
        TestHttp.Response unnamed = http.get("/api/v1/events", "dev-admin"); // may read any feed, but must say which
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body().get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(http.get("/api/v1/events?limit=0", "dev-website").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/events", null).status()).isEqualTo(401);
    }

    @Test
    void aCursorBeyondTheLastSeqGivenIsRefusedAndTheLastSeqIsAccepted() {
        String item = routeNetworkFault();
        String id = item.substring(item.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(id, "dev-network-maintenance", 0).size() == 1);
        List<JsonNode> placed = eventsOf(id, "dev-network-maintenance", 0);
        long last = placed.get(placed.size() - 1).get("seq").asLong(); // its own feed's; other feeds may be further on

        TestHttp.Response beyond = http.get("/api/v1/events?after=" + (last + 1_000_000_000L), "dev-network-maintenance");

        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.contentType()).startsWith("application/problem+json");
        assertThat(beyond.body().get("errors").get(0).get("field").asString()).isEqualTo("after");
        assertThat(beyond.body().get("errors").get(0).get("message").asString()).contains("must be at most");
        TestHttp.Response atTheEnd = http.get("/api/v1/events?after=" + last, "dev-network-maintenance");
        assertThat(atTheEnd.status()).isEqualTo(200);
        assertThat(atTheEnd.body().get("next").asLong()).isGreaterThanOrEqualTo(last);
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedInTheProblem() {
        for (String parameter : List.of("after", "limit")) {
            TestHttp.Response answer = http.get("/api/v1/events?" + parameter + "=abc", "dev-website");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
            assertThat(answer.body().get("errors").get(0).get("message").asString()).contains("a number");
        }
    }

    /** As the items' own reads: a key that may route items for its channel, but not read them, reads no feed. */
    @Test
    void aKeyThatOnlyRoutesReadsNoFeed(@Autowired EventFeedController feed) {
        ApiClient routesOnly = new ApiClient("router-only", Set.of(Role.ROUTER), SourceChannel.GROUP_HOTLINE);

        assertThatThrownBy(() -> feed.read(0, 10, null, routesOnly)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("CHANNEL role");
    }
}
