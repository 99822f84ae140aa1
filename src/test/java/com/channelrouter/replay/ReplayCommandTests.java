package com.channelrouter.replay;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay command line as QA runs it: no server, no database; the shipped sample cases are green and
 * reach every rule; wrong expectations fail exactly and show both values; missing rules are named.
 */
class ReplayCommandTests {

    static final Path SAMPLE_JSONL = Path.of("qa/cases/sample-cases.jsonl");
    static final Path SAMPLE_XLSX = Path.of("qa/cases/sample-cases.xlsx");
    static final Path SAMPLE_CSV = Path.of("src/test/resources/cases/sample-cases.csv");

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int replay(String... args) {
        return ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedSampleCasesPassAndReachEveryRule() {
        int exit = replay(SAMPLE_JSONL.toString(), SAMPLE_XLSX.toString(), "--report-dir", "target/replay-reports");

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("Every rule was reached by some case.").endsWith("128 passed, 0 failed\n");
        assertThat(Path.of("target/replay-reports/TEST-replay.xml")).exists();
    }

    @Test
    void wrongExpectedOwnersFailExactlyThoseCasesShowingBothValues(@TempDir Path dir) throws IOException {
        Path wrong = dir.resolve("wrong-owners.csv");
        Files.writeString(wrong, withOwners(Files.readString(SAMPLE_CSV), Map.of("R-0003 LEAD", "WEBSITE", "R-0017 FAULT", "CORE_AGENT")));

        int exit = replay(wrong.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL R-0003 LEAD (wrong-owners.csv:4)")
                .contains("ownerChannel: expected WEBSITE, actual ACCOUNT_MANAGER")
                .contains("FAIL R-0017 FAULT (wrong-owners.csv:18)")
                .contains("ownerChannel: expected CORE_AGENT, actual OPERATIONS_CENTER")
                .endsWith("62 passed, 2 failed\n");
        assertThat(output().lines().filter(l -> l.startsWith("FAIL"))).hasSize(2);
    }

    @Test
    void rulesNoCaseReachesAreNamed(@TempDir Path dir) throws IOException {
        Path withoutL5 = dir.resolve("no-website-leads.jsonl");
        Files.write(withoutL5, Files.readAllLines(SAMPLE_JSONL).stream().filter(l -> !l.contains("\"L5\"")).toList());

        int exit = replay(withoutL5.toString());

        assertThat(exit).isZero();
        assertThat(output()).contains("Rules no case reached: Routing LEAD: L5");
    }

    @Test
    void malformedRowsAreReportedAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("mixed.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE_JSONL).subList(0, 3));
        lines.add(1, "{not json");
        lines.add("{\"name\": \"no request\"}");
        Files.write(cases, lines);
        Path csv = dir.resolve("extra-column.csv");
        Files.writeString(csv, "name,itemType,sourceChannel,customer.id,customer.customerClass,productCode,colour,expect.routingRule\n"
                + "one,LEAD,WEBSITE,C-1,C,VPMN,blue,L4\n"
                + "bad time,LEAD,WEBSITE,C-2,C,VPMN,red,\n");

        int exit = replay(cases.toString(), csv.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL mixed.jsonl:2: not valid JSON")
                .contains("FAIL mixed.jsonl:5: a case is an object with a \"request\"")
                .contains("WARNING extra-column.csv:1: unknown column \"colour\"")
                .contains("FAIL extra-column.csv:3: \"bad time\" checks nothing")
                .endsWith("4 passed, 3 failed\n");
    }

    @Test
    void aValueUnderNoHeaderInAWorkbookIsAProblemAsInCsv(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("shifted.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream file = Files.newOutputStream(cases)) {
            Sheet sheet = workbook.createSheet("Cases");
            String[][] rows = {
                    {"name", "itemType", "sourceChannel", "customer.id", "customer.customerClass", "productCode", "expect.routingRule"},
                    {"one", "LEAD", "WEBSITE", "C-1", "C", "VPMN", "L4"},
                    {"shifted", "LEAD", "WEBSITE", "C-2", "C", "", "VPMN", "L4"}}; // a forgotten cell moved the rest right
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(file);
        }

        int exit = replay(cases.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL shifted.xlsx!Cases!H3: has a value but its column has no header in row 1")
                .endsWith("1 passed, 1 failed\n");
    }

    @Test
    void invalidValuesAreCasesThatPassOnlyWhenTheirRefusalIsExpected(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("refusals.csv");
        Files.writeString(csv, "name,itemType,sourceChannel,occurredAt,customer.id,customer.customerClass,productCode,expectStatus\n"
                + "bad time,LEAD,WEBSITE,yesterday,C-1,C,VPMN,400\n"
                + "bad code,LEAD,CARRIER_PIGEON,,C-2,C,VPMN,400\n"
                + "prospect alert,ALERT,BI_SYSTEM,,C-3,POTENTIAL,,422\n"
                + "refused but a decision expected,LEAD,WEBSITE,yesterday,C-4,C,VPMN,200\n");

        replay(csv.toString());

        assertThat(output()).contains("FAIL refused but a decision expected (refusals.csv:5)").contains("status: expected 200, actual 400")
                .endsWith("3 passed, 1 failed\n");
    }

    @Test
    void aCaseWithoutTheCustomersClassIsToldTheRegistryIsNotRead(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("no-class.csv");
        Files.writeString(csv, "name,itemType,sourceChannel,customer.id,expect.ownerChannel\n"
                + "registered elsewhere,ALERT,BI_SYSTEM,DEMO-A-TAGGED,ACCOUNT_MANAGER\n");

        replay(csv.toString());

        assertThat(output()).contains("FAIL registered elsewhere")
                .contains("no class in the request, and the customer registry is not read here");
    }

    @Test
    void expectStatus200AlsoChecksTheExpectedFields(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("both.csv");
        Files.writeString(csv, "name,itemType,sourceChannel,customer.id,customer.customerClass,productCode,expect.routingRule,expectStatus\n"
                + "right rule,LEAD,WEBSITE,C-1,C,VPMN,L4,200\n"
                + "wrong rule,LEAD,WEBSITE,C-1,C,VPMN,L1,200\n"
                + "refused with fields,LEAD,WEBSITE,C-1,C,NOPE,L4,400\n");

        int exit = replay(csv.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL wrong rule (both.csv:3)").contains("routingRule: expected L1, actual L4")
                .as("a refusal has no fields to check: expecting some with it is a problem, not a pass on the status alone")
                .contains("FAIL both.csv:4: expectStatus 400 gets no decision, so its expect. fields cannot be checked")
                .endsWith("1 passed, 2 failed\n");
    }

    @Test
    void reportsAreWrittenForCiAndForPeople(@TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("wrong.csv");
        Files.writeString(wrong, withOwners(Files.readString(SAMPLE_CSV), Map.of("R-0003 LEAD", "WEBSITE")));

        replay(wrong.toString(), "--report-dir", dir.resolve("report").toString());

        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("report/TEST-replay.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("tests")).isEqualTo("64");
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        String html = Files.readString(dir.resolve("report/replay-report.html"));
        assertThat(html.indexOf("Failures")).isPositive().isLessThan(html.indexOf("Rule coverage"));
        assertThat(html).contains("R-0003 LEAD").contains("expected <code>WEBSITE</code>, was <code>ACCOUNT_MANAGER</code>");
        assertThat(Files.readString(dir.resolve("report/replay-report.json"))).contains("\"failed\" : 1");
    }

    @Test
    void theJUnitReportShowsTheFilesWarningsAndProblems(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, "name,itemType,sourceChannel,customer.id,customer.customerClass,productCode,expect.routingRule,notes\n"
                + "one,LEAD,WEBSITE,C-1,C,VPMN,L4,call back\n"
                + "two,LEAD,WEBSITE,C-1,C,VPMN,,\n");

        replay(csv.toString(), "--report-dir", dir.resolve("report").toString());

        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("report/TEST-replay.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(junit.getElementsByTagName("failure").item(0).getTextContent()).contains("cases.csv:3").contains("checks nothing");
        assertThat(junit.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("WARNING cases.csv:1: unknown column \"notes\" is ignored");
    }

    @Test
    void candidateWorkbooksInAFolderCanBeReplayedBeforeUpload(@TempDir Path dir) throws IOException {
        // only the edited workbook: it takes the place of the shipped one, the others stay as shipped
        Files.write(dir.resolve("routing.xlsx"), com.channelrouter.tables.TestWorkbooks.routingWithL6OwnedBy("SERVICE_HALL"));

        int exit = replay(SAMPLE_JSONL.toString(), "--tables", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("ownerChannel: expected CORE_AGENT, actual SERVICE_HALL");
    }

    /** As an upload runs them: a check before uploading must not pass what the upload then refuses. */
    @Test
    void aCandidateWorkbooksOwnTestsRunToo(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("routing.xlsx"), com.channelrouter.tables.TestWorkbooks.routingWithTests(
                new String[]{"name", "itemType", "sourceChannel", "occurredAt", "customer.id", "customer.customerClass",
                        "customer.accountManagerId", "productCode", "expect.ownerChannel"},
                new String[]{"C lead for MAS", "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-1", "C", "", "MAS", "CORE_AGENT"},
                new String[]{"wrong on purpose", "LEAD", "SERVICE_HALL", "2026-11-26T10:08:00Z", "T-2", "C", "", "MAS", "WEBSITE"}));
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, "name,itemType,sourceChannel,customer.id,customer.customerClass,productCode,expect.routingRule\n"
                + "right rule,LEAD,WEBSITE,C-1,C,VPMN,L4\n");

        int exit = replay(csv.toString(), "--tables", dir.toString(), "--report-dir", dir.resolve("report").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("report").resolve(ReportFiles.JUNIT)))
                .as("in the reports as on the screen").contains("wrong on purpose");
        assertThat(output()).startsWith("FAIL [routing.xlsx]Tests!A3 (name): Test \"wrong on purpose\" in routing.xlsx fails: ownerChannel: "
                + "expected WEBSITE but was CORE_AGENT.\n").endsWith("2 passed, 1 failed\n");
    }

    @Test
    void badUsageIsExplained() {
        assertThat(replay()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }

    @Test
    void anUnknownOptionIsBadUsageNamingTheValidOnes() {
        assertThat(replay(SAMPLE_JSONL.toString(), "--tabels", "edited")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown option --tabels; the options are --tables DIR and --report-dir DIR");
    }

    @Test
    void filesThatCannotBeReadFailWithTheirReasonAndTheOthersAreStillReplayed(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "name,itemType,expect.routingRule\n");
        Path noCases = Files.createDirectory(dir.resolve("no-cases"));
        Files.writeString(noCases.resolve("README.md"), "cases go here");

        int exit = replay(dir.resolve("missing.csv").toString(), noCases.toString(), empty.toString(), SAMPLE_JSONL.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL " + dir.resolve("missing.csv") + ": cannot be read: no such file")
                .contains("FAIL " + noCases + ": cannot be read: holds no case files (.jsonl, .csv or .xlsx)")
                .contains("FAIL empty.csv: holds no cases")
                .endsWith("64 passed, 3 failed\n");
    }

    @Test
    void aFolderReplaysTheCaseFilesInItAndPassesOverTheRest(@TempDir Path dir) throws IOException {
        Files.copy(SAMPLE_JSONL, dir.resolve(SAMPLE_JSONL.getFileName()));
        Files.copy(SAMPLE_XLSX, dir.resolve(SAMPLE_XLSX.getFileName()));
        Files.writeString(dir.resolve("README.md"), "how to write cases");
        Files.writeString(dir.resolve("~$sample-cases.xlsx"), "Excel's lock file while the workbook is open");
        Files.createDirectory(dir.resolve("old")); // not gone into
        Files.writeString(dir.resolve("old").resolve("broken.csv"), "not,a,case\n");

        int exit = replay(dir.toString());

        assertThat(exit).isEqualTo(0);
        assertThat(output()).doesNotContain("FAIL").endsWith("128 passed, 0 failed\n");
    }

    @Test
    void tablesThatCannotBeReadFailAndStillEndWithTheCount(@TempDir Path dir) {
        int exit = replay(SAMPLE_JSONL.toString(), "--tables", dir.resolve("no-such-folder").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL --tables " + dir.resolve("no-such-folder")).endsWith("0 passed, 1 failed\n");
    }

    /** The CSV with the expected owner of the named cases replaced. */
    static String withOwners(String csv, Map<String, String> owners) throws IOException {
        StringWriter result = new StringWriter();
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get());
             CSVPrinter printer = new CSVPrinter(result, CSVFormat.DEFAULT.builder().setHeader(parser.getHeaderNames().toArray(String[]::new)).get())) {
            int owner = parser.getHeaderNames().indexOf("expect.ownerChannel");
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                values.set(owner, owners.getOrDefault(record.get("name"), values.get(owner)));
                printer.printRecord(values);
            }
        }
        return result.toString();
    }
}
