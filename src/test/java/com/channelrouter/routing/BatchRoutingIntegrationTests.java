package com.channelrouter.routing;

import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.customer.Customer;
import com.channelrouter.support.Ids;
import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.support.TestHttp;
import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.WorkItems;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch routing over real HTTP: answers in order, bad lines answered and skipped, repeats stored once, gzip. */
@IntegrationTest
class BatchRoutingIntegrationTests {

    private static final String BATCH = "/api/v1/routings/batch";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoutingDecisions decisions;
    @Autowired
    WorkItemDrafts drafts;
    @Autowired
    WorkItems workItems;
    @Autowired
    RoutingBatchMapper batches;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Validator validator;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    String prefix;
    /** Recent, so that the escalation job has nothing to do for these items while other tests run. */
    final String occurredAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

    @BeforeEach
    void prefix() {
        prefix = "B-" + UUID.randomUUID() + "-";
    }

    String alert(int n) {
        return "{\"itemType\":\"ALERT\",\"externalId\":\"" + prefix + n + "\",\"sourceChannel\":\"BI_SYSTEM\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"customer\":{\"id\":\"GC-" + n + "\",\"customerClass\":\""
                + "ABCD".charAt(n % 4) + "\",\"accountManagerId\":\"AM-" + n % 7 + "\"},\"alertKind\":\"CHURN_RISK\"}";
    }

    record Answer(int status, String batchId, List<JsonNode> lines) {
    }

    Answer send(String apiKey, byte[] body, boolean gzip) {
        return send(apiKey, body, gzip ? "gzip" : null);
    }

    Answer send(String apiKey, byte[] body, String contentEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + BATCH))
                .header("Content-Type", "application/x-ndjson").header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> lines = new ArrayList<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(TestHttp.JSON.readTree(line));
                }
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Batch-Id").orElse(null), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE external_id LIKE ?", Long.class, prefix + "%");
    }

    /** A line of the wrong shape is told what the field needs, as /routings says it, and never in Java's or Jackson's words. */
    @Test
    void aLineOfTheWrongShapeIsToldWhatItNeedsInTheContractsWords() {
        List<String> lines = List.of("[1]", "5", alert(3).replace("\"itemType\":\"ALERT\"", "\"itemType\":5"),
                alert(4).replaceAll("\"customer\":\\{[^}]*}", "\"customer\":\"GC-4\""), alert(5) + " {\"x\":1}", "{\"itemType\":",
                alert(7).replace("{\"itemType\":\"ALERT\"", "{\"itemType\":\"FAULT\",\"itemType\":\"ALERT\""));

        Answer answer = send("dev-bi-system", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.lines()).extracting(line -> line.get("problem").get("title").asString() + " / "
                        + line.get("problem").get("errors").get(0).get("field").asString() + " "
                        + line.get("problem").get("errors").get(0).get("message").asString())
                .containsExactly("Malformed JSON / line must be one routing request as a JSON object",
                        "Malformed JSON / line must be one routing request as a JSON object",
                        "Invalid request / itemType has the wrong type: expected a string",
                        "Invalid request / customer has the wrong type: expected an object",
                        "Malformed JSON / line must hold one routing request, with nothing after it",
                        "Malformed JSON / line is not valid JSON (column 13)",
                        "Invalid request / itemType is given twice; give each field once");
        assertThat(answer.lines()).allSatisfy(line -> assertThat(line.toString())
                .doesNotContainIgnoringCase("java").doesNotContain("com.channelrouter", "Jackson", "`", "Feature"));
        assertThat(stored()).isZero();
    }

    @Test
    void everyLineIsAnsweredInOrderAndBadLinesDoNotStopTheRest() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1_203; i++) {   // more than two chunks
            lines.add(alert(i));
        }
        lines.set(4, "{not json");
        lines.set(9, alert(10).replace("CHURN_RISK", "CHURN"));
        lines.set(700, alert(701).replace("\"externalId\":\"" + prefix + "701\",", ""));
        lines.set(800, alert(801).replace("\"customerClass\":\"B\"", "\"customerClass\":\"POTENTIAL\""));

        Answer answer = send("dev-bi-system", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.lines()).hasSize(1_203);
        for (int i = 0; i < answer.lines().size(); i++) {
            assertThat(answer.lines().get(i).get("line").asInt()).isEqualTo(i + 1);
        }
        assertThat(answer.lines().get(0).get("status").asInt()).isEqualTo(201);
        assertThat(answer.lines().get(0).get("decision").get("ownerChannel").asString()).isNotBlank();
        assertThat(answer.lines().get(4).get("problem").get("title").asString()).isEqualTo("Malformed JSON");
        assertThat(answer.lines().get(9).get("status").asInt()).isEqualTo(400);
        assertThat(answer.lines().get(9).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("alertKind");
        assertThat(answer.lines().get(700).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("externalId");
        assertThat(answer.lines().get(800).get("status").asInt()).isEqualTo(422);
        assertThat(stored()).isEqualTo(1_199);

        JsonNode first = answer.lines().get(0);
        String workItemId = first.get("workItemId").asString();
        assertThat(jdbc.queryForObject("SELECT decision_json FROM routing_decision WHERE work_item_id = ?", String.class, workItemId))
                .isEqualTo(first.get("decision").toString());
        // the ROUTED entry is kept on the item's row (V13), not as a history row of its own
        assertThat(jdbc.queryForObject("SELECT routed_to FROM work_item WHERE work_item_id = ?", String.class, workItemId))
                .isEqualTo(first.get("decision").get("ownerChannel").asString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ?", Long.class, workItemId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_event WHERE work_item_id = ?", Long.class, workItemId))
                .isPositive();
    }

    @Test
    void linesThatLeaveOutClassOrAccountManagerAreCompletedFromTheRegistry() {
        String known = prefix + "KNOWN";
        jdbc.update("INSERT INTO customer (customer_id, customer_name, customer_class, account_manager_id, updated_at) VALUES (?, ?, ?, ?, ?)",
                known, "注册客户", "A", "AM-77", java.sql.Timestamp.from(java.time.Instant.now()));
        String noClass = alert(1).replace("\"GC-1\"", "\"" + known + "\"").replace("\"customerClass\":\"B\",", "");
        String noManager = alert(2).replace("\"GC-2\"", "\"" + known + "\"").replace("\"customerClass\":\"C\"", "\"customerClass\":\"D\"")
                .replace(",\"accountManagerId\":\"AM-2\"", "");
        String unknownWithoutClass = alert(3).replace("\"GC-3\"", "\"" + prefix + "NOBODY\"").replace("\"customerClass\":\"D\",", "");
        String complete = alert(4);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3 * BatchRoutings.CHUNK; i += 4) { // in every chunk, so every chunk reads the registry
            lines.addAll(List.of(noClass.replace(prefix + "1", prefix + "1-" + i), noManager.replace(prefix + "2", prefix + "2-" + i),
                    unknownWithoutClass.replace(prefix + "3", prefix + "3-" + i), complete.replace(prefix + "4", prefix + "4-" + i)));
        }

        Answer answer = send("dev-bi-system", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.lines()).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i += 4) {
            JsonNode classFromRegistry = answer.lines().get(i).get("decision");
            assertThat(classFromRegistry.get("customerClass").asString()).isEqualTo("A");
            assertThat(classFromRegistry.get("accountManagerTagged").asBoolean()).isTrue();
            JsonNode managerFromRegistry = answer.lines().get(i + 1).get("decision");
            assertThat(managerFromRegistry.get("customerClass").asString()).isEqualTo("D");
            assertThat(managerFromRegistry.get("accountManagerTagged").asBoolean()).isTrue();
            assertThat(answer.lines().get(i + 2).get("status").asInt()).isEqualTo(422);
            assertThat(answer.lines().get(i + 2).get("problem").get("detail").asString()).contains("unknown to the registry");
            assertThat(answer.lines().get(i + 3).get("decision").get("customerClass").asString()).isEqualTo("A");
        }
        assertThat(stored()).isEqualTo(3L * lines.size() / 4);
    }

    @Test
    void sendingABatchAgainCreatesNothingAndAnswersTheStoredDecisions() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            lines.add(alert(i));
        }
        lines.add(alert(3));                                    // a repeat inside the batch
        lines.add(alert(5).replace("CHURN_RISK", "CONTRACT_EXPIRY")); // the same external id for another request
        byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        Answer first = send("dev-bi-system", body, false);
        Answer again = send("dev-bi-system", body, false);

        assertThat(stored()).isEqualTo(600);
        // line 601 repeats line 3 from another chunk: the first line stores, the later one is its repeat
        assertThat(first.lines().get(2).get("replayed").asBoolean()).isFalse();
        assertThat(first.lines().get(600).get("replayed").asBoolean()).isTrue();
        assertThat(first.lines().get(600).get("workItemId").asString()).isEqualTo(first.lines().get(2).get("workItemId").asString());
        assertThat(first.lines().get(601).get("status").asInt()).isEqualTo(422);
        for (int i = 0; i < 600; i++) {
            assertThat(again.lines().get(i).get("replayed").asBoolean()).isTrue();
            assertThat(again.lines().get(i).get("workItemId")).isEqualTo(first.lines().get(i).get("workItemId"));
            assertThat(again.lines().get(i).get("decision")).isEqualTo(first.lines().get(i).get("decision"));
        }
    }

    @Test
    void aLineTheDecisionWouldRefuseIsStillFoundStored() {
        send("dev-bi-system", alert(1).getBytes(StandardCharsets.UTF_8), false);
        String unknownProduct = "\"productCode\":\"NO_SUCH_PRODUCT\",\"alertKind\"";

        Answer later = send("dev-bi-system", String.join("\n", alert(1).replace("\"alertKind\"", unknownProduct),
                alert(2).replace("\"alertKind\"", unknownProduct)).getBytes(StandardCharsets.UTF_8), false);

        // the stored item answers first: its externalId names a different request
        assertThat(later.lines().get(0).get("status").asInt()).isEqualTo(422);
        assertThat(later.lines().get(0).get("problem").get("title").asString()).isEqualTo("Idempotency conflict");
        // a new externalId gets the decision's refusal
        assertThat(later.lines().get(1).get("status").asInt()).isEqualTo(400);
        assertThat(later.lines().get(1).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("productCode");
        assertThat(stored()).isEqualTo(1);
    }

    /**
     * Runs the lines through batch routing of its own, as on an instance that has seen no repeats yet: its
     * chunks insert without looking their external ids up first. Returns the router, stopped, and its answers.
     */
    record Run(BatchRoutings routings, List<JsonNode> lines) {
    }

    static final ApiClient BI = new ApiClient("dev-bi-system", Set.of(Role.ROUTER, Role.CHANNEL), SourceChannel.BI_SYSTEM);

    Run runWithoutLookingUpFirst(List<String> lines) throws IOException {
        BatchRoutings routings = new BatchRoutings(decisions, drafts, workItems, batches, transaction, validator, json, clock);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(routings.lookUpFirst()).isFalse();
            routings.run(routings.start(BI), new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), out, BI);
        } finally {
            routings.stop();
        }
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            answers.add(TestHttp.JSON.readTree(line));
        }
        return new Run(routings, answers);
    }

    @Test
    void aBatchSentAgainWithoutLookingUpFirstFindsItsItemsByTheUniqueKey() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            lines.add(alert(i));
        }
        lines.add(alert(3));
        lines.add(alert(5).replace("CHURN_RISK", "CONTRACT_EXPIRY"));

        Run first = runWithoutLookingUpFirst(lines);
        Run again = runWithoutLookingUpFirst(lines);

        assertThat(stored()).isEqualTo(600);
        assertThat(first.routings().lookUpFirst()).as("line 601 repeats line 3, which the chunk before stored").isTrue();
        assertThat(again.routings().lookUpFirst()).as("repeats found by the unique key, then looked up").isTrue();
        assertThat(first.lines().get(600).get("replayed").asBoolean()).isTrue();
        assertThat(first.lines().get(601).get("status").asInt()).isEqualTo(422);
        for (int i = 0; i < 601; i++) {
            assertThat(again.lines().get(i).get("replayed").asBoolean()).isTrue();
            assertThat(again.lines().get(i).get("workItemId")).isEqualTo(first.lines().get(i).get("workItemId"));
            assertThat(again.lines().get(i).get("decision")).isEqualTo(first.lines().get(i).get("decision"));
        }
        assertThat(again.lines().get(601).get("status").asInt()).isEqualTo(422);
    }

    @Test
    void linesSortedOutWithoutTheLookupAreSortedOutAgainWithIt() throws IOException {
        Run earlier = runWithoutLookingUpFirst(List.of(alert(1), alert(2)));
        String otherRequest = alert(1).replace("CHURN_RISK", "CONTRACT_EXPIRY");

        // without the lookup, line 2 looks like a conflict with line 1; the stored item shows line 1 is the conflict
        Run later = runWithoutLookingUpFirst(List.of(otherRequest, alert(1), alert(3), alert(2)));

        assertThat(later.lines()).extracting(line -> line.get("status").asInt()).containsExactly(422, 201, 201, 201);
        assertThat(later.lines()).extracting(line -> line.path("replayed").asBoolean()).containsExactly(false, true, false, true);
        assertThat(later.lines().get(1).get("workItemId")).isEqualTo(earlier.lines().get(0).get("workItemId"));
        assertThat(later.lines().get(3).get("workItemId")).isEqualTo(earlier.lines().get(1).get("workItemId"));
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aLineOverTheLimitIsAnsweredAndBlankLinesAreSkipped() {
        String tooLong = alert(2).replace("\"alertKind\"", "\"description\":\"" + "x".repeat(BatchRoutings.MAX_LINE_BYTES) + "\",\"alertKind\"");
        String body = alert(1) + "\n\n" + tooLong + "\n   \n" + alert(3) + "\n";

        Answer answer = send("dev-bi-system", body.getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.lines()).extracting(l -> l.get("line").asInt()).containsExactly(1, 3, 5);
        assertThat(answer.lines()).extracting(l -> l.get("status").asInt()).containsExactly(201, 413, 201);
        assertThat(answer.lines().get(1).get("problem").get("title").asString()).isEqualTo("Line too large");
        assertThat(stored()).isEqualTo(2);
    }

    /** An over-long line is skipped to its end, up to a point: one of gigabytes would be read on with nothing answered. */
    @Test
    void aLineFarBeyondTheLimitEndsTheBatch() throws IOException {
        String body = alert(1) + "\n" + "x".repeat(BatchRoutings.MAX_LINE_BYTES * NdjsonLines.SKIPPED_AT_MOST_TIMES_THE_LIMIT + 1) + "\n";

        Answer answer = send("dev-bi-system", gzip(body), true);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.lines()).singleElement().satisfies(problem ->
                assertThat(problem.get("errors").get(0).get("message").asString()).contains("line 2 is longer than 16 MB"));
        assertThat(stored()).isZero();
    }

    /** Killed with -9, an instance never records its batch's end: silent for longer than a running batch can be, it FAILED. */
    @Test
    void aBatchWhoseInstanceStoppedWithoutRecordingItsEndIsFailed() {
        Instant started = clock.instant().minus(BatchRoutings.SILENT_AT_MOST).minusSeconds(120);
        RoutingBatch lost = new RoutingBatch(Ids.next(), "dev-bi-system", RoutingBatch.RUNNING, 12_000, 11_940, 0, 60, started,
                started.plusSeconds(60), null, null);
        batches.insert(lost);
        RoutingBatch running = new RoutingBatch(Ids.next(), "dev-bi-system", RoutingBatch.RUNNING, 500, 500, 0, 0, clock.instant(),
                clock.instant(), null, null);
        batches.insert(running);

        JsonNode failed = new TestHttp(port).get(BATCH + "/" + lost.batchId(), "dev-bi-system").body();
        JsonNode stillRunning = new TestHttp(port).get(BATCH + "/" + running.batchId(), "dev-bi-system").body();

        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("linesRead").asLong()).isEqualTo(12_000);
        assertThat(failed.get("failure").asString()).contains("No progress since").contains("send the batch again");
        assertThat(stillRunning.get("state").asString()).isEqualTo("RUNNING");
    }

    /** Blank lines are written no answer, so a body of little else (a small gzip unpacks to billions) is refused. */
    @Test
    void aFloodOfBlankLinesIsRefusedAndStoresNothing() throws IOException {
        String body = alert(1) + "\n" + "\n".repeat(BatchRoutings.MAX_BLANK_LINES_IN_A_ROW + 1) + alert(2) + "\n";

        Answer answer = send("dev-bi-system", gzip(body), true);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.lines()).singleElement().satisfies(problem -> {
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
            assertThat(problem.get("errors").get(0).get("message").asString()).contains("blank lines").contains("in a row");
        });
        assertThat(stored()).isZero();
        String wideBlanks = (" ".repeat(60 * 1024) + "\n").repeat(20); // 1.2 MB of blank space in 20 lines
        assertThat(send("dev-bi-system", gzip(alert(3) + "\n" + wideBlanks + alert(4) + "\n"), true).status()).isEqualTo(400);
    }

    @Test
    void gzipIsAcceptedAndTheBatchReportsItsTotals() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            lines.add(alert(i) + "\n");
        }

        Answer answer = send("dev-bi-system", gzip(String.join("", lines)), true);

        assertThat(answer.lines()).hasSize(50).allSatisfy(line -> assertThat(line.get("status").asInt()).isEqualTo(201));
        TestHttp.Response status = new TestHttp(port).get(BATCH + "/" + answer.batchId(), "dev-bi-system");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("state").asString()).isEqualTo("DONE");
        assertThat(status.body().get("linesRead").asLong()).isEqualTo(50);
        assertThat(status.body().get("stored").asLong()).isEqualTo(50);
        assertThat(status.body().has("linesPerSecond")).isTrue();
        assertThat(new TestHttp(port).get(BATCH + "/" + answer.batchId(), "dev-website").status()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotTheGzipItSaysIsRefusedBeforeAnyBatchIsRecorded() {
        long batchesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM routing_batch", Long.class);

        TestHttp.Response answer = new TestHttp(port).post(BATCH, "dev-bi-system", alert(1),
                Map.of("Content-Type", "application/x-ndjson", "Content-Encoding", "gzip"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(answer.body().get("errors").get(0).get("message").asString()).contains("not gzip");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM routing_batch", Long.class)).isEqualTo(batchesBefore);
        assertThat(stored()).isZero();
    }

    @Test
    void gzipSentWithoutItsContentEncodingIsToldSoAndAnOtherCodingIsRefused() throws IOException {
        long batchesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM routing_batch", Long.class);
        byte[] zipped = gzip(alert(1) + "\n");

        Answer unlabelled = send("dev-bi-system", zipped, null);
        Answer brotli = send("dev-bi-system", (alert(2) + "\n").getBytes(StandardCharsets.UTF_8), "br");

        assertThat(unlabelled.status()).isEqualTo(400);
        assertThat(unlabelled.lines().get(0).get("errors").get(0).get("message").asString())
                .isEqualTo("is gzip data: send it with the header Content-Encoding: gzip");
        assertThat(brotli.status()).isEqualTo(415);
        assertThat(brotli.lines().get(0).get("detail").asString()).contains("Content-Encoding br is not supported");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM routing_batch", Long.class)).isEqualTo(batchesBefore);
        assertThat(stored()).isZero();
    }

    @Test
    void xGzipIsGzipAndAByteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] plain = (alert(1) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + plain.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(plain, 0, withBom, bom.length, plain.length);

        Answer plainWithBom = send("dev-bi-system", withBom, null);
        Answer zippedWithBom = send("dev-bi-system", gzip("\ufeff" + alert(2) + "\n"), "x-gzip");

        assertThat(plainWithBom.lines()).extracting(line -> line.get("status").asInt()).containsExactly(201);
        assertThat(zippedWithBom.lines()).extracting(line -> line.get("status").asInt()).containsExactly(201);
        assertThat(stored()).isEqualTo(2);
    }

    /**
     * A gzip body cut short after 2,600 lines: the lines answered stand, the last line says after which line
     * and why the batch broke off, and the batch sent again whole answers every line, storing nothing twice.
     */
    @Test
    void aBatchThatBreaksOffAfterAnsweringSaysWhereAndWhyInItsLastLine() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 2_600; i++) {
            lines.add(alert(i));
        }
        byte[] zipped = gzip(String.join("\n", lines));

        Answer cut = send("dev-bi-system", Arrays.copyOf(zipped, zipped.length - 200), true);

        assertThat(cut.status()).isEqualTo(200);
        JsonNode last = cut.lines().get(cut.lines().size() - 1);
        List<JsonNode> answered = cut.lines().subList(0, cut.lines().size() - 1);
        assertThat(answered).isNotEmpty().allSatisfy(line -> assertThat(line.get("status").asInt()).isEqualTo(201));
        assertThat(last.has("line")).isFalse();
        assertThat(last.get("brokeOffAfterLine").asLong()).isEqualTo(answered.size());
        assertThat(last.get("status").asInt()).isEqualTo(400);
        assertThat(last.get("problem").get("detail").asString()).contains("after line " + answered.size()).contains("send the batch again");
        assertThat(last.get("problem").get("errors").get(0).get("field").asString()).isEqualTo("body");
        TestHttp.Response status = new TestHttp(port).get(BATCH + "/" + cut.batchId(), "dev-bi-system");
        assertThat(status.body().get("state").asString()).isEqualTo("FAILED");

        Answer again = send("dev-bi-system", zipped, true);

        assertThat(again.lines()).hasSize(2_600).allSatisfy(line -> assertThat(line.get("status").asInt()).isEqualTo(201));
        for (int i = 0; i < answered.size(); i++) {
            assertThat(again.lines().get(i).get("replayed").asBoolean()).isTrue();
            assertThat(again.lines().get(i).get("workItemId")).isEqualTo(answered.get(i).get("workItemId"));
        }
        assertThat(stored()).isEqualTo(2_600);
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return zipped.toByteArray();
    }

    /**
     * The database does not store the first chunk (another transaction holds line 2's row: MariaDB waits for it
     * until the statement times out, H2 refuses the row at once, every attempt): with nothing answered yet,
     * the batch is answered as any request, 503 with Retry-After as problem+json, and stores nothing.
     */
    @Test
    void aBatchTheDatabaseFailsBeforeAnyAnswerIsAnsweredAsUnavailable() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            workItems.openAll(drafted(List.of(alert(2))));
            holding.countDown();
            Simultaneously.awaitOpen(answered, Duration.ofSeconds(60));
            status.setRollbackOnly();
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        TestHttp.Response answer;
        try {
            answer = new TestHttp(port).post(BATCH, "dev-bi-system", alert(1) + "\n" + alert(2) + "\n" + alert(3),
                    Map.of("Content-Type", "application/x-ndjson"));
        } finally {
            answered.countDown();
        }
        otherInstance.get(30, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.header("Batch-Id")).isNotBlank();
        TestHttp.Response status = new TestHttp(port).get(BATCH + "/" + answer.header("Batch-Id"), "dev-bi-system");
        assertThat(status.body().get("state").asString()).isEqualTo("FAILED");
        assertThat(stored()).isZero();
    }

    /** Items decided and drafted from these lines as an instance's batch would, with work item ids of their own. */
    List<NewWorkItem> drafted(List<String> lines) {
        List<CheckedRequest> requests = lines.stream().map(line -> drafts.check(json.readValue(line, RoutingRequest.class))).toList();
        Map<String, Customer> registered = decisions.registeredFor(requests.stream().map(CheckedRequest::item).toList());
        List<NewWorkItem> items = new ArrayList<>();
        for (CheckedRequest request : requests) {
            RoutingDecision decision = decisions.decide(request.item(), registered).withWorkItemId(Ids.next());
            items.add(drafts.draft(decision, request, BI));
        }
        return items;
    }

    @Test
    void aChannelKeyMaySubmitOnlyItsOwnChannelsLinesAndOthersNeedTheRouterRole() {
        String mixed = alert(1) + "\n" + alert(2).replace("BI_SYSTEM", "WEBSITE") + "\n";

        Answer answer = send("dev-bi-system", mixed.getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.lines().get(0).get("status").asInt()).isEqualTo(201);
        assertThat(answer.lines().get(1).get("status").asInt()).isEqualTo(403);
        assertThat(send("dev-table-owner", mixed.getBytes(StandardCharsets.UTF_8), false).status()).isEqualTo(403);
        assertThat(send("no-such-key", mixed.getBytes(StandardCharsets.UTF_8), false).status()).isEqualTo(401);
        assertThat(stored()).isEqualTo(1);
    }
}
