package com.channelrouter.tables;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.support.TestHttp;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table owners change the policy through the API, as a business owner would: change a cell, upload,
 * see the candidate not served, publish while traffic flows, roll back; and hostile workbooks are refused
 * with nothing run and the live rules unchanged. The context is discarded afterwards (it publishes).
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DecisionTablesIntegrationTests {

    static final String OWNER = "dev-table-owner";
    static final String ROUTING = "routing.xlsx";
    static final String LEAD = "Routing LEAD";

    @LocalServerPort
    int port;

    @Autowired
    LiveDecisionTables live;

    TestHttp http;
    Workbooks shipped;
    String shippedVersion;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
        shipped = Workbooks.shipped();
        shippedVersion = http.get("/api/v1/decision-tables", OWNER).body().get("live").asString();
    }

    /** Leaves the shipped tables live for the next test, whatever this one published. */
    @AfterEach
    void restoreShippedTables() {
        if (!http.get("/api/v1/decision-tables", OWNER).body().get("live").asString().equals(shippedVersion)) {
            assertThat(http.post("/api/v1/decision-tables/" + shippedVersion + "/publish", OWNER, "").status()).isEqualTo(200);
        }
    }

    TestHttp.Response upload(String file, byte[] content) {
        return http.upload("/api/v1/decision-tables", OWNER, "file", file, content, Map.of(), Map.of());
    }

    TestHttp.Response upload(Workbooks workbooks, String file) {
        return upload(file, workbooks.bytes(file));
    }

    /** The first problem of the upload as a reader of Chinese gets it (the same content again: answered 200). */
    JsonNode firstProblemInChinese(Workbooks workbooks, String file) {
        return http.upload("/api/v1/decision-tables", OWNER, "file", file, workbooks.bytes(file), Map.of(),
                Map.of("Accept-Language", "zh-CN")).body().get("problems").get(0);
    }

    /** An untagged class-C lead for MAS from the service hall: L6, CORE_AGENT in the shipped tables. */
    JsonNode evaluateL6() {
        ObjectNode request = TestHttp.JSON.createObjectNode().put("itemType", "LEAD").put("sourceChannel", "SERVICE_HALL")
                .put("occurredAt", "2026-11-26T10:08:00Z").put("productCode", "MAS");
        request.putObject("customer").put("id", "T-1").put("customerClass", "C").put("accountManagerId", "");
        TestHttp.Response response = http.post("/api/v1/routings/evaluate", "dev-qa", request);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.body();
    }

    void assertLiveUnchanged() {
        assertThat(http.get("/api/v1/decision-tables", OWNER).body().get("live").asString()).isEqualTo(shippedVersion);
        assertThat(evaluateL6().get("ownerChannel").asString()).isEqualTo("CORE_AGENT");
        assertThat(http.get("/actuator/health", null).body().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aChangedCellIsACandidateUntilPublishedThenServedThenRolledBack() {
        TestHttp.Response uploaded = upload(shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL")
                .setText(ROUTING, LEAD, "O9", "changed on " + java.util.UUID.randomUUID()), ROUTING);

        assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
        String candidate = uploaded.body().get("version").asString();
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/decision-tables/" + candidate);
        assertThat(uploaded.body().get("publishable").asBoolean()).isTrue();
        assertThat(uploaded.body().get("basedOn").asString()).isEqualTo(shippedVersion);
        assertThat(uploaded.body().get("problems")).isEmpty();
        assertThat(uploaded.body().get("analysis").get("combinations").asInt()).isGreaterThan(20_000);
        assertThat(evaluateL6().get("tableVersion").asString()).as("a candidate is not served").isEqualTo(shippedVersion);

        JsonNode published = http.post("/api/v1/decision-tables/" + candidate + "/publish", OWNER,
                Map.of("comment", "service halls take C/D leads")).body();
        assertThat(published.get("live").asBoolean()).isTrue();
        assertThat(published.get("publications").get(0).get("by").asString()).isEqualTo(OWNER);
        assertThat(published.get("publications").get(0).get("comment").asString()).isEqualTo("service halls take C/D leads");
        JsonNode decision = evaluateL6();
        assertThat(decision.get("tableVersion").asString()).isEqualTo(candidate);
        assertThat(decision.get("ownerChannel").asString()).isEqualTo("SERVICE_HALL");

        TestHttp.Response rolledBack = http.post("/api/v1/decision-tables/rollback", OWNER, Map.of("comment", "not yet"));
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.body().get("version").asString()).isEqualTo(shippedVersion);
        assertThat(evaluateL6().get("ownerChannel").asString()).isEqualTo("CORE_AGENT");

        JsonNode list = http.get("/api/v1/decision-tables", "dev-qa").body();
        assertThat(list.get("live").asString()).isEqualTo(shippedVersion);
        assertThat(list.get("versions").valueStream().map(v -> v.get("version").asString())).contains(candidate, shippedVersion);
        JsonNode candidateEntry = list.get("versions").valueStream().filter(v -> v.get("version").asString().equals(candidate))
                .findFirst().orElseThrow();
        assertThat(candidateEntry.get("uploadedBy").asString()).isEqualTo(OWNER);
        assertThat(candidateEntry.get("uploadedFile").asString()).isEqualTo(ROUTING);
    }

    String publish(String version) {
        TestHttp.Response published = http.post("/api/v1/decision-tables/" + version + "/publish", OWNER, "");
        assertThat(published.status()).as(published.raw().body()).isEqualTo(200);
        return published.body().get("version").asString();
    }

    String uploadedCandidate(Workbooks workbooks, String file) {
        TestHttp.Response uploaded = upload(workbooks, file);
        assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
        assertThat(uploaded.body().get("publishable").asBoolean()).as(uploaded.raw().body()).isTrue();
        return uploaded.body().get("version").asString();
    }

    String live() {
        return http.get("/api/v1/decision-tables", OWNER).body().get("live").asString();
    }

    @Test
    void publishingOneOwnersCandidateKeepsWhatAnotherOwnerPublishedAfterItWasUploaded() {
        // the routing owner and the SLA owner both upload on the shipped tables; the routing owner publishes first
        Workbooks routingChange = shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL").setText(ROUTING, LEAD, "O9", "routing " + UUID.randomUUID());
        Workbooks slaChange = shipped.setText(Workbooks.SLA, Workbooks.SLA_SHEET, "J4", "SLA owner's note " + UUID.randomUUID());
        String routingCandidate = uploadedCandidate(routingChange, ROUTING);
        String slaCandidate = uploadedCandidate(slaChange, Workbooks.SLA);
        publish(routingCandidate);
        // the preview shows what publishing does: a changed note, so no rule, not the routing owner's L6 undone
        JsonNode impact = http.get("/api/v1/decision-tables/" + slaCandidate + "/impact?days=30", OWNER).body();
        assertThat(impact.get("live").asString()).isEqualTo(routingCandidate);
        assertThat(impact.get("publishedAs").asString()).isNotIn(slaCandidate, routingCandidate);
        assertThat(impact.get("rowChanges")).isEmpty();

        TestHttp.Response published = http.post("/api/v1/decision-tables/" + slaCandidate + "/publish", OWNER, "");

        assertThat(published.status()).as(published.raw().body()).isEqualTo(200);
        String rebuilt = published.body().get("version").asString();
        assertThat(rebuilt).isNotIn(slaCandidate, routingCandidate);
        assertThat(rebuilt).isEqualTo(impact.get("publishedAs").asString());
        assertThat(published.body().get("origin").asString()).isEqualTo("REBUILT");
        assertThat(published.body().get("basedOn").asString()).isEqualTo(routingCandidate);
        assertThat(published.body().get("uploadedFile").asString()).isEqualTo(Workbooks.SLA);
        assertThat(published.body().get("comment").asString()).contains(slaCandidate);
        assertThat(live()).isEqualTo(rebuilt);
        assertThat(evaluateL6().get("ownerChannel").asString()).as("the routing owner's change stays live").isEqualTo("SERVICE_HALL");
        assertThat(http.download("/api/v1/decision-tables/" + rebuilt + "/workbooks/" + ROUTING, OWNER)).isEqualTo(routingChange.bytes(ROUTING));
        assertThat(http.download("/api/v1/decision-tables/" + rebuilt + "/workbooks/" + Workbooks.SLA, OWNER))
                .isEqualTo(slaChange.bytes(Workbooks.SLA));
        assertThat(http.get("/api/v1/decision-tables/" + rebuilt, OWNER).body().get("problems")).as("checked again").isEmpty();
    }

    @Test
    void aCandidateWhoseWorkbookAnotherOwnerPublishedAfterItWasUploadedIsAConflictAndChangesNothing() {
        String theirs = uploadedCandidate(shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL")
                .setText(ROUTING, LEAD, "O9", "theirs " + UUID.randomUUID()), ROUTING);
        String mine = uploadedCandidate(shipped.setText(ROUTING, LEAD, "O9", "mine " + UUID.randomUUID()), ROUTING);
        publish(theirs);

        TestHttp.Response refused = http.post("/api/v1/decision-tables/" + mine + "/publish", OWNER, "");

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).endsWith("workbook-changed-since-upload");
        assertThat(refused.body().get("detail").asString()).contains(ROUTING, theirs, mine, "Download", "重新上传");
        assertThat(live()).isEqualTo(theirs);
        assertThat(evaluateL6().get("ownerChannel").asString()).isEqualTo("SERVICE_HALL");

        // uploaded again on what is live now, it is theirs to replace knowingly
        String again = uploadedCandidate(shipped.setText(ROUTING, LEAD, "O9", "mine again " + UUID.randomUUID()), ROUTING);
        assertThat(publish(again)).isEqualTo(again);
        assertThat(evaluateL6().get("ownerChannel").asString()).isEqualTo("CORE_AGENT");
    }

    @Test
    void aCandidateWhoseTestsFailOnTheTablesPublishedAfterItWasUploadedIsRefusedAndChangesNothing() {
        // the SLA owner's workbook carries a test of the routing as it was; the routing owner changes that routing first
        String sla = uploadedCandidate(shipped.addTable(Workbooks.SLA, "Tests",
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "expect.ownerChannel"},
                new String[]{"C lead for MAS " + UUID.randomUUID(), "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-1", "C", "", "MAS",
                        "CORE_AGENT"}), Workbooks.SLA);
        String routing = uploadedCandidate(shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL")
                .setText(ROUTING, LEAD, "O9", "halls " + UUID.randomUUID()), ROUTING);
        publish(routing);
        int versionsBefore = http.get("/api/v1/decision-tables", OWNER).body().get("versions").size();

        TestHttp.Response refused = http.post("/api/v1/decision-tables/" + sla + "/publish", OWNER, "");

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.body().get("detail").asString()).contains(sla, routing, "routing.xlsx", "cannot be published", "不能发布");
        assertThat(refused.raw().body()).contains("[sla.xlsx]Tests!A2 (name)", "expected CORE_AGENT but was SERVICE_HALL");
        assertThat(live()).isEqualTo(routing);
        assertThat(http.get("/api/v1/decision-tables", OWNER).body().get("versions").size()).as("nothing stored").isEqualTo(versionsBefore);
    }

    /**
     * A workbook uploaded again on a later live set can make a set that was live before: it is a candidate for that
     * workbook again, not the old whole set, so publishing it keeps what another owner published meanwhile.
     */
    @Test
    void aWorkbookUploadedAgainThatMakesAnEarlierVersionIsPublishedAsThatWorkbookAlone() {
        Workbooks routingFirst = shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL").setText(ROUTING, LEAD, "O9", "first " + UUID.randomUUID());
        publish(uploadedCandidate(routingFirst, ROUTING));
        String earlier = publish(uploadedCandidate(shipped.setNumber(Workbooks.SLA, Workbooks.SLA_SHEET, "F10", 400), Workbooks.SLA));
        String routingNext = publish(uploadedCandidate(shipped.setText(ROUTING, LEAD, "O9", "next " + UUID.randomUUID()), ROUTING));

        // the routing owner goes back to the first routing: with the SLA live now, that is the earlier version's set
        TestHttp.Response again = http.upload("/api/v1/decision-tables", OWNER, "file", ROUTING, routingFirst.bytes(ROUTING),
                Map.of("comment", "back to the first routing"), Map.of());
        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.body().get("version").asString()).isEqualTo(earlier);
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().get("uploadedFile").asString()).as("this upload's file").isEqualTo(ROUTING);
        assertThat(again.body().get("basedOn").asString()).isEqualTo(routingNext);
        // meanwhile the SLA owner publishes another SLA
        Workbooks slaNow = shipped.setNumber(Workbooks.SLA, Workbooks.SLA_SHEET, "F10", 300);
        String slaLive = publish(uploadedCandidate(slaNow, Workbooks.SLA));

        TestHttp.Response published = http.post("/api/v1/decision-tables/" + earlier + "/publish", OWNER, "");

        assertThat(published.status()).as(published.raw().body()).isEqualTo(200);
        String rebuilt = published.body().get("version").asString();
        assertThat(rebuilt).isNotIn(earlier, slaLive);
        assertThat(published.body().get("origin").asString()).isEqualTo("REBUILT");
        assertThat(published.body().get("comment").asString()).contains("back to the first routing");
        assertThat(http.download("/api/v1/decision-tables/" + rebuilt + "/workbooks/" + Workbooks.SLA, OWNER))
                .as("the SLA owner's change stays live").isEqualTo(slaNow.bytes(Workbooks.SLA));
        assertThat(http.download("/api/v1/decision-tables/" + rebuilt + "/workbooks/" + ROUTING, OWNER)).isEqualTo(routingFirst.bytes(ROUTING));
        assertThat(evaluateL6().get("ownerChannel").asString()).isEqualTo("SERVICE_HALL");
    }

    @Test
    void aVersionThatWasLiveBeforeIsPublishedAsTheWholeSetItIs() {
        // going back to a known version is not a rebuild: routing A, then SLA B on A, then A again is A
        String routing = uploadedCandidate(shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL")
                .setText(ROUTING, LEAD, "O9", "back to " + UUID.randomUUID()), ROUTING);
        publish(routing);
        String sla = uploadedCandidate(shipped.setText(Workbooks.SLA, Workbooks.SLA_SHEET, "J4", "then " + UUID.randomUUID()), Workbooks.SLA);
        assertThat(publish(sla)).isEqualTo(sla);

        assertThat(publish(routing)).isEqualTo(routing);
        assertThat(live()).isEqualTo(routing);

        // and an earlier version of the same workbook too: routing C on A, then A again
        String later = uploadedCandidate(shipped.setText(ROUTING, LEAD, "O9", "later " + UUID.randomUUID()), ROUTING);
        assertThat(publish(later)).isEqualTo(later);
        assertThat(publish(routing)).isEqualTo(routing);
        assertThat(evaluateL6().get("ownerChannel").asString()).isEqualTo("SERVICE_HALL");
    }

    @Test
    void administratorsSeeInTheHealthDetailsWhetherTheCalendarListsTheYearsItMust() {
        JsonNode details = http.get("/actuator/health", "dev-admin").body().get("components").get("decisionTables").get("details");
        DecisionTables served = live.current();

        assertThat(details.get("version").asString()).isEqualTo(served.version());
        // the shipped calendar lists the holidays of 2025 and 2026: from November 2026 on, a year is missing
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        int missing = today.getYear() >= 2027 ? today.getYear() : today.getMonthValue() >= 11 ? today.getYear() + 1 : 0;
        if (missing == 0) {
            assertThat(details.has("calendar")).isFalse();
        } else {
            assertThat(details.get("calendar").asString()).contains("no holiday in " + missing, "last year it lists is 2026");
        }
    }

    @Test
    void aWorkbookSentUnderAnotherPartNameIsNamedAsTheMissingField() {
        TestHttp.Response response = http.upload("/api/v1/decision-tables", OWNER, "upload", ROUTING, shipped.bytes(ROUTING), Map.of(), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertLiveUnchanged();
    }

    @Test
    void theSameWorkbookUploadedTwiceAtOnceIsOneCandidateAndBothAreAnswered() throws Exception {
        // an owner who clicks twice, or retries while a slow first upload is still being checked (a content no
        // other test uploads: the context and its database are shared)
        byte[] workbook = shipped.setText(ROUTING, LEAD, "I9", "CORE_AGENT").bytes(ROUTING);
        int versionsBefore = http.get("/api/v1/decision-tables", OWNER).body().get("versions").size();

        List<TestHttp.Response> responses = Simultaneously.repeat(3, () -> upload(ROUTING, workbook));

        assertThat(responses).extracting(TestHttp.Response::status).containsOnly(201, 200);
        assertThat(responses).extracting(r -> r.body().get("version").asString()).containsOnly(responses.get(0).body().get("version").asString());
        assertThat(responses).filteredOn(r -> r.body().get("created").asBoolean()).hasSize(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.body().get("publishable").asBoolean()).isTrue());
        assertThat(http.get("/api/v1/decision-tables", OWNER).body().get("versions").size()).isEqualTo(versionsBefore + 1);
    }

    @Test
    void aTypoIsPointedOutByCellInEnglishOrChineseAndCannotBePublished() {
        byte[] typo = shipped.setText(ROUTING, LEAD, "I9", "ACOUNT_MANAGER").bytes(ROUTING);

        TestHttp.Response english = upload(ROUTING, typo);
        TestHttp.Response chinese = http.upload("/api/v1/decision-tables", OWNER, "file", ROUTING, typo, Map.of(),
                Map.of("Accept-Language", "zh-CN"));

        assertThat(english.status()).isEqualTo(201);
        assertThat(chinese.status()).as("the same content again").isEqualTo(200);
        assertThat(english.body().get("publishable").asBoolean()).isFalse();
        JsonNode problem = english.body().get("problems").get(0);
        assertThat(problem.get("sheet").asString()).isEqualTo(LEAD);
        assertThat(problem.get("cell").asString()).isEqualTo("I9");
        assertThat(problem.get("row").asInt()).isEqualTo(9);
        assertThat(problem.get("column").asString()).isEqualTo("Owner channel");
        assertThat(problem.get("value").asString()).isEqualTo("ACOUNT_MANAGER");
        assertThat(problem.get("message").asString()).contains("Did you mean ACCOUNT_MANAGER?");
        assertThat(chinese.body().get("problems").get(0).get("message").asString()).contains("您是否想输入 ACCOUNT_MANAGER");

        TestHttp.Response publish = http.post("/api/v1/decision-tables/" + english.body().get("version").asString() + "/publish",
                OWNER, "");
        assertThat(publish.status()).isEqualTo(422);
        assertThat(publish.body().get("errors").get(0).get("field").asString()).isEqualTo("Routing LEAD!I9 (Owner channel)");
        assertThat(publish.body().get("errors").get(0).get("message").asString()).contains("ACOUNT_MANAGER", "Did you mean ACCOUNT_MANAGER?");
        TestHttp.Response publishInChinese = http.post("/api/v1/decision-tables/" + english.body().get("version").asString()
                + "/publish", OWNER, "", Map.of("Accept-Language", "zh-CN"));
        assertThat(publishInChinese.status()).isEqualTo(422);
        assertThat(publishInChinese.body().get("errors").get(0).get("message").asString()).contains("您是否想输入 ACCOUNT_MANAGER");
        assertLiveUnchanged();
    }

    @Test
    void aVersionsWorkbooksCanBeDownloadedAsUploaded() throws IOException {
        byte[] changed = shipped.setText(ROUTING, LEAD, "I9", "WEBSITE").bytes(ROUTING);
        String version = upload(ROUTING, changed).body().get("version").asString();

        assertThat(http.download("/api/v1/decision-tables/" + version + "/workbooks/" + ROUTING, OWNER)).isEqualTo(changed);
        assertThat(http.download("/api/v1/decision-tables/" + version + "/workbooks/sla.xlsx", OWNER))
                .isEqualTo(Files.readAllBytes(Path.of("decision-tables/sla.xlsx")));
        assertThat(http.get("/api/v1/decision-tables/" + version + "/drl", "dev-qa").raw().body())
                .contains("rule \"L6 (Routing LEAD row 9)\"");
    }

    /** A test whose own request is wrong is pointed at the wrong cell, and said without HTTP status codes the owner never wrote. */
    @Test
    void aTestWhoseRequestIsRefusedIsPointedAtTheCellRefused() {
        Workbooks withTests = shipped.addTable(ROUTING, "Tests",
                new String[]{"name", "itemType", "sourceChannel", "customer.id", "customer.customerClass", "customer.accountManagerId",
                        "productCode", "expect.ownerChannel", "expectStatus"},
                new String[]{"class typed wrong", "LEAD", "SERVICE_HALL", "T-1", "VIP", "", "MAS", "CORE_AGENT", null},
                new String[]{"a prospect's alert", "ALERT", "BI_SYSTEM", "T-2", "POTENTIAL", "", null, "CORE_AGENT", null},
                new String[]{"class typed wrong, 200 written", "LEAD", "SERVICE_HALL", "T-3", "VIP", "", "MAS", "CORE_AGENT", "200"});

        JsonNode problems = upload(withTests, ROUTING).body().get("problems");
        JsonNode problem = problems.get(0);
        assertThat(problems.get(1).get("cell").asString()).isEqualTo("A3");
        assertThat(problems.get(1).get("message").asString()).contains("the tables refuse its item (422)");
        assertThat(problems.get(2).get("cell").asString()).as("200 written or not, the same refusal at the same cell").isEqualTo("E4");
        assertThat(problems.get(2).get("message").asString()).contains("gets no decision");

        assertThat(problem.get("cell").asString()).isEqualTo("E2");
        assertThat(problem.get("column").asString()).isEqualTo("customer.customerClass");
        assertThat(problem.get("value").asString()).isEqualTo("VIP");
        assertThat(problem.get("message").asString()).contains("gets no decision").contains("customer.customerClass")
                .doesNotContain("expected 200");
    }

    /** The live set loaded at start was only read then; uploading its workbook again shows the whole check of it. */
    @Test
    void uploadingTheWorkbookLoadedAtStartShowsItsWholeCheck() throws IOException {
        TestHttp.Response again = upload(ROUTING, Files.readAllBytes(Path.of("decision-tables", ROUTING)));

        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().get("version").asString()).isEqualTo(shippedVersion);
        assertThat(again.body().get("analysis").get("combinations").asInt()).isPositive();
        assertThat(again.body().get("checks")).isNotEmpty();
    }

    @Test
    void failingWorkbookTestsBlockPublishingAndNameTheirRow() {
        Workbooks withTests = shipped.addTable(ROUTING, "Tests",
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "expect.ownerChannel", "expect.routingRule", "expectStatus"},
                new String[]{"C lead for MAS", "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-1", "C", "", "MAS",
                        "CORE_AGENT", "L6", null},
                new String[]{"wrong on purpose", "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-2", "C", "", "MAS",
                        "WEBSITE", null, null},
                new String[]{"prospect alert refused", "ALERT", "BI_SYSTEM", "2026-11-26T10:08:00Z", "T-3", "POTENTIAL", null,
                        null, null, null, "422"});

        TestHttp.Response response = upload(withTests, ROUTING);

        assertThat(response.body().get("publishable").asBoolean()).isFalse();
        JsonNode summary = response.body().get("checks").get(0).get("summary");
        assertThat(summary.get("cases").asInt()).isEqualTo(3);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        JsonNode problem = response.body().get("problems").get(0);
        assertThat(problem.get("sheet").asString()).isEqualTo("Tests");
        assertThat(problem.get("cell").asString()).isEqualTo("A3");
        assertThat(problem.get("message").asString()).contains("wrong on purpose")
                .contains("ownerChannel: expected WEBSITE but was CORE_AGENT");
        assertThat(firstProblemInChinese(withTests, ROUTING).get("message").asString()).contains("wrong on purpose")
                .contains("ownerChannel：应为 WEBSITE，实际为 CORE_AGENT").doesNotContain("expected", "but was");

        Workbooks passing = shipped.addTable(ROUTING, "Tests",
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "expect.ownerChannel"},
                new String[]{"C lead for MAS", "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-1", "C", "", "MAS", "CORE_AGENT"});
        assertThat(upload(passing, ROUTING).body().get("publishable").asBoolean()).isTrue();
    }

    /**
     * A column named twice is pointed out at its second header cell and the sheet's tests are not run (which cell
     * would count?); a misspelt expectation is pointed out with the column it most likely means.
     */
    @Test
    void aTestsColumnNamedTwiceOrMisspeltIsPointedOutAtItsHeader() {
        Workbooks withTests = shipped.addTable(ROUTING, "Tests",
                new String[]{}, // an empty first row: the header is the first row that holds something, here row 2
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "expect.ownerChannel", "Expect.routingRule",
                        "expect.ownerChannel"},
                new String[]{"C lead for MAS", "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-1", "C", "", "MAS",
                        "CORE_AGENT", "L6", "WEBSITE"});

        TestHttp.Response response = upload(withTests, ROUTING);

        assertThat(response.body().get("publishable").asBoolean()).isFalse();
        assertThat(response.body().get("checks").get(0).get("summary").get("cases").asInt()).as("not run").isZero();
        List<String> problems = new ArrayList<>();
        response.body().get("problems").forEach(p -> problems.add(p.get("cell").asString() + " " + p.get("message").asString()));
        assertThat(problems).containsExactly(
                "J2 This is not a Tests column: did you mean \"expect.routingRule\"?",
                "K2 The column \"expect.ownerChannel\" is named twice (I2 and K2): keep one. The tests of this sheet run once it is "
                        + "named once.");
        assertThat(firstProblemInChinese(withTests, ROUTING).get("message").asString()).isEqualTo("这不是测试列：是否应为“expect.routingRule”？");
    }

    /** An expected time that is no time is pointed out at its cell, in both languages, rather than failing as a mismatch. */
    @Test
    void anExpectedTimeThatIsNoTimeIsPointedOutAtItsCell() {
        Workbooks slaTests = shipped.addTable("sla.xlsx", "Tests",
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "faultCategory", "severity", "expect.sla.rule",
                        "expect.sla.responseDueAt"},
                new String[]{"dedicated line fault", "FAULT", "GROUP_HOTLINE", "2026-12-01T02:00:00Z", "T-9", "A", "",
                        "DEDICATED_LINE", "NETWORK", "MAJOR", "S1", "an hour later"});

        TestHttp.Response response = upload(slaTests, "sla.xlsx");

        assertThat(response.body().get("publishable").asBoolean()).isFalse();
        JsonNode problem = response.body().get("problems").get(0);
        assertThat(problem.get("sheet").asString()).isEqualTo("Tests");
        assertThat(problem.get("cell").asString()).isEqualTo("L2");
        assertThat(problem.get("column").asString()).isEqualTo("expect.sla.responseDueAt");
        assertThat(problem.get("value").asString()).isEqualTo("an hour later");
        assertThat(problem.get("message").asString()).contains("must be a date and time such as 2026-11-26T10:08:00Z")
                .doesNotContain("expected an hour later");
        assertThat(firstProblemInChinese(slaTests, "sla.xlsx").get("message").asString())
                .contains("须填写日期时间", "“an hour later”不是日期时间");
    }

    /**
     * The owners' guide lets every workbook keep a Tests sheet: the SLA owner's tests and the routing owner's
     * both run, whoever uploads. An occurredAt typed as an Excel date holds no zone: it is the calendar's
     * local time (10:00 in Beijing is 02:00Z, so S1's 60-minute response is due at 03:00Z).
     */
    @Test
    void eachWorkbookKeepsItsOwnTestsAndAnExcelDateInThemIsTheCalendarsLocalTime() {
        Workbooks slaTests = shipped.addTable("sla.xlsx", "Tests",
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "faultCategory", "severity", "expect.sla.rule",
                        "expect.sla.responseDueAt"},
                new String[]{"dedicated line fault, typed in Beijing time", "FAULT", "GROUP_HOTLINE", null, "T-9", "A", "",
                        "DEDICATED_LINE", "NETWORK", "MAJOR", "S1", "2026-12-01T03:00:00Z"})
                .edit("sla.xlsx", workbook -> {
                    CellStyle dateTime = workbook.createCellStyle();
                    dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
                    Cell occurredAt = workbook.getSheet("Tests").getRow(1).createCell(3);
                    occurredAt.setCellValue(LocalDateTime.of(2026, 12, 1, 10, 0));
                    occurredAt.setCellStyle(dateTime);
                });
        TestHttp.Response slaUpload = upload(slaTests, "sla.xlsx");
        assertThat(slaUpload.body().get("problems").toString()).isEqualTo("[]");
        assertThat(http.post("/api/v1/decision-tables/" + slaUpload.body().get("version").asString() + "/publish", OWNER, "")
                .status()).isEqualTo(200);

        Workbooks routingTests = shipped.addTable(ROUTING, "Tests",
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "expect.ownerChannel"},
                new String[]{"C lead for MAS", "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-1", "C", "", "MAS", "CORE_AGENT"});
        TestHttp.Response routingUpload = upload(routingTests, ROUTING);

        assertThat(routingUpload.body().get("problems").toString()).isEqualTo("[]");
        assertThat(routingUpload.body().get("publishable").asBoolean()).isTrue();
        assertThat(routingUpload.body().get("checks").get(0).get("summary").get("cases").asInt()).isEqualTo(2);
    }

    @Test
    void publishingWhileTrafficFlowsFailsNoRequest() throws Exception {
        String candidate = upload(shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL"), ROUTING).body().get("version").asString();
        AtomicBoolean published = new AtomicBoolean();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<Integer> failures = new ArrayList<>();
        List<java.util.concurrent.Callable<Integer>> traffic = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            traffic.add(() -> {
                int requests = 0;
                while (!published.get() || requests < 50) {
                    JsonNode decision = evaluateL6();
                    versionsSeen.add(decision.get("tableVersion").asString() + "/" + decision.get("ownerChannel").asString());
                    requests++;
                }
                return requests;
            });
        }
        traffic.add(() -> {
            Thread.sleep(300);
            int status = http.post("/api/v1/decision-tables/" + candidate + "/publish", OWNER, "").status();
            published.set(true);
            if (status != 200) {
                failures.add(status);
            }
            return 1;
        });

        List<Integer> counts = Simultaneously.run(traffic);

        assertThat(failures).isEmpty();
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(300);
        assertThat(versionsSeen).as("each decision is wholly one version or the other")
                .containsExactlyInAnyOrder(shippedVersion + "/CORE_AGENT", candidate + "/SERVICE_HALL");
    }

    // ---- hostile workbooks: refused, nothing run, live rules unchanged

    @ParameterizedTest
    @ValueSource(strings = {
            "ACCOUNT_MANAGER\"); System.exit(1); //",
            "*/ rule \"x\" when then System.exit(1); end /*",
            "java.lang.Runtime.getRuntime().exec(\"touch /tmp/channel-router-pwned\")",
    })
    void codeInACellIsRefusedAtItsCell(String payload) {
        TestHttp.Response response = upload(shipped.setText(ROUTING, LEAD, "I5", payload), ROUTING);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("publishable").asBoolean()).isFalse();
        assertThat(response.body().get("problems").get(0).get("cell").asString()).isEqualTo("I5");
        assertThat(Files.exists(Path.of("/tmp/channel-router-pwned"))).isFalse();
        assertLiveUnchanged();
    }

    @Test
    void aFormulaHidingCodeIsRefusedAndNeverEvaluated() {
        TestHttp.Response response = upload(shipped.setFormula(ROUTING, LEAD, "I5",
                "CONCATENATE(\"ACCOUNT_\",\"MANAGER\")", "ACCOUNT_MANAGER"), ROUTING);

        assertThat(response.body().get("publishable").asBoolean()).isFalse();
        assertThat(response.body().get("problems").get(0).get("message").asString()).contains("Formulas are not allowed");
        assertLiveUnchanged();
    }

    @Test
    void smuggledSheetsWithDroolsKeywordsAreNotRead() {
        Workbooks smuggled = shipped.addSheet(ROUTING, "RuleSet", "RuleSet", "Import", "java.lang.Runtime")
                .addSheet(ROUTING, "Functions", "function void x() { System.exit(1); }")
                .addSheet(ROUTING, "Queries", "query \"q\" end");

        TestHttp.Response response = upload(smuggled, ROUTING);

        assertThat(response.body().get("publishable").asBoolean()).isTrue();
        assertThat(response.body().get("warnings").valueStream().map(w -> w.get("sheet").asString()))
                .contains("RuleSet", "Functions", "Queries");
        String drl = http.get("/api/v1/decision-tables/" + response.body().get("version").asString() + "/drl", OWNER).raw().body();
        assertThat(drl).doesNotContain("System.exit").doesNotContain("function").doesNotContain("query");
        assertLiveUnchanged();
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAndNothingStored() {
        int versionsBefore = http.get("/api/v1/decision-tables", OWNER).body().get("versions").size();

        TestHttp.Response text = upload(ROUTING, "Rule,Owner channel\nL1,ACCOUNT_MANAGER\n".getBytes());
        TestHttp.Response macro = upload("routing.xlsm", shipped.bytes(ROUTING));
        TestHttp.Response legacy = upload("routing.xls", shipped.bytes(ROUTING));
        TestHttp.Response macroInside = upload(shipped.withMacros(ROUTING), ROUTING);

        for (TestHttp.Response response : List.of(text, macro, legacy, macroInside)) {
            assertThat(response.status()).as(response.raw().body()).isEqualTo(415);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("detail").asString()).contains("Nothing was stored");
        }
        assertThat(macro.body().get("detail").asString()).contains(".xlsm");
        assertThat(http.get("/api/v1/decision-tables", OWNER).body().get("versions").size()).isEqualTo(versionsBefore);
        assertLiveUnchanged();
    }

    @Test
    void aZipBombIsRefusedQuickly() throws IOException {
        long started = System.nanoTime();
        TestHttp.Response response = upload(ROUTING, zipBomb(shipped.bytes(ROUTING)));

        assertThat(response.status()).as(response.raw().body()).isEqualTo(415);
        assertThat((System.nanoTime() - started) / 1_000_000).as("refused without inflating it").isLessThan(10_000);
        assertLiveUnchanged();
    }

    @Test
    void onlyTableOwnersChangeTablesAndQaMayRead() {
        byte[] workbook = shipped.bytes(ROUTING);
        assertThat(http.upload("/api/v1/decision-tables", "dev-qa", "file", ROUTING, workbook, Map.of(), Map.of()).status())
                .isEqualTo(403);
        assertThat(http.upload("/api/v1/decision-tables", "dev-group-hotline", "file", ROUTING, workbook, Map.of(), Map.of())
                .status()).isEqualTo(403);
        assertThat(http.post("/api/v1/decision-tables/rollback", "dev-qa", "").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/decision-tables", "dev-qa").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/decision-tables", "dev-group-hotline").status()).isEqualTo(403);
    }

    @Test
    void impactPreviewCountsTheItemsThatWouldMove() {
        ObjectNode request = TestHttp.JSON.createObjectNode().put("itemType", "LEAD").put("sourceChannel", "SERVICE_HALL")
                .put("occurredAt", "2026-11-26T10:08:00Z").put("productCode", "MAS");
        request.putObject("customer").put("id", "IMPACT-1").put("customerClass", "C").put("accountManagerId", "");
        assertThat(http.post("/api/v1/routings", "dev-service-hall", request).status()).isEqualTo(201);
        String candidate = upload(shipped.setText(ROUTING, LEAD, "I9", "SERVICE_HALL"), ROUTING).body().get("version").asString();

        JsonNode impact = http.get("/api/v1/decision-tables/" + candidate + "/impact?days=30", OWNER).body();

        assertThat(impact.get("rowChanges")).hasSize(1);
        assertThat(impact.get("rowChanges").get(0).get("rule").asString()).isEqualTo("L6");
        assertThat(impact.get("rowChanges").get(0).get("after").asString()).contains("owner SERVICE_HALL");
        assertThat(impact.get("replay").get("changed").asInt()).isPositive();
        assertThat(impact.get("replay").get("changedFields").get("ownerChannel").asInt()).isPositive();
        assertThat(impact.get("replay").get("byRule").get(0).get("examples").get(0).get("changes").get(0).asString())
                .isEqualTo("ownerChannel: CORE_AGENT -> SERVICE_HALL");
    }

    /** The workbook with its first sheet's XML swapped for 60 MB of spaces, which compress to almost nothing. */
    static byte[] zipBomb(byte[] workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes());
                    for (int i = 0; i < 60; i++) {
                        zip.write(spaces);
                    }
                    zip.write("</sheetData></worksheet>".getBytes());
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
