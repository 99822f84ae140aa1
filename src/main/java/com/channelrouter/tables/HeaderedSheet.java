package com.channelrouter.tables;

import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A sheet laid out as a table: title lines, then a header row of known columns (found by its key
 * column, such as "Rule"), then one record per non-blank row. Unknown or repeated headers and values
 * outside the table are problems, because a misspelt condition column silently ignored would change
 * routing. Formula and error cells are reported under their column and read as blank.
 */
final class HeaderedSheet {

    private static final int HEADER_SEARCH_ROWS = 20;

    private final SheetCells sheet;
    private final int headerRow;
    private final Map<Column, Integer> columns;
    /** The name each column's header gives it (Column.nameIn). */
    private final Map<Column, String> headers;
    private final List<TableRecord> records;

    private HeaderedSheet(SheetCells sheet, int headerRow, Map<Column, Integer> columns, Map<Column, String> headers,
                          List<TableRecord> records) {
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.columns = columns;
        this.headers = headers;
        this.records = records;
    }

    static Optional<HeaderedSheet> locate(SheetCells sheet, Column key, List<Column> allowed, TableProblems problems) {
        return locate(sheet, key, allowed, allowed, problems);
    }

    /**
     * As above; {@code suggested} are the columns an unknown header is told it could be instead (those that
     * apply to the sheet: others allowed in the header are refused with a reason of their own).
     */
    static Optional<HeaderedSheet> locate(SheetCells sheet, Column key, List<Column> allowed, List<Column> suggested,
                                          TableProblems problems) {
        List<Column> byLongestName = allowed.stream()
                .sorted(Comparator.comparingInt((Column c) -> c.english().length()).reversed()).toList();
        SheetCells.Row header = findHeader(sheet, key, byLongestName);
        if (header == null) {
            problems.error(new TableProblem(sheet.workbook(), sheet.name(), null, null, null, null,
                    "No header row found: the table needs a column headed \"" + key.english() + "\" in its first "
                            + HEADER_SEARCH_ROWS + " rows.",
                    "未找到表头行：前 " + HEADER_SEARCH_ROWS + " 行中需要有标题为“" + key.english() + " " + key.chinese() + "”的列。"));
            return Optional.empty();
        }
        Map<Column, Integer> columns = new LinkedHashMap<>();
        Map<Integer, Column> byIndex = new HashMap<>();
        Map<Column, String> headers = new HashMap<>();
        Set<Integer> unknown = new HashSet<>();
        for (Map.Entry<Integer, Object> cell : header.cells().entrySet()) {
            String address = address(cell.getKey(), header.excelRow());
            if (cell.getValue() instanceof RefusedCell refused) {
                problems.error(new TableProblem(sheet.workbook(), sheet.name(), address, header.excelRow(), null, refused.shown(),
                        refused.message(), refused.messageZh()));
                continue;
            }
            String text = String.valueOf(cell.getValue());
            Optional<Column> column = matching(text, byLongestName);
            if (column.isEmpty()) {
                unknown.add(cell.getKey());
                String known = suggested.stream().map(Column::english).collect(Collectors.joining(", "));
                String knownZh = suggested.stream().map(c -> c.english() + " " + c.chinese()).collect(Collectors.joining("、"));
                problems.error(new TableProblem(sheet.workbook(), sheet.name(), address, header.excelRow(), text, text,
                        "This column is not one the sheet understands. Columns it can have: " + known + ".",
                        "无法识别该列。此工作表可用的列：" + knownZh + "。"));
            } else if (columns.containsKey(column.get())) {
                unknown.add(cell.getKey());
                problems.error(new TableProblem(sheet.workbook(), sheet.name(), address, header.excelRow(), text, text,
                        "The column \"" + column.get().english() + "\" appears twice; keep one.",
                        "“" + column.get().english() + "”列出现了两次，请只保留一列。"));
            } else {
                columns.put(column.get(), cell.getKey());
                byIndex.put(cell.getKey(), column.get());
                headers.put(column.get(), column.get().nameIn(text));
            }
        }
        reportLayout(sheet, header.excelRow(), byIndex, headers, problems);
        List<TableRecord> records = new ArrayList<>();
        for (SheetCells.Row row : sheet.rows()) {
            if (row.excelRow() == header.excelRow()) {
                continue;
            }
            boolean hasData = false;
            Map<Integer, Object> cells = new LinkedHashMap<>();
            Set<Integer> refusedColumns = new HashSet<>();
            for (Map.Entry<Integer, Object> cell : row.cells().entrySet()) {
                Column column = row.excelRow() < header.excelRow() ? null : byIndex.get(cell.getKey());
                String address = address(cell.getKey(), row.excelRow());
                if (cell.getValue() instanceof RefusedCell refused) {
                    problems.error(new TableProblem(sheet.workbook(), sheet.name(), address, row.excelRow(),
                            column == null ? null : headers.get(column), refused.shown(), refused.message(), refused.messageZh()));
                    refusedColumns.add(cell.getKey());
                } else if (row.excelRow() < header.excelRow() || unknown.contains(cell.getKey())) {
                    continue; // title lines above the table; values under a header already reported as unknown
                } else if (column == null) {
                    problems.error(new TableProblem(sheet.workbook(), sheet.name(), address, row.excelRow(), null,
                            String.valueOf(cell.getValue()),
                            "This value is outside the table (its column has no header). Move it into the Notes column or delete it.",
                            "该值位于表格之外（所在列没有标题），请移到说明列或删除。"));
                } else {
                    cells.put(cell.getKey(), cell.getValue());
                    hasData |= column != Column.NOTES;
                }
            }
            if (row.excelRow() > header.excelRow() && (hasData || !refusedColumns.isEmpty())) {
                records.add(new TableRecord(sheet, new SheetCells.Row(row.excelRow(), cells), columns, headers, refusedColumns, problems));
            }
        }
        return Optional.of(new HeaderedSheet(sheet, header.excelRow(), columns, headers, records));
    }

    /**
     * What Excel shows differently from what decides, in the table (title lines above it may be laid out as
     * anyone likes). A merged range shows its first cell's value in every cell it covers, while the others
     * hold nothing: merging "BUSINESS" over two rows made the second row's condition blank, that is "any".
     * Hidden rows and columns still decide, unseen by whoever reviews the sheet (the owners' guide says so).
     */
    private static void reportLayout(SheetCells sheet, int headerRow, Map<Integer, Column> byIndex, Map<Column, String> headers,
                                     TableProblems problems) {
        for (SheetCells.Merged merged : sheet.layout().merged()) {
            boolean coversTheTable = merged.lastRow() >= headerRow && IntStream.rangeClosed(merged.firstColumn(), merged.lastColumn())
                    .mapToObj(byIndex::get).anyMatch(column -> column != null && column != Column.NOTES);
            if (coversTheTable) {
                Column first = byIndex.get(merged.firstColumn());
                problems.newRuleProblem(new TableProblem(sheet.workbook(), sheet.name(), merged.firstCell(), merged.firstRow(),
                        first == null ? null : headers.get(first), merged.range(),
                        "The cells " + merged.range() + " are merged. Excel shows " + merged.firstCell() + "'s value in all of them, but "
                                + "the others are empty (in a condition column, empty means \"any\"). Unmerge them (Home, Merge & Center) "
                                + "and type the value in each cell.",
                        "单元格 " + merged.range() + " 已合并。Excel 在整个区域显示 " + merged.firstCell() + " 的值，但其余单元格实际为空"
                                + "（条件列中的空白表示“不限”）。请取消合并（开始 > 合并后居中），并在每个单元格中输入该值。"));
            }
        }
        List<Integer> hiddenRows = sheet.layout().hiddenRows().stream().filter(row -> row > headerRow).toList();
        if (!hiddenRows.isEmpty()) {
            String rows = hiddenRows.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                    + (hiddenRows.size() > 10 ? " …" : "");
            problems.warning(new TableProblem(sheet.workbook(), sheet.name(), null, hiddenRows.get(0), null, null,
                    (hiddenRows.size() == 1 ? "Row " + rows + " is hidden in Excel but still decides."
                            : "Rows " + rows + " are hidden in Excel but still decide.")
                            + " To switch a row off, delete it; otherwise unhide it so that reviewers see it.",
                    "第 " + rows + " 行在 Excel 中被隐藏，但仍然生效。要停用某行请删除它；否则请取消隐藏，以便审阅者看到。"));
        }
        for (int index : sheet.layout().hiddenColumns()) {
            Column column = byIndex.get(index);
            if (column != null) {
                problems.warning(new TableProblem(sheet.workbook(), sheet.name(), address(index, headerRow), headerRow, headers.get(column),
                        null, "The column \"" + column.english() + "\" is hidden in Excel but still decides. Unhide it so that reviewers see it.",
                        "“" + column.chinese() + "”列在 Excel 中被隐藏，但仍然生效。请取消隐藏，以便审阅者看到。"));
            }
        }
    }

    /**
     * The header row: the first of the top rows that names the key column and at least one other known
     * column, so a title such as "Rule book for leads" is not taken for it.
     */
    private static SheetCells.Row findHeader(SheetCells sheet, Column key, List<Column> known) {
        SheetCells.Row firstWithKey = null;
        for (SheetCells.Row row : sheet.rows().stream().limit(HEADER_SEARCH_ROWS).toList()) {
            boolean hasKey = row.cells().values().stream().anyMatch(v -> v instanceof String s && key.matches(s));
            if (!hasKey) {
                continue;
            }
            long knownColumns = row.cells().values().stream()
                    .filter(v -> v instanceof String s && matching(s, known).isPresent()).count();
            if (knownColumns >= 2) {
                return row;
            }
            if (firstWithKey == null) {
                firstWithKey = row;
            }
        }
        return firstWithKey;
    }

    private static Optional<Column> matching(String header, List<Column> byLongestName) {
        return byLongestName.stream().filter(c -> c.matches(header)).findFirst();
    }

    static String address(int columnIndex, int excelRow) {
        return CellReference.convertNumToColString(columnIndex) + excelRow;
    }

    SheetCells sheet() {
        return sheet;
    }

    boolean has(Column column) {
        return columns.containsKey(column);
    }

    /** The header cell of a column present in the sheet ("F3"). */
    String headerAddress(Column column) {
        return address(columns.get(column), headerRow);
    }

    /** A column present in the sheet, named as its header names it ("Owner channel", or "归属渠道"). */
    String headerName(Column column) {
        return headers.get(column);
    }

    int headerRow() {
        return headerRow;
    }

    List<Column> columns() {
        return List.copyOf(columns.keySet());
    }

    List<TableRecord> records() {
        return records;
    }
}
