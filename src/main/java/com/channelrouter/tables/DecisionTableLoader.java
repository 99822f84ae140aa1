package com.channelrouter.tables;

import com.channelrouter.domain.ItemType;
import com.channelrouter.engine.CompiledRules;
import com.channelrouter.engine.EscalationRow;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.RuleCompilationException;
import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.engine.SlaRow;
import com.channelrouter.sla.BusinessCalendar;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a set of workbooks sheet by sheet into typed rows, checks them, and compiles them into rules.
 * Every problem is collected in one pass and pointed at its cell; rules are compiled only from a set
 * with no errors.
 */
public final class DecisionTableLoader {

    /** "routing (1).xlsx", "routing(2).xlsx", "routing（1）.xlsx": the name a browser gives a second download. */
    private static final Pattern BROWSER_COPY = Pattern.compile("(.+?)\\s*[(（]\\d+[)）]\\.xlsx", Pattern.CASE_INSENSITIVE);
    /** Letters of any script (路由表.xlsx is fine), digits, spaces and a little punctuation; never a path. */
    private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N} _.()（）-]{1,100}\\.xlsx");

    /** Without holidays or escalations the tables still decide; every other sheet is needed. */
    private static final Set<String> OPTIONAL_SHEETS = Set.of(CalendarSheets.DAYS_SHEET, EscalationSheet.SHEET, WorkbookTests.SHEET);

    private final RuleCompiler compiler;

    public DecisionTableLoader(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /** The sheets the service reads, by the name they must have (case and surrounding spaces do not matter). */
    static List<String> knownSheets() {
        List<String> names = new ArrayList<>();
        for (ItemType type : ItemType.values()) {
            names.add(RoutingSheet.sheetName(type));
        }
        names.addAll(List.of(SlaSheet.SHEET, EscalationSheet.SHEET, ProductSheet.SHEET, CalendarSheets.HOURS_SHEET,
                CalendarSheets.DAYS_SHEET, WorkbookTests.SHEET));
        return names;
    }

    /** The shipped workbook a sheet belongs in, to tell an owner where a missing sheet should be. */
    static String usualWorkbook(String sheet) {
        if (sheet.startsWith("Routing")) {
            return "routing.xlsx";
        }
        return switch (sheet) {
            case SlaSheet.SHEET, EscalationSheet.SHEET -> "sla.xlsx";
            case WorkbookTests.SHEET -> "tests.xlsx";
            case ProductSheet.SHEET -> "products.xlsx";
            default -> "calendar.xlsx";
        };
    }

    /** Loads a set published or loaded before, or to serve: the rules added since apply as warnings. */
    public TableLoadResult load(TableSource source) {
        return load(source, Set.of());
    }

    /** Loads a set with {@code uploaded} (its workbooks' file names) checked by every rule, as an upload is. */
    public TableLoadResult load(TableSource source, Set<String> uploaded) {
        TableProblems problems = new TableProblems(uploaded);
        Set<String> unreadable = new HashSet<>();
        List<SheetCells> testSheets = new ArrayList<>();
        Map<String, SheetCells> sheets = readSheets(source, problems, unreadable, testSheets);
        for (String required : knownSheets()) {
            // a sheet of a workbook that could not be read at all is not reported again as missing
            if (!OPTIONAL_SHEETS.contains(required) && !sheets.containsKey(required)
                    && !unreadable.contains(usualWorkbook(required))) {
                problems.error(new TableProblem(usualWorkbook(required), required, null, null, null, null,
                        "The sheet \"" + required + "\" is missing from the decision tables (it is normally in "
                                + usualWorkbook(required) + ").",
                        "决策表中缺少工作表“" + required + "”（通常位于 " + usualWorkbook(required) + "）。"));
            }
        }
        // without a catalogue sheet (already a problem) product conditions are not checked against it
        ProductCatalogue catalogue = sheets.containsKey(ProductSheet.SHEET)
                ? ProductSheet.read(sheets.get(ProductSheet.SHEET), problems) : null;
        List<RoutingRow> routing = new ArrayList<>();
        for (ItemType type : ItemType.values()) {
            SheetCells sheet = sheets.get(RoutingSheet.sheetName(type));
            if (sheet != null) {
                routing.addAll(RoutingSheet.read(sheet, type, catalogue, problems));
            }
        }
        List<SlaRow> sla = sheets.containsKey(SlaSheet.SHEET)
                ? SlaSheet.read(sheets.get(SlaSheet.SHEET), catalogue, problems) : List.of();
        List<EscalationRow> escalation = sheets.containsKey(EscalationSheet.SHEET)
                ? EscalationSheet.read(sheets.get(EscalationSheet.SHEET), catalogue, problems) : List.of();
        BusinessCalendar calendar = sheets.containsKey(CalendarSheets.HOURS_SHEET)
                ? CalendarSheets.read(sheets.get(CalendarSheets.HOURS_SHEET), sheets.get(CalendarSheets.DAYS_SHEET), problems)
                : null;
        // an Excel date in a test holds no zone: it is the calendar's local time, as the owner who typed it meant
        ZoneId localTime = calendar == null ? ZoneOffset.UTC : calendar.zone();
        List<WorkbookTests> tests = testSheets.stream().map(sheet -> TestSheet.read(sheet, localTime, problems)).toList();
        if (problems.hasErrors()) {
            return new TableLoadResult(null, problems.errors(), problems.warnings());
        }
        String version = source.version();
        try {
            CompiledRules rules = compiler.compile(version, routing, sla, escalation);
            return new TableLoadResult(new DecisionTables(version, source, catalogue, calendar, rules, tests),
                    problems.errors(), problems.warnings());
        } catch (RuleCompilationException e) {
            for (String message : e.messages()) {
                problems.error(new TableProblem(null, null, null, null, null, null,
                        "The rules engine refused the tables: " + message, "规则引擎拒绝了决策表：" + message));
            }
            return new TableLoadResult(null, problems.errors(), problems.warnings());
        }
    }

    /**
     * The sheets by the name the service knows them by, each in one workbook of the set; a Tests sheet may be in
     * every workbook, and those go to {@code testSheets}.
     */
    private static Map<String, SheetCells> readSheets(TableSource source, TableProblems problems, Set<String> unreadable,
                                                      List<SheetCells> testSheets) {
        Map<String, String> canonical = new HashMap<>();
        knownSheets().forEach(name -> canonical.put(name.toLowerCase(Locale.ROOT), name));
        Map<String, SheetCells> sheets = new LinkedHashMap<>();
        for (WorkbookFile file : source.workbooks()) {
            if (!FILE_NAME.matcher(file.name()).matches()) {
                problems.error(new TableProblem(file.name(), null, null, null, null, null,
                        "A decision-table file is an .xlsx workbook whose name has letters, digits, spaces, '.', '-', '_' or brackets (no folders).",
                        "决策表文件必须是 .xlsx 工作簿，文件名只能包含文字、数字、空格、“.”、“-”、“_”或括号（不能包含文件夹）。"));
                continue;
            }
            List<SheetCells> read = WorkbookReader.read(file, problems);
            if (read.isEmpty()) {
                unreadable.add(file.name());
            }
            for (SheetCells sheet : read) {
                String name = canonical.get(sheet.name().strip().toLowerCase(Locale.ROOT));
                if (name == null) {
                    problems.warning(new TableProblem(file.name(), sheet.name(), null, null, null, null,
                            "The service does not read this sheet; nothing in it takes effect.",
                            "服务不读取此工作表，其中的内容不会生效。"));
                } else if (name.equals(WorkbookTests.SHEET)) {
                    testSheets.add(new SheetCells(sheet.workbook(), name, sheet.rows(), sheet.hidden(), sheet.layout()));
                    if (sheet.hidden()) {
                        problems.error(hiddenSheet(file, sheet));
                    }
                } else if (sheets.containsKey(name)) {
                    String other = sheets.get(name).workbook();
                    String original = copyOf(file.name(), other);
                    String copy = original == null ? null : original.equals(other) ? file.name() : other;
                    problems.error(new TableProblem(file.name(), sheet.name(), null, null, null, null,
                            "The sheet \"" + name + "\" is also in " + other + "; keep one."
                                    + (original == null ? "" : " " + copy + " looks like a copy a browser saved under a new name: "
                                    + "rename it to " + original + " to replace that workbook."),
                            "工作表“" + name + "”在 " + other + " 中也存在，请只保留一个。"
                                    + (original == null ? "" : copy + " 似乎是浏览器另存的副本：请改名为 " + original + "，以替换该工作簿。")));
                } else {
                    sheets.put(name, new SheetCells(sheet.workbook(), name, sheet.rows(), sheet.hidden(), sheet.layout()));
                    if (sheet.hidden()) {
                        // what decides must be what the people reviewing the workbook in Excel can see; the sheet is
                        // still read, so that it is not also called missing and its own problems show
                        problems.error(hiddenSheet(file, sheet));
                    }
                }
            }
        }
        return sheets;
    }

    /**
     * The workbook a file's name says it is a copy of ("routing (1).xlsx", as a browser saves a second download,
     * of "routing.xlsx"), when that is the other file; else null.
     */
    static String copyOf(String file, String other) {
        var copy = BROWSER_COPY.matcher(file);
        if (copy.matches() && (copy.group(1) + ".xlsx").equalsIgnoreCase(other)) {
            return other;
        }
        var otherCopy = BROWSER_COPY.matcher(other);
        return otherCopy.matches() && (otherCopy.group(1) + ".xlsx").equalsIgnoreCase(file) ? file : null;
    }

    private static TableProblem hiddenSheet(WorkbookFile file, SheetCells sheet) {
        return new TableProblem(file.name(), sheet.name(), null, null, null, null,
                "This sheet is hidden in Excel, so the people reviewing the workbook cannot see what it decides. "
                        + "Unhide it (right-click a sheet tab, Unhide; a \"very hidden\" sheet is not listed there: in the "
                        + "VBA editor, Alt+F11, set the sheet's Visible property to -1 - xlSheetVisible) and save again.",
                "此工作表在 Excel 中被隐藏，审阅工作簿的人看不到它的内容。请取消隐藏（右键单击工作表标签，选择“取消隐藏”；"
                        + "“深度隐藏”的工作表不会出现在该列表中：请在 VBA 编辑器（Alt+F11）中把该工作表的 Visible 属性设为 "
                        + "-1 - xlSheetVisible）后重新保存。");
    }
}
