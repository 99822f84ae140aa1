package com.channelrouter.replay;

import com.channelrouter.support.CsvFailures;
import com.channelrouter.tables.WorkbookPackage;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.usermodel.Workbook;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads QA case files as a stream of cases, in the contract's three formats: JSON lines, CSV (UTF-8, commas,
 * header row) and XLSX (first sheet, header row). What cannot be read as a case (a line that is not JSON, a row
 * with a value under no header or a cell missing, a case that checks nothing) is reported with its file and line
 * or cell, and reading goes on; a header that would make the rows mean something else (a misspelt expectation, a
 * column named twice) stops the file; other unknown columns are warned about once per file.
 */
public final class CaseFiles {

    /** Something in a case file that is not a case, where it is, and what is wrong. */
    @Schema(name = "CaseFileProblem") // not "Problem", which would read as an HTTP problem (RFC 9457)
    public record Problem(String where, String message, boolean blocking) {
    }

    /** Where to send what is read. */
    public interface Sink {
        void accept(ReplayCase replayCase);

        void problem(Problem problem);
    }

    /** As the largest multipart file an upload may send (application.yml); read from a file, the same. */
    private static final int MAX_XLSX_BYTES = 32 * 1024 * 1024;

    /** Jackson's description of its input ("[Source: REDACTED (StreamReadFeature…); line: 1, column: 3]"): noise to QA. */
    private static final Pattern SOURCE_DESCRIPTION = Pattern.compile("\\s*(at )?\\[Source: .*", Pattern.DOTALL);

    private final JsonMapper json;

    public CaseFiles(JsonMapper json) {
        this.json = json;
    }

    /** The endings of JSON-lines case files; with .csv and .xlsx, every name {@link #read} reads. */
    private static final List<String> JSON_LINES_ENDINGS = List.of(".jsonl", ".ndjson", ".json");

    /** Whether {@link #read} reads a file of this name, by its ending in any case. */
    public static boolean isCaseFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx") || JSON_LINES_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    /** The format by file name: .jsonl/.ndjson/.json, .csv or .xlsx; an Excel date is read as UTC. */
    public void read(String fileName, InputStream in, Sink sink) {
        read(fileName, in, ZoneOffset.UTC, sink);
    }

    /**
     * As above, an Excel date (which holds no zone) read as the time it names in {@code localTime}: the calendar's
     * zone of the tables replayed, as a decision-table workbook's Tests sheet reads it.
     */
    public void read(String fileName, InputStream in, ZoneId localTime, Sink sink) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv");
        try {
            if (csv) {
                readCsv(fileName, in, sink);
            } else if (lower.endsWith(".xlsx")) {
                readXlsx(fileName, in, localTime, sink);
            } else if (JSON_LINES_ENDINGS.stream().anyMatch(lower::endsWith)) {
                readJsonLines(fileName, in, sink);
            } else {
                sink.problem(new Problem(fileName, "not a case file: name it .jsonl, .csv or .xlsx", true));
            }
        } catch (Utf8Text.NotUtf8 e) {
            sink.problem(notUtf8(fileName, e, csv));
        } catch (UncheckedIOException e) { // text that is not UTF-8 arrives as NotUtf8 above, from JSON lines and CSV alike
            sink.problem(new Problem(fileName, "cannot be read: " + e.getCause().getMessage(), true));
        } catch (IOException e) {
            sink.problem(new Problem(fileName, "cannot be read: " + e.getMessage(), true));
        }
    }

    private static Problem notUtf8(String fileName, Utf8Text.NotUtf8 e, boolean csv) {
        // what was read before this line has been replayed already; what follows would be read as garbage
        return new Problem(fileName + ":" + e.line, "is not UTF-8 text: save it as " + (csv ? "CSV UTF-8" : "UTF-8")
                + " (nothing from this line on was replayed)", true);
    }

    private void readJsonLines(String fileName, InputStream in, Sink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new Utf8Text(withoutByteOrderMark(in)));
        int lineNumber = 0;
        boolean first = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String where = fileName + ":" + lineNumber;
            if (first && line.stripLeading().startsWith("[")) {
                // a pretty-printed array would give a problem per line, none of them saying what is wrong
                sink.problem(new Problem(where, "holds a JSON array: write one case per line (JSON lines)", true));
                return;
            }
            first = false;
            try {
                JsonNode node = json.readTree(line);
                if (!node.isObject() || !node.has("request") || !node.get("request").isObject()) {
                    sink.problem(new Problem(where, "a case is an object with a \"request\" object and \"expect\" or \"expectStatus\"", true));
                    continue;
                }
                caseOf(node, where, sink);
            } catch (JacksonException e) {
                sink.problem(new Problem(where, "not valid JSON: " + plainMessage(e), true));
            }
        }
    }

    private void caseOf(JsonNode node, String where, Sink sink) {
        JsonNode expectStatus = node.get("expectStatus");
        if (expectStatus != null && !expectStatus.isNull()) {
            String bad = expectStatus.isInt() ? CaseColumns.badStatus(expectStatus.asInt())
                    : "expectStatus must be a status code: " + CaseColumns.STATUSES_ALLOWED;
            if (bad != null) {
                sink.problem(new Problem(where, bad, true));
                return;
            }
        }
        Integer status = expectStatus == null || expectStatus.isNull() ? null : expectStatus.asInt();
        JsonNode expect = node.get("expect");
        if ((expect == null || !expect.isObject()) && status == null) {
            // a case that expects nothing would pass whatever is decided (a misspelt "expected", say)
            sink.problem(new Problem(where, "a case needs \"expect\" (an object of the fields to compare) or \"expectStatus\"",
                    true));
            return;
        }
        expect = expect != null && expect.isObject() && !expect.isEmpty() ? CaseColumns.nested(expect, json) : null;
        String name = node.has("name") && node.get("name").isString() ? node.get("name").asString() : null;
        String checksNothing = CaseColumns.checksNothing(name, expect, status);
        String uncheckable = CaseColumns.expectsFieldsOfARefusal(status, expect);
        if (checksNothing != null || uncheckable != null) {
            sink.problem(new Problem(where, checksNothing != null ? checksNothing : uncheckable, true));
            return;
        }
        sink.accept(new ReplayCase(name == null ? where : name, where, node.get("request"), expect, status));
    }

    /** What Jackson says is wrong, and where on the line, without the parser's own description of its input. */
    static String plainMessage(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        message = SOURCE_DESCRIPTION.matcher(message).replaceAll("").strip();
        return e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? message
                : message + " (column " + e.getLocation().getColumnNr() + ")";
    }

    private void readCsv(String fileName, InputStream in, Sink sink) throws IOException {
        Reader reader = new Utf8Text(withoutByteOrderMark(in));
        // empty lines are records here, so that a record's first line is the line after the previous one's last
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            long start = 1;
            try {
                if (!records.hasNext()) {
                    return;
                }
                List<String> headers = records.next().stream().map(String::strip).toList();
                if (headers.size() == 1 && headers.get(0).contains(";")) {
                    sink.problem(new Problem(fileName + ":1", "the header is separated by semicolons: save the file as CSV with "
                            + "commas (in Excel: CSV UTF-8 (Comma delimited))", true));
                    return;
                }
                if (!headerReadable(fileName + ":1", headers, sink)) {
                    return;
                }
                start = parser.getCurrentLineNumber() + 1;
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    csvRow(record.toList(), headers, fileName + ":" + start, sink);
                    start = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException malformed) {
                if (malformed.getCause() instanceof Utf8Text.NotUtf8 notUtf8) {
                    throw notUtf8;
                }
                sink.problem(new Problem(fileName + ":" + start, CsvFailures.why(malformed.getCause()), true));
            }
        }
    }

    /** One CSV record as a case, read as XLSX reads a row: blank rows skipped, values under no header refused. */
    private void csvRow(List<String> cells, List<String> headers, String where, Sink sink) {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        int named = lastNamed(headers) + 1;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isBlank() && (i >= headers.size() || headers.get(i).isEmpty())) {
                // a value under no header is a mistake (a shifted row, a forgotten column name), not noise
                sink.problem(new Problem(where, "cell " + (i + 1) + " has a value (\"" + cells.get(i).strip()
                        + "\") but its column has no header in line 1", true));
                return;
            }
        }
        if (cells.size() < named) {
            sink.problem(new Problem(where, "has " + cells.size() + " cells but the header names " + named
                    + " columns: a cell (or a comma) is missing", true));
            return;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(cells.size(), headers.size()); i++) {
            if (!headers.get(i).isEmpty()) {
                row.put(headers.get(i), cells.get(i));
            }
        }
        toCase(row, where, sink, column -> where);
    }

    private static int lastNamed(List<String> headers) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (!headers.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reports the header's problems and its unknown columns; false when the problems block the file: a misspelt
     * expectation or a column named twice would make its cases mean something other than what QA wrote.
     */
    private static boolean headerReadable(String where, List<String> headers, Sink sink) {
        List<String> blocking = CaseColumns.headerProblems(headers);
        for (String message : blocking) {
            sink.problem(new Problem(where, message + " (no case of this file was replayed)", true));
        }
        for (String unknown : CaseColumns.unknownColumns(headers)) {
            if (!CaseColumns.looksLikeExpectation(unknown)) {
                sink.problem(new Problem(where, "unknown column \"" + unknown + "\" is ignored; the columns are request fields "
                        + "(itemType, customer.id, …), expect.<field>, expectStatus and name", false));
            }
        }
        return blocking.isEmpty();
    }

    /**
     * The first sheet's rows as cases, read as a stream (an uploaded workbook is untrusted: one that unpacks huge,
     * read whole into memory, took the service's heap), after its size unpacked is checked as a decision
     * table's is.
     */
    private void readXlsx(String fileName, InputStream in, ZoneId localTime, Sink sink) throws IOException {
        byte[] content = in.readNBytes(MAX_XLSX_BYTES + 1);
        if (content.length > MAX_XLSX_BYTES) {
            sink.problem(new Problem(fileName, "is larger than " + MAX_XLSX_BYTES / (1024 * 1024)
                    + " MB; save the cases as CSV or JSONL", true));
            return;
        }
        try {
            if (!WorkbookPackage.unpacksWithinLimits(content)) {
                sink.problem(new Problem(fileName,
                        "unpacks to more than a workbook may (100 MB or 1,000 parts); save the cases as CSV or JSONL", true));
                return;
            }
            try (Workbook workbook = WorkbookPackage.openAsStream(content)) {
                readRows(fileName, workbook.getSheetAt(0), localTime, sink);
            }
        } catch (RuntimeException | IOException unreadable) {
            sink.problem(new Problem(fileName, "is not an .xlsx workbook that can be read: " + unreadable.getMessage(), true));
        }
    }

    private void readRows(String fileName, Sheet sheet, ZoneId localTime, Sink sink) {
        Iterator<Row> rows = sheet.iterator();
        if (!rows.hasNext()) {
            sink.problem(new Problem(fileName, "the first sheet is empty", true));
            return;
        }
        Row headerRow = rows.next();
        List<String> headers = new ArrayList<>();
        for (Cell cell : headerRow) {
            while (headers.size() < cell.getColumnIndex()) {
                headers.add("");
            }
            headers.add(text(cell, localTime).strip());
        }
        if (!headerReadable(fileName + "!" + sheet.getSheetName() + "!" + (headerRow.getRowNum() + 1), headers, sink)) {
            return;
        }
        while (rows.hasNext()) {
            Row row = rows.next();
            int r = row.getRowNum();
            Map<String, String> values = new LinkedHashMap<>();
            String where = fileName + "!" + sheet.getSheetName() + "!A" + (r + 1);
            boolean refused = false;
            for (Cell cell : row) {
                int c = cell.getColumnIndex();
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    sink.problem(new Problem(address(fileName, sheet, r, c), "formulas are not read: type the value", true));
                    refused = true;
                } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.ERROR && c < headers.size()
                        && !headers.get(c).isEmpty() && CaseColumns.unknown(headers.get(c)) == null) {
                    // read as empty, an error (#N/A) in an expect. cell would leave its field unchecked and the case passing;
                    // under a column that is ignored (notes) it is ignored with the column
                    sink.problem(new Problem(address(fileName, sheet, r, c), "the cell shows an error: type the value", true));
                    refused = true;
                } else if (c < headers.size() && !headers.get(c).isEmpty()) {
                    values.put(headers.get(c), text(cell, localTime));
                } else if (!text(cell, localTime).isBlank()) {
                    // as in CSV, a value under no header is a mistake (a shifted row, a forgotten column name), not noise
                    sink.problem(new Problem(address(fileName, sheet, r, c),
                            "has a value but its column has no header in row " + (headerRow.getRowNum() + 1), true));
                    refused = true;
                }
            }
            if (!refused && values.values().stream().anyMatch(v -> !v.isBlank())) {
                // a cell that cannot be read as its column is named by its own address, as formulas and errors are
                toCase(values, where, sink,
                        column -> headers.contains(column) ? address(fileName, sheet, r, headers.indexOf(column)) : where);
            }
        }
    }

    /** A cell of a case workbook as problems name it: c.xlsx!Cases!D3. */
    private static String address(String fileName, Sheet sheet, int row, int column) {
        return fileName + "!" + sheet.getSheetName() + "!" + new CellReference(row, column).formatAsString(false);
    }

    /** The row's case, or its problem reported where {@code cellOf} says the column at fault is (the row when none is). */
    private void toCase(Map<String, String> row, String where, Sink sink, UnaryOperator<String> cellOf) {
        try {
            sink.accept(CaseColumns.toCase(row, where, json));
        } catch (CaseColumns.NotACase malformed) {
            sink.problem(new Problem(malformed.column == null ? where : cellOf.apply(malformed.column), malformed.getMessage(), true));
        }
    }

    /** A cell as a case file holds it: text as typed, whole numbers without ".0", dates as the instants they name in the zone. */
    private static String text(Cell cell, ZoneId localTime) {
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().atZone(localTime).toInstant().toString()
                    : cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
                    ? Long.toString((long) cell.getNumericCellValue()) : Double.toString(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** Excel's "CSV UTF-8" (and Notepad) start the text with a byte-order mark, which is not part of the first line. */
    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        return BOMInputStream.builder().setInputStream(in).get();
    }

    /** Collects cases and problems in memory, for callers that want them all. */
    public static final class Collected implements Sink {
        public final List<ReplayCase> cases = new ArrayList<>();
        public final List<Problem> problems = new ArrayList<>();

        @Override
        public void accept(ReplayCase replayCase) {
            cases.add(replayCase);
        }

        @Override
        public void problem(Problem problem) {
            problems.add(problem);
        }
    }
}
