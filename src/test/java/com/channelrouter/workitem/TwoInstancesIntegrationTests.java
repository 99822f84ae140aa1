package com.channelrouter.workitem;

import com.channelrouter.ChannelRouterApplication;
import com.channelrouter.support.CleanDatabase;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database, as in production behind a load balancer: claims, repeats,
 * escalations and feeds stay exactly-once across them. {@link TwoInstancesOnMariaDbIntegrationTests}
 * runs the same on MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIntegrationTests {

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    TestHttp one;
    TestHttp two;

    String[] profiles() {
        return new String[]{"test"};
    }

    /** The database both instances share; null leaves it to the profiles. */
    String sharedDatabaseUrl() {
        return "jdbc:h2:mem:two-instances-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @BeforeAll
    void startTwoInstances() {
        String url = sharedDatabaseUrl();
        first = start(url, true);
        second = start(url, false);
        one = new TestHttp(port(first));
        two = new TestHttp(port(second));
    }

    private ConfigurableApplicationContext start(String url, boolean cleanDatabaseFirst) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--channel-router.escalation.interval=PT0.3S",
                "--channel-router.escalation.initial-delay=PT0S", "--channel-router.events.relay-interval=PT0.1S",
                "--channel-router.tables.watch-interval=PT0.2S"));
        if (url != null) {
            args.add("--spring.datasource.url=" + url);
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ChannelRouterApplication.class).profiles(profiles());
        if (cleanDatabaseFirst && url == null) {
            builder.sources(CleanDatabase.class);
        }
        return builder.run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    static ObjectNode fault(String occurredAt) {
        ObjectNode request = TestHttp.JSON.createObjectNode();
        request.put("itemType", "FAULT").put("sourceChannel", "GROUP_HOTLINE").put("occurredAt", occurredAt)
                .put("faultCategory", "NETWORK").put("externalId", "HL-" + UUID.randomUUID());
        request.putObject("customer").put("id", "GC-" + UUID.randomUUID()).put("customerClass", "C").put("accountManagerId", "");
        return request;
    }

    @Test
    void ofTwelveClaimsSpreadOverBothInstancesExactlyOneWins() throws Exception {
        String item = one.post("/api/v1/routings", "dev-group-hotline", fault("2099-01-05T01:00:00Z")).header("Location");
        List<Callable<TestHttp.Response>> claims = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestHttp instance = i % 2 == 0 ? one : two;
            claims.add(() -> instance.post(item + "/claim", "dev-network-maintenance", ""));
        }

        List<TestHttp.Response> answers = Simultaneously.run(claims);

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(11)
                .as("a loser is told the status the winner left, not the one it read first")
                .allSatisfy(a -> assertThat(a.body().get("detail").asString()).contains("CLAIMED"));
    }

    @Test
    void theSameBatchSentToBothInstancesAtOnceStoresEachLineOnce() throws Exception {
        String prefix = "BI-" + UUID.randomUUID() + "-";
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            batch.append("{\"itemType\":\"ALERT\",\"externalId\":\"").append(prefix).append(i)
                    .append("\",\"sourceChannel\":\"BI_SYSTEM\",\"occurredAt\":\"2099-01-05T01:00:00Z\",")
                    .append("\"customer\":{\"id\":\"GC-").append(i).append("\",\"customerClass\":\"B\",\"accountManagerId\":\"AM-1\"}}\n");
        }
        List<Callable<String>> sends = List.of(
                () -> one.postRaw("/api/v1/routings/batch", "dev-bi-system", "application/x-ndjson", batch.toString()),
                () -> two.postRaw("/api/v1/routings/batch", "dev-bi-system", "application/x-ndjson", batch.toString()));

        List<String> answers = Simultaneously.run(sends);

        Map<Integer, String> itemOfLine = new HashMap<>();
        for (String answer : answers) {
            String[] lines = answer.split("\n");
            assertThat(lines).hasSize(1_200);
            for (String line : lines) {
                JsonNode node = TestHttp.JSON.readTree(line);
                assertThat(node.get("status").asInt()).as(line).isEqualTo(201);
                String earlier = itemOfLine.putIfAbsent(node.get("line").asInt(), node.get("workItemId").asString());
                if (earlier != null) {
                    assertThat(node.get("workItemId").asString()).as("both instances answer the same item").isEqualTo(earlier);
                }
            }
        }
        assertThat(new HashSet<>(itemOfLine.values())).hasSize(1_200);
    }

    @Test
    void aRepeatSentToBothInstancesAtOnceStoresOneItem() throws Exception {
        ObjectNode request = fault("2099-01-05T01:00:00Z");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        List<Callable<TestHttp.Response>> repeats = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestHttp instance = i % 2 == 0 ? one : two;
            repeats.add(() -> instance.post("/api/v1/routings", "dev-group-hotline", request, key));
        }

        Set<String> locations = new HashSet<>();
        for (TestHttp.Response response : Simultaneously.run(repeats)) {
            assertThat(response.status()).as(response.raw().body()).isIn(201, 409);
            if (response.status() == 201) {
                locations.add(response.header("Location"));
            }
        }
        assertThat(locations).hasSize(1);
    }

    @Test
    void eachEscalationHappensOnceThoughBothInstancesWatch() throws Exception {
        String item = one.post("/api/v1/routings", "dev-group-hotline", fault("2026-01-05T01:00:00Z")).header("Location");

        await().atMost(Duration.ofSeconds(20)).until(() -> escalations(item).size() >= 6);
        Thread.sleep(1_500); // several more runs of both detectors

        Map<String, Integer> byRule = new HashMap<>();
        for (String reason : escalations(item)) {
            String rule = reason.substring(reason.indexOf("(rule ") + 6, reason.indexOf(')', reason.indexOf("(rule ")));
            byRule.merge(rule, 1, Integer::sum);
        }
        assertThat(byRule).containsOnlyKeys("E1", "E2", "E3", "E4", "E5", "E6").allSatisfy((rule, count) -> assertThat(count).isOne());
    }

    @Test
    void eventsMadeOnOneInstanceAreReadOnTheOther() {
        String item = one.post("/api/v1/routings", "dev-group-hotline", fault("2099-01-05T01:00:00Z")).header("Location");
        String id = item.substring(item.lastIndexOf('/') + 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode feed = two.get("/api/v1/events?limit=1000", "dev-network-maintenance").body();
            return feed.get("events").valueStream().anyMatch(e -> e.get("workItemId").asString().equals(id));
        });
    }

    @Test
    void aVersionPublishedOnOneInstanceIsServedByTheOtherWithinFiveSeconds() throws Exception {
        byte[] routing = changedRoutingWorkbook();
        JsonNode uploaded = one.upload("/api/v1/decision-tables", "dev-table-owner", "file", "routing.xlsx", routing, Map.of(),
                Map.of()).body();
        String candidate = uploaded.get("version").asString();
        String before = tableVersionServedBy(two);
        try {
            assertThat(one.post("/api/v1/decision-tables/" + candidate + "/publish", "dev-table-owner", "").status()).isEqualTo(200);
            long published = System.nanoTime();

            await().atMost(Duration.ofSeconds(5)).until(() -> tableVersionServedBy(two).equals(candidate));
            System.out.printf("second instance followed the publish after %d ms%n", (System.nanoTime() - published) / 1_000_000);
            assertThat(two.get("/actuator/info", "dev-admin").body().get("decisionTables").get("version").asString())
                    .isEqualTo(candidate);
        } finally {
            one.post("/api/v1/decision-tables/" + before + "/publish", "dev-table-owner", "");
            await().atMost(Duration.ofSeconds(5)).until(() -> tableVersionServedBy(two).equals(before));
        }
    }

    private String tableVersionServedBy(TestHttp instance) {
        ObjectNode request = TestHttp.JSON.createObjectNode().put("itemType", "LEAD").put("sourceChannel", "SERVICE_HALL")
                .put("occurredAt", "2026-11-26T10:08:00Z").put("productCode", "MAS");
        request.putObject("customer").put("id", "T-1").put("customerClass", "C").put("accountManagerId", "");
        return instance.post("/api/v1/routings/evaluate", "dev-qa", request).body().get("tableVersion").asString();
    }

    /** The shipped routing workbook with one note changed: a new version that routes exactly like the old. */
    private static byte[] changedRoutingWorkbook() throws Exception {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("decision-tables/routing.xlsx")));
             var out = new java.io.ByteArrayOutputStream()) {
            workbook.getSheet("Routing LEAD").getRow(3).createCell(14).setCellValue("note " + UUID.randomUUID());
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private List<String> escalations(String item) {
        List<String> reasons = new ArrayList<>();
        two.get(item, "dev-admin").body().get("history").forEach(e -> {
            if (e.get("type").asString().equals("ESCALATED")) {
                reasons.add(e.get("reason").asString());
            }
        });
        return reasons;
    }
}
