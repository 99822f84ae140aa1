package com.channelrouter.replay;

import com.channelrouter.web.JsonConfiguration;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What QA sees of a case file before anything is decided: the cases read, and each problem with where it is. */
class CaseFilesTests {

    static final String REQUEST = "itemType,sourceChannel,customer.id,customer.customerClass,productCode";
    static final String LEAD = "LEAD,WEBSITE,C-1,C,VPMN";

    static CaseFiles.Collected read(String fileName, String content) {
        return read(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static CaseFiles.Collected read(String fileName, byte[] content) {
        CaseFiles.Collected collected = new CaseFiles.Collected();
        new CaseFiles(JsonConfiguration.mapper()).read(fileName, new ByteArrayInputStream(content), collected);
        return collected;
    }

    static String described(CaseFiles.Collected collected) {
        return collected.problems.stream().map(p -> (p.blocking() ? "FAIL " : "WARNING ") + p.where() + ": " + p.message())
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void csvRowThatChecksNothingFails() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expect.ownerChannel,expectStatus\n"
                + "checked," + LEAD + ",WEBSITE,\n"
                + "unchecked," + LEAD + ",,\n");

        assertThat(collected.cases).extracting(ReplayCase::name).containsExactly("checked");
        assertThat(collected.problems).singleElement().satisfies(problem -> {
            assertThat(problem.blocking()).isTrue();
            assertThat(problem.where()).isEqualTo("c.csv:3");
            assertThat(problem.message()).isEqualTo("\"unchecked\" checks nothing: fill at least one expect. cell or expectStatus");
        });
    }

    @Test
    void jsonLineWithAnEmptyExpectFails() {
        CaseFiles.Collected collected = read("c.jsonl", "{\"name\":\"empty\",\"request\":{\"itemType\":\"LEAD\"},\"expect\":{}}\n");

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo(
                "FAIL c.jsonl:1: \"empty\" checks nothing: fill at least one expect. cell or expectStatus\n");
    }

    @Test
    void aStatusNoReplayGivesIsAProblemNamingTheAllowedOnes() {
        CaseFiles.Collected csv = read("c.csv", "name," + REQUEST + ",expectStatus\nodd," + LEAD + ",999\nfine," + LEAD + ",200\n");
        CaseFiles.Collected jsonl = read("c.jsonl", "{\"request\":{\"itemType\":\"LEAD\"},\"expectStatus\":409}\n");

        assertThat(csv.cases).extracting(ReplayCase::name).containsExactly("fine");
        assertThat(described(csv)).isEqualTo("FAIL c.csv:2: expectStatus 999 is not a status a replay gives: "
                + "write 200 (a decision), 400 (the request is invalid) or 422 (the tables refuse it)\n");
        assertThat(described(jsonl)).contains("FAIL c.jsonl:1: expectStatus 409 is not a status a replay gives");
    }

    /** Compared, it could only fail ("expected tomorrow 9am but was …"): the cell is what is wrong, and null is a value. */
    @Test
    void anExpectedTimeThatIsNoTimeIsAProblemNotAFailure() {
        CaseFiles.Collected csv = read("c.csv", "name," + REQUEST + ",expect.sla.responseDueAt,expect.sla.dispatchDueAt\n"
                + "typo," + LEAD + ",tomorrow 9am,\n"
                + "fine," + LEAD + ",2026-11-26T11:08:00Z,null\n");

        assertThat(csv.cases).extracting(ReplayCase::name).containsExactly("fine");
        assertThat(described(csv)).isEqualTo("FAIL c.csv:2: expect.sla.responseDueAt must be a date and time such as "
                + "2026-11-26T10:08:00Z (or an Excel date), or null when the decision has none, not \"tomorrow 9am\"\n");
    }

    /** A number, a flag or a code that the field can never hold is refused the same way, naming what it must be. */
    @Test
    void anExpectedValueOfTheWrongKindIsAProblemNamingWhatTheFieldHolds() {
        CaseFiles.Collected csv = read("c.csv", "name," + REQUEST + ",expect.sla.responseMinutes,expect.secondTransfer,"
                + "expect.ownerChannel,expect.assistChannels\n"
                + "minutes," + LEAD + ",sixty,,,\n"
                + "flag," + LEAD + ",,yes,,\n"
                + "code," + LEAD + ",,,WEBSTE,\n"
                + "list," + LEAD + ",,,,EXPERIENCE_HALL|HALL\n"
                + "null list," + LEAD + ",,,,null\n"
                + "null flag," + LEAD + ",,null,,\n"
                + "fine," + LEAD + ",60.0,FALSE,WEBSITE,EXPERIENCE_HALL\n"
                + "null code in capitals," + LEAD + ",,,NULL,none\n"
                + "lower case," + LEAD + ",,,website,\n"
                + "negative," + LEAD + ",-60,,,\n"
                + "fraction," + LEAD + ",60.5,,,\n"
                + "lower case in a list," + LEAD + ",,,,EXPERIENCE_HALL|website\n");

        assertThat(csv.cases).extracting(ReplayCase::name).containsExactly("fine", "null code in capitals");
        assertThat(csv.cases.get(1).expect().get("ownerChannel").isNull()).isTrue();
        assertThat(described(csv)).contains(
                "FAIL c.csv:2: expect.sla.responseMinutes must be a whole number of minutes, 0 or more, such as 60, not \"sixty\"",
                "FAIL c.csv:3: expect.secondTransfer must be true or false, not \"yes\"",
                "FAIL c.csv:4: expect.ownerChannel must be one of ", "WEBSITE", "(or null), not \"WEBSTE\"",
                "FAIL c.csv:5: expect.assistChannels must be codes separated by | (such as ", "or none when there is none: \"HALL\" "
                        + "is not one of ",
                "FAIL c.csv:6: expect.assistChannels must be codes separated by |", "\"null\" is not one of",
                "FAIL c.csv:7: expect.secondTransfer must be true or false, not \"null\"",
                "FAIL c.csv:10: expect.ownerChannel must be written WEBSITE, in capitals, not \"website\"",
                "FAIL c.csv:11: expect.sla.responseMinutes must be a whole number of minutes, 0 or more, such as 60, not \"-60\"",
                "FAIL c.csv:12: expect.sla.responseMinutes must be a whole number of minutes, 0 or more, such as 60, not \"60.5\"",
                "FAIL c.csv:13: expect.assistChannels must be written WEBSITE, in capitals, not \"website\"");
    }

    /** A refusal has no decision to compare fields with: expecting both would pass on the status alone, unchecked. */
    @Test
    void expectedFieldsWithARefusalStatusAreAProblem() {
        CaseFiles.Collected csv = read("c.csv", "name," + REQUEST + ",expect.ownerChannel,expectStatus\n"
                + "both," + LEAD + ",WEBSITE,422\n"
                + "status and fields," + LEAD + ",WEBSITE,200\n");
        CaseFiles.Collected jsonl = read("c.jsonl", "{\"request\":{\"itemType\":\"LEAD\"},\"expect\":{\"ownerChannel\":\"WEBSITE\"},"
                + "\"expectStatus\":400}\n");

        assertThat(csv.cases).extracting(ReplayCase::name).containsExactly("status and fields");
        assertThat(described(csv)).isEqualTo("FAIL c.csv:2: expectStatus 422 gets no decision, so its expect. fields cannot be "
                + "checked: leave them empty, or expect 200\n");
        assertThat(jsonl.cases).isEmpty();
        assertThat(described(jsonl)).contains("FAIL c.jsonl:1: expectStatus 400 gets no decision");
    }

    @Test
    void aHeaderThatLooksLikeAnExpectationBlocksTheFileAndSaysWhatItMeans() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expected.ownerChannel,Expect.routingRule,expectstatus,"
                + "expect_sla_rule,Expect.nothing,notes,Expected result,expect.ownerchannel\n"
                + "one," + LEAD + ",WEBSITE,L4,,,,call back,a call back,WEBSITE\n");

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo("""
                FAIL c.csv:1: column "expected.ownerChannel" looks like an expectation but is not one: did you mean "expect.ownerChannel"? (no case of this file was replayed)
                FAIL c.csv:1: column "Expect.routingRule" looks like an expectation but is not one: did you mean "expect.routingRule"? (no case of this file was replayed)
                FAIL c.csv:1: column "expectstatus" looks like an expectation but is not one: did you mean "expectStatus"? (no case of this file was replayed)
                FAIL c.csv:1: column "expect_sla_rule" looks like an expectation but is not one: did you mean "expect.sla.rule"? (no case of this file was replayed)
                FAIL c.csv:1: column "Expect.nothing" looks like an expectation but is not one: write expect.<field> (expect.ownerChannel, expect.sla.rule, …) or expectStatus (no case of this file was replayed)
                FAIL c.csv:1: column "expect.ownerchannel" looks like an expectation but is not one: did you mean "expect.ownerChannel"? (no case of this file was replayed)
                WARNING c.csv:1: unknown column "notes" is ignored; the columns are request fields (itemType, customer.id, …), expect.<field>, expectStatus and name
                WARNING c.csv:1: unknown column "Expected result" is ignored; the columns are request fields (itemType, customer.id, …), expect.<field>, expectStatus and name
                """);
    }

    @Test
    void aColumnNamedTwiceBlocksTheFile() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expect.routingRule,expect.routingRule\none," + LEAD + ",L4,L5\n");

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo("FAIL c.csv:1: column \"expect.routingRule\" is named twice (column 7 and column 8): "
                + "keep one (no case of this file was replayed)\n");
    }

    @Test
    void csvEmptyHeaderCellsAndBlankRowsAreIgnoredAsInAWorkbook() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expect.routingRule,,\n"
                + "one," + LEAD + ",L4,,\n"
                + ",,,,,,,,\n"
                + "\n"
                + "two," + LEAD + ",L4,oops,\n"
                + "three," + LEAD + ",L4\n");

        assertThat(collected.cases).extracting(ReplayCase::name).containsExactly("one", "three");
        assertThat(described(collected)).isEqualTo(
                "FAIL c.csv:5: cell 8 has a value (\"oops\") but its column has no header in line 1\n");
    }

    @Test
    void csvRowWithTooFewCellsIsAProblem() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expect.routingRule\nshort,LEAD,WEBSITE\n");

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo(
                "FAIL c.csv:2: has 3 cells but the header names 7 columns: a cell (or a comma) is missing\n");
    }

    @Test
    void csvRowIsPlacedAtTheLineWhereItStarts() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expect.routingRule,expectStatus\n"
                + "\"two\nlines\"," + LEAD + ",L4,\n"
                + "odd," + LEAD + ",L4,999\n");

        assertThat(collected.cases).singleElement().satisfies(c -> assertThat(c.where()).isEqualTo("c.csv:2"));
        assertThat(collected.problems).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo("c.csv:4"));
    }

    @Test
    void csvSeparatedBySemicolonsIsOneProblem() {
        CaseFiles.Collected collected = read("c.csv", "name;itemType;expect.routingRule\none;LEAD;L4\ntwo;LEAD;L4\n");

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo("FAIL c.csv:1: the header is separated by semicolons: save the file as CSV "
                + "with commas (in Excel: CSV UTF-8 (Comma delimited))\n");
    }

    @Test
    void csvThatIsNotUtf8IsOneProblemAtItsLine() {
        byte[] head = ("name," + REQUEST + ",expect.routingRule\none," + LEAD + ",L4\n").getBytes(StandardCharsets.UTF_8);
        byte[] gbk = ("客户," + LEAD + ",L4\nthree," + LEAD + ",L4\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] content = java.util.Arrays.copyOf(head, head.length + gbk.length);
        System.arraycopy(gbk, 0, content, head.length, gbk.length);

        CaseFiles.Collected collected = read("c.csv", content);

        assertThat(collected.cases).extracting(ReplayCase::name).containsExactly("one");
        assertThat(described(collected)).isEqualTo(
                "FAIL c.csv:3: is not UTF-8 text: save it as CSV UTF-8 (nothing from this line on was replayed)\n");
    }

    @Test
    void aBadByteIsPlacedOnItsLineWhateverTheLineEnds() {
        for (String end : new String[]{"\r\n", "\r"}) {
            byte[] head = ("name," + REQUEST + ",expect.routingRule" + end + "one," + LEAD + ",L4" + end).getBytes(StandardCharsets.UTF_8);
            byte[] gbk = ("客户," + LEAD + ",L4" + end).getBytes(java.nio.charset.Charset.forName("GBK"));
            byte[] content = java.util.Arrays.copyOf(head, head.length + gbk.length);
            System.arraycopy(gbk, 0, content, head.length, gbk.length);

            assertThat(described(read("c.csv", content))).as(end.equals("\r") ? "CR" : "CR LF").isEqualTo(
                    "FAIL c.csv:3: is not UTF-8 text: save it as CSV UTF-8 (nothing from this line on was replayed)\n");
        }
    }

    @Test
    void csvWithAnUnclosedQuoteSaysSoInPlainWords() {
        CaseFiles.Collected collected = read("c.csv", "name," + REQUEST + ",expect.routingRule\n"
                + "one," + LEAD + ",L4\n"
                + "\"two," + LEAD + ",L4\n"
                + "three," + LEAD + ",L4\n");

        assertThat(collected.cases).extracting(ReplayCase::name).containsExactly("one");
        assertThat(described(collected)).isEqualTo("FAIL c.csv:3: a quoted cell that starts in this record is never closed "
                + "(a \" is missing): the rest of the file was not read\n");
    }

    @Test
    void jsonLinesWithAByteOrderMarkAndDottedExpectKeysAreRead() {
        CaseFiles.Collected collected = read("c.jsonl", "\uFEFF{\"name\":\"one\",\"request\":{\"itemType\":\"LEAD\"},"
                + "\"expect\":{\"sla.rule\":\"S6\",\"sla\":{\"clock\":\"BUSINESS_HOURS\"}}}\n");

        assertThat(collected.problems).isEmpty();
        assertThat(collected.cases).singleElement().satisfies(c ->
                assertThat(c.expect().toString()).isEqualTo("{\"sla\":{\"rule\":\"S6\",\"clock\":\"BUSINESS_HOURS\"}}"));
    }

    @Test
    void brokenJsonIsExplainedWithoutTheParsersInternals() {
        CaseFiles.Collected collected = read("c.jsonl", "{\"request\": {\"itemType\": \"LEAD\"}, \"expectStatus\": 400,}\n"
                + "{\"request\": {\"itemType\": \"LEAD\"}} trailing\n");

        assertThat(collected.problems).hasSize(2).allSatisfy(problem -> assertThat(problem.message())
                .startsWith("not valid JSON: ").doesNotContain("Source", "StreamReadFeature", "REDACTED", "Exception", "tools.jackson")
                .containsPattern("\\(column \\d+\\)$"));
    }

    @Test
    void aJsonArrayIsOneProblem() {
        CaseFiles.Collected collected = read("c.json", "[\n  {\"request\": {\"itemType\": \"LEAD\"},\n   \"expectStatus\": 400}\n]\n");

        assertThat(described(collected)).isEqualTo("FAIL c.json:1: holds a JSON array: write one case per line (JSON lines)\n");
    }

    /** Read as empty, an error (#N/A) in an expect. cell would leave its field unchecked and the case passing. */
    @Test
    void aCellShowingAnErrorIsAProblemAtItsCell() throws IOException {
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        try (XSSFWorkbook cases = new XSSFWorkbook()) {
            Sheet sheet = cases.createSheet("Cases");
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            String[] headers = {"name", "itemType", "expect.ownerChannel", "expect.sla.responseMinutes", "notes"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            row.createCell(0).setCellValue("one");
            row.createCell(1).setCellValue("LEAD");
            row.createCell(2).setCellValue("WEBSITE");
            row.createCell(3).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
            row.createCell(4).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.REF.getCode()); // ignored with its column
            Row secondRow = sheet.createRow(2);
            secondRow.createCell(0).setCellValue("two");
            secondRow.createCell(1).setCellValue("LEAD");
            secondRow.createCell(3).setCellValue("sixty");
            cases.write(workbook);
        }

        CaseFiles.Collected collected = read("c.xlsx", workbook.toByteArray());

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo("""
                WARNING c.xlsx!Cases!1: unknown column "notes" is ignored; the columns are request fields (itemType, customer.id, …), expect.<field>, expectStatus and name
                FAIL c.xlsx!Cases!D2: the cell shows an error: type the value
                FAIL c.xlsx!Cases!D3: expect.sla.responseMinutes must be a whole number of minutes, 0 or more, such as 60, not "sixty"
                """);
    }

    @Test
    void aWorkbookHeaderThatLooksLikeAnExpectationBlocksTheFileToo() throws IOException {
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        try (XSSFWorkbook cases = new XSSFWorkbook()) {
            Sheet sheet = cases.createSheet("Cases");
            String[][] rows = {{"name", "itemType", "expected.ownerChannel"}, {"one", "LEAD", "WEBSITE"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            cases.write(workbook);
        }

        CaseFiles.Collected collected = read("c.xlsx", workbook.toByteArray());

        assertThat(collected.cases).isEmpty();
        assertThat(described(collected)).isEqualTo("FAIL c.xlsx!Cases!1: column \"expected.ownerChannel\" looks like an expectation "
                + "but is not one: did you mean \"expect.ownerChannel\"? (no case of this file was replayed)\n");
    }
}
