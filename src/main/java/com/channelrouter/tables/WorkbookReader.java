package com.channelrouter.tables;

import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads an XLSX workbook into plain cell values, and nothing more: formulas, macros and oversized
 * content are refused, so what reaches the table parsers is inert data.
 */
final class WorkbookReader {

    private static final Logger log = LoggerFactory.getLogger(WorkbookReader.class);

    static final int MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
    static final int MAX_SHEETS = 30;
    static final int MAX_ROWS_PER_SHEET = 20_000;
    static final int MAX_COLUMNS = 60;
    static final int MAX_CELL_CHARS = 2_000;
    private static final long MAX_ZIP_ENTRY_BYTES = 20L * 1024 * 1024;
    private static final double MIN_INFLATE_RATIO = 0.01;
    /** A number as a format without words shows it: digits, grouping, decimals, an exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9,]*\\.?[0-9]+(E[-+]?[0-9]+)?|[-+]?[0-9,]+\\.");

    static {
        applyZipLimits();
    }

    private WorkbookReader() {
    }

    /** POI's zip limits are JVM-wide and other code may loosen them; set them before every read. */
    static void applyZipLimits() {
        ZipSecureFile.setMaxEntrySize(MAX_ZIP_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }

    static List<SheetCells> read(WorkbookFile file, TableProblems problems) {
        if (file.content().length > MAX_WORKBOOK_BYTES) {
            problems.error(workbookProblem(file, "The file is larger than " + MAX_WORKBOOK_BYTES / (1024 * 1024)
                    + " MB; decision tables are much smaller. Remove unused sheets, pictures or formatting.",
                    "文件超过 " + MAX_WORKBOOK_BYTES / (1024 * 1024) + " MB，请删除无用的工作表、图片或格式。"));
            return List.of();
        }
        applyZipLimits();
        try {
            if (!acceptedPackage(file, problems)) {
                return List.of();
            }
            try (Workbook workbook = WorkbookPackage.openAsStream(file.content())) {
                if (workbook.getNumberOfSheets() > MAX_SHEETS) {
                    problems.error(workbookProblem(file, "The workbook has " + workbook.getNumberOfSheets()
                            + " sheets; at most " + MAX_SHEETS + " are accepted.",
                            "工作簿有 " + workbook.getNumberOfSheets() + " 个工作表，最多允许 " + MAX_SHEETS + " 个。"));
                    return List.of();
                }
                List<SheetCells> sheets = new ArrayList<>();
                for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                    boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
                    sheets.add(readSheet(file, workbook.getSheetAt(i), hidden, problems));
                }
                return sheets;
            }
        } catch (POIXMLException | IOException | InvalidFormatException | ExcelRuntimeException | IllegalArgumentException
                 | IllegalStateException e) {
            // NotOfficeXmlFileException (a non-workbook, a legacy .xls) is an IllegalArgumentException
            log.debug("{} is not a readable workbook", file.name(), e);
            return unreadable(file, problems);
        } catch (RuntimeException e) {
            // a damaged part can fail anywhere in POI (a shared string index out of bounds, say): still this file's
            // problem, not a 500; logged in full, in case it is ours
            log.warn("{} could not be read", file.name(), e);
            return unreadable(file, problems);
        }
    }

    private static List<SheetCells> unreadable(WorkbookFile file, TableProblems problems) {
        problems.error(workbookProblem(file, "This is not an .xlsx workbook the service can read (it may be another kind of file, "
                + "an old .xls, encrypted or damaged). Save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\".",
                "无法读取该文件（可能不是工作簿、是旧版 .xls、已加密或已损坏）。请在 Excel 或 LibreOffice 中另存为“Excel 工作簿 (.xlsx)”。"));
        return List.of();
    }

    /**
     * False, with the problem reported, when the package is too large unpacked, carries macros or reaches
     * outside the workbook ({@link WorkbookPackage}).
     */
    private static boolean acceptedPackage(WorkbookFile file, TableProblems problems) throws IOException, InvalidFormatException {
        if (WorkbookPackage.size(file.content()) == WorkbookPackage.Verdict.TOO_LARGE) {
            problems.error(workbookProblem(file, "The workbook unpacks to more than " + WorkbookPackage.MAX_UNPACKED_BYTES / (1024 * 1024)
                    + " MB or " + WorkbookPackage.MAX_PARTS + " parts; decision tables are much smaller. Remove unused sheets, "
                    + "pictures or other content and save again.",
                    "工作簿解压后超过 " + WorkbookPackage.MAX_UNPACKED_BYTES / (1024 * 1024) + " MB 或 " + WorkbookPackage.MAX_PARTS
                            + " 个部件，请删除无用的工作表、图片或其他内容后重新保存。"));
            return false;
        }
        OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file.content()));
        try {
            switch (WorkbookPackage.content(pkg)) {
                case MACROS -> {
                    problems.error(workbookProblem(file, "The workbook contains macros. Save it as a plain .xlsx workbook without macros.",
                            "工作簿包含宏。请另存为不含宏的 .xlsx 工作簿。"));
                    return false;
                }
                case FOREIGN -> {
                    problems.error(workbookProblem(file, "The workbook links to other files or embeds objects (external links, data "
                            + "connections, OLE objects, ActiveX controls or add-ins). Remove them, or copy the values in as plain cells, "
                            + "and save again.",
                            "工作簿包含外部链接或嵌入对象（外部链接、数据连接、OLE 对象、ActiveX 控件或加载项）。请删除它们或改为直接输入数值后重新保存。"));
                    return false;
                }
                default -> {
                    return true;
                }
            }
        } finally {
            pkg.revert(); // closes it without writing anything back
        }
    }

    private static SheetCells readSheet(WorkbookFile file, Sheet sheet, boolean hidden, TableProblems problems) {
        String sheetName = sheet.getSheetName();
        List<SheetCells.Row> rows = new ArrayList<>();
        Set<Integer> hiddenRows = new TreeSet<>();
        Set<Integer> hiddenColumns = new TreeSet<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT); // for numbers whose format may hide them; not thread-safe
        for (Row row : sheet) {
            if (problems.errorsFull()) {
                problems.stoppedLooking(); // no more are listed: reading on would only cost time
                break;
            }
            if (row.getRowNum() >= MAX_ROWS_PER_SHEET) {
                problems.error(new TableProblem(file.name(), sheetName, null, null, null, null,
                        "The sheet has more than " + MAX_ROWS_PER_SHEET + " rows; only the first " + MAX_ROWS_PER_SHEET + " were read.",
                        "工作表超过 " + MAX_ROWS_PER_SHEET + " 行，仅读取了前 " + MAX_ROWS_PER_SHEET + " 行。"));
                break;
            }
            Map<Integer, Object> cells = new LinkedHashMap<>();
            for (Cell cell : row) {
                int column = cell.getColumnIndex();
                Object value = valueOf(file, sheetName, cell, formatter, problems);
                if (value == null) {
                    continue;
                }
                if (column >= MAX_COLUMNS) {
                    problems.error(cellProblem(file, sheetName, cell, String.valueOf(value),
                            "Only the first " + MAX_COLUMNS + " columns are read; move this value into the table or delete it.",
                            "只读取前 " + MAX_COLUMNS + " 列，请把该值移入表格或删除。"));
                    continue;
                }
                cells.put(column, value);
            }
            if (!cells.isEmpty()) {
                rows.add(new SheetCells.Row(row.getRowNum() + 1, cells));
                if (row.getZeroHeight()) {
                    hiddenRows.add(row.getRowNum() + 1);
                }
                cells.keySet().stream().filter(sheet::isColumnHidden).forEach(hiddenColumns::add);
            }
        }
        // Excel writes the merged ranges after the rows: the stream has read them now
        List<SheetCells.Merged> merged = sheet.getMergedRegions().stream().map(region -> new SheetCells.Merged(
                region.formatAsString(), new CellReference(region.getFirstRow(), region.getFirstColumn()).formatAsString(false),
                region.getFirstRow() + 1, region.getLastRow() + 1, region.getFirstColumn(), region.getLastColumn())).toList();
        return new SheetCells(file.name(), sheetName, rows, hidden, new SheetCells.Layout(merged, hiddenRows, hiddenColumns));
    }

    /** The cell's plain value, or null when blank; formulas and error cells are reported, never evaluated. */
    private static Object valueOf(WorkbookFile file, String sheet, Cell cell, DataFormatter formatter, TableProblems problems) {
        switch (cell.getCellType()) {
            case STRING -> {
                String text = cell.getStringCellValue();
                if (text.length() > MAX_CELL_CHARS) {
                    problems.error(cellProblem(file, sheet, cell, text.substring(0, 40) + "…",
                            "The text is longer than " + MAX_CELL_CHARS + " characters.",
                            "文本超过 " + MAX_CELL_CHARS + " 个字符。"));
                    return null;
                }
                return text.isBlank() ? null : text;
            }
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    return cell.getLocalDateTimeCellValue();
                }
                double number = cell.getNumericCellValue();
                Disguise disguise = disguise(cell, number, formatter);
                if (disguise == null) {
                    return number;
                }
                RefusedCell refused = RefusedCell.disguised(number, abbreviate(disguise.shown()));
                if (disguise.hidesTheNumber() || problems.strictlyChecked(file.name())) {
                    return refused;
                }
                // a unit beside the number: refused in uploads since 2026-12-05, so only warned about in a version
                // published before, which must go on serving
                problems.newRuleProblem(cellProblem(file, sheet, cell, refused.shown(), refused.message(), refused.messageZh()));
                return number;
            }
            case BOOLEAN -> {
                return cell.getBooleanCellValue();
            }
            case FORMULA -> {
                // never evaluated, and its cached result is not used either: the sheet parser reports it by column
                return RefusedCell.formula(abbreviate(cell.getCellFormula()));
            }
            case ERROR -> {
                return RefusedCell.error();
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * What Excel shows for a number whose format hides or disguises it, or null. A reviewer must see the value
     * that decides: {@code "no";"no";"no"} shows "no" for a 1 (yes), {@code ;;;} shows nothing, and
     * {@code 0"小时"} shows "4小时" for what is read as 4 minutes. A format disguises the number when what it
     * shows is more than a plain number (a unit, a word, a percent sign), or does not change when the number
     * does (rendered again a billion away, in the same sign's section, so that formats that scale, such as
     * thousands, still show a change).
     */
    private static Disguise disguise(Cell cell, double number, DataFormatter formatter) {
        CellStyle style = cell.getCellStyle();
        if (style == null || style.getDataFormatString() == null || "General".equalsIgnoreCase(style.getDataFormatString())) {
            return null;
        }
        if (section(style.getDataFormatString(), number).isBlank()) {
            return new Disguise("", true); // an empty section shows nothing (POI's formatter would show the number)
        }
        String shown = formatter.formatRawCellContents(number, style.getDataFormat(), style.getDataFormatString());
        boolean showsNoDigit = shown.chars().noneMatch(Character::isDigit);
        boolean showsAConstant = number != 0 && shown.equals(formatter.formatRawCellContents(
                number + Math.signum(number) * 1e9, style.getDataFormat(), style.getDataFormatString()));
        if (showsNoDigit || showsAConstant) {
            return new Disguise(shown, true);
        }
        return PLAIN_NUMBER.matcher(shown.strip()).matches() ? null : new Disguise(shown, false);
    }

    /** What a format shows instead of the plain number; {@code hidesTheNumber} when no digit of it shows, or none changes. */
    private record Disguise(String shown, boolean hidesTheNumber) {
    }

    /** The section of a number format Excel uses for this number: positive;negative;zero, with fewer sections shared. */
    private static String section(String format, double number) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : format.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                sections.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        sections.add(current.toString());
        int index = number > 0 || sections.size() == 1 ? 0 : number < 0 ? 1 : sections.size() >= 3 ? 2 : 0;
        return sections.get(index);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static TableProblem workbookProblem(WorkbookFile file, String message, String messageZh) {
        return new TableProblem(file.name(), null, null, null, null, null, message, messageZh);
    }

    private static TableProblem cellProblem(WorkbookFile file, String sheet, Cell cell, String value,
                                            String message, String messageZh) {
        String address = new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false);
        return new TableProblem(file.name(), sheet, address, cell.getRowIndex() + 1, null, value, message, messageZh);
    }
}
