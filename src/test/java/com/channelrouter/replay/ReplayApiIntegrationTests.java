package com.channelrouter.replay;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.TestHttp;
import com.channelrouter.tables.TestWorkbooks;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** QA replays case files over the API, against the live version or a stored candidate. */
@IntegrationTest
class ReplayApiIntegrationTests {

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    TestHttp.Response replay(String file, byte[] content, Map<String, String> fields) {
        return http.upload("/api/v1/replays", "dev-qa", "file", file, content, fields, Map.of());
    }

    @Test
    void sampleCasesReplayGreenAgainstTheLiveVersion() throws IOException {
        TestHttp.Response response = replay("sample-cases.xlsx", Files.readAllBytes(ReplayCommandTests.SAMPLE_XLSX), Map.of());

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        JsonNode report = response.body();
        assertThat(report.get("passed").asInt()).isEqualTo(64);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("coverage").valueStream().flatMap(c -> c.get("unreached").valueStream())).isEmpty();
        assertThat(report.get("tableVersion").asString()).isEqualTo(
                http.get("/api/v1/decision-tables", "dev-qa").body().get("live").asString());
    }

    @Test
    void aStoredCandidateCanBeReplayedBeforeItIsPublished() throws IOException {
        String candidate = http.upload("/api/v1/decision-tables", "dev-table-owner", "file", "routing.xlsx",
                TestWorkbooks.routingWithL6OwnedBy("SERVICE_HALL"), Map.of(), Map.of()).body().get("version").asString();

        JsonNode report = replay("sample-cases.jsonl", Files.readAllBytes(ReplayCommandTests.SAMPLE_JSONL),
                Map.of("version", candidate)).body();

        assertThat(report.get("tableVersion").asString()).isEqualTo(candidate);
        assertThat(report.get("failed").asInt()).as("every L6 case now goes to the service hall").isEqualTo(6);
        JsonNode failure = report.get("results").valueStream().filter(r -> !r.get("passed").asBoolean()).findFirst().orElseThrow();
        assertThat(failure.get("differences").get(0).get("field").asString()).isEqualTo("ownerChannel");
        assertThat(failure.get("differences").get(0).get("expected").asString()).isEqualTo("CORE_AGENT");
        assertThat(failure.get("differences").get(0).get("actual").asString()).isEqualTo("SERVICE_HALL");
    }

    @Test
    void onlyQaAndTableOwnersReplay() throws IOException {
        byte[] cases = Files.readAllBytes(ReplayCommandTests.SAMPLE_JSONL);
        assertThat(http.upload("/api/v1/replays", "dev-group-hotline", "file", "c.jsonl", cases, Map.of(), Map.of()).status())
                .isEqualTo(403);
        assertThat(http.upload("/api/v1/replays", null, "file", "c.jsonl", cases, Map.of(), Map.of()).status()).isEqualTo(401);
        assertThat(http.upload("/api/v1/replays", "dev-table-owner", "file", "c.jsonl", cases, Map.of(), Map.of()).status())
                .isEqualTo(200);
    }

    /** One request holds at most 20,000 cases' results (a 600 KB file of one-line cases held a gigabyte before). */
    @Test
    void casesBeyondWhatOneRequestHoldsAreNotReplayedAndSaySo() {
        StringBuilder cases = new StringBuilder("name,expectStatus\n");
        for (int i = 0; i <= Replayer.MAX_CASES_PER_REQUEST; i++) {
            cases.append("case-").append(i).append(",400\n");
        }

        TestHttp.Response response = replay("many.csv", cases.toString().getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("results")).hasSize(Replayer.MAX_CASES_PER_REQUEST);
        assertThat(response.body().get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem.get("where").asString()).isEqualTo("many.csv:" + (Replayer.MAX_CASES_PER_REQUEST + 2));
            assertThat(problem.get("message").asString()).contains("more than " + Replayer.MAX_CASES_PER_REQUEST + " cases");
        });
    }

    @Test
    void aCsvValueUnderAHeaderWithoutANameAndACaseExpectingNothingAreProblemsNotFailures() {
        // an empty header cell is ignored (Excel leaves them), a value under it is not
        TestHttp.Response headless = replay("c.csv", "itemType,,name,expectStatus\nLEAD,oops,x,400\n".getBytes(StandardCharsets.UTF_8),
                Map.of());
        TestHttp.Response expectingNothing = replay("c.jsonl", ("{\"request\":{\"itemType\":\"LEAD\"},\"expected\":{\"ownerChannel\":\"NOPE\"}}")
                .getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(headless.status()).isEqualTo(200);
        assertThat(headless.body().get("problems").get(0).get("where").asString()).isEqualTo("c.csv:2");
        assertThat(headless.body().get("failed").asInt()).isEqualTo(1);
        assertThat(expectingNothing.status()).isEqualTo(200);
        assertThat(expectingNothing.body().get("passed").asInt()).isZero();
        assertThat(expectingNothing.body().get("problems").get(0).get("message").asString()).contains("needs \"expect\"");
    }

    /** Replays never read the registry, so a case leaning on it gets the same answer everywhere; QA is told when one does. */
    @Test
    void aCaseLeavingOutTheClassOfARegisteredCustomerIsWarnedAbout() {
        String cases = "name,itemType,sourceChannel,customer.id,customer.customerClass,productCode,expectStatus,expect.routingRule\n"
                + "registered without class,LEAD,WEBSITE,DEMO-A-TAGGED,,VPMN,200,\n"
                + "registered with class,LEAD,WEBSITE,DEMO-A-TAGGED,A,VPMN,200,\n"
                + "unknown without class,LEAD,WEBSITE,NOBODY-1,,VPMN,200,\n";

        JsonNode report = replay("registry.csv", cases.getBytes(StandardCharsets.UTF_8), Map.of()).body();

        assertThat(report.get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem.get("where").asString()).isEqualTo("registry.csv:2");
            assertThat(problem.get("blocking").asBoolean()).isFalse();
            assertThat(problem.get("message").asString()).isEqualTo("case \"registered without class\": customer DEMO-A-TAGGED is in "
                    + "this service's registry, but replays do not read it: give customer.customerClass and "
                    + "customer.accountManagerId in the case");
        });
    }

    /** An Excel date holds no zone: it is the calendar's local time, as in a Tests sheet (10:00 in Beijing is 02:00Z). */
    @Test
    void anExcelDateInACaseWorkbookIsTheCalendarsLocalTime() throws IOException {
        ByteArrayOutputStream cases = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("cases");
            String[] header = {"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                    "customer.accountManagerId", "productCode", "faultCategory", "severity", "expect.sla.rule", "expect.sla.responseDueAt"};
            String[] values = {"typed in Beijing time", "FAULT", "GROUP_HOTLINE", null, "T-9", "A", "", "DEDICATED_LINE", "NETWORK",
                    "MAJOR", "S1", "2026-12-01T03:00:00Z"};
            Row top = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int c = 0; c < header.length; c++) {
                top.createCell(c).setCellValue(header[c]);
                if (values[c] != null) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            row.createCell(3).setCellValue(LocalDateTime.of(2026, 12, 1, 10, 0));
            row.getCell(3).setCellStyle(dateTime);
            workbook.write(cases);
        }

        TestHttp.Response response = replay("cases.xlsx", cases.toByteArray(), Map.of());

        assertThat(response.body().get("problems")).isEmpty();
        assertThat(response.body().get("passed").asInt()).as(response.raw().body()).isEqualTo(1);
    }

    /** A case workbook is untrusted: one that unpacks huge is refused before it is opened, not read into the heap. */
    @Test
    void aCaseWorkbookThatUnpacksHugeIsRefusedUnread() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i <= 100; i++) {
                zip.write(blanks);
            }
            zip.closeEntry();
        }

        TestHttp.Response response = replay("bomb.xlsx", zipped.toByteArray(), Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("problems")).singleElement().satisfies(problem ->
                assertThat(problem.get("message").asString()).contains("unpacks to more than"));
        assertThat(response.body().get("results")).isEmpty();
    }

    @Test
    void anUnknownVersionIsNotFound() {
        assertThat(replay("c.jsonl", "{}".getBytes(), Map.of("version", "000000000000")).status()).isEqualTo(404);
    }
}
