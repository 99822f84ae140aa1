package com.channelrouter.tables;

import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A sheet laid out as a table: title lines, then a header row of known columns (found by its key
 * column, such as "Rule"), then one record per non-blank row. Unknown or repeated headers and values
 * outside the table are problems, because a misspelt condition column silently ignored would change
 * routing.
 */
final class HeaderedSheet {

    private static final int HEADER_SEARCH_ROWS = 20;

    private final SheetCells sheet;
    private final Map<Column, Integer> columns;
    private final List<TableRecord> records;

    private HeaderedSheet(SheetCells sheet, Map<Column, Integer> columns, List<TableRecord> records) {
        this.sheet = sheet;
        this.columns = columns;
        this.records = records;
    }

    static Optional<HeaderedSheet> locate(SheetCells sheet, Column key, List<Column> allowed, TableProblems problems) {
        SheetCells.Row header = sheet.rows().stream().limit(HEADER_SEARCH_ROWS)
                .filter(row -> row.cells().values().stream().anyMatch(v -> v instanceof String s && key.matches(s)))
                .findFirst().orElse(null);
        if (header == null) {
            problems.error(new TableProblem(sheet.workbook(), sheet.name(), null, null, null, null,
                    "No header row found: the table needs a column headed \"" + key.english() + "\" in its first "
                            + HEADER_SEARCH_ROWS + " rows.",
                    "未找到表头行：前 " + HEADER_SEARCH_ROWS + " 行中需要有标题为“" + key.english() + " " + key.chinese() + "”的列。"));
            return Optional.empty();
        }
        List<Column> byLongestName = allowed.stream()
                .sorted(Comparator.comparingInt((Column c) -> c.english().length()).reversed()).toList();
        Map<Column, Integer> columns = new LinkedHashMap<>();
        Map<Integer, Column> byIndex = new HashMap<>();
        for (Map.Entry<Integer, Object> cell : header.cells().entrySet()) {
            String text = String.valueOf(cell.getValue());
            String address = address(cell.getKey(), header.excelRow());
            Optional<Column> column = byLongestName.stream().filter(c -> c.matches(text)).findFirst();
            if (column.isEmpty()) {
                String known = allowed.stream().map(Column::english).collect(Collectors.joining(", "));
                problems.error(new TableProblem(sheet.workbook(), sheet.name(), address, header.excelRow(), text, text,
                        "This column is not one the sheet understands. Columns it can have: " + known + ".",
                        "无法识别该列。此工作表可用的列：" + known + "。"));
            } else if (columns.containsKey(column.get())) {
                problems.error(new TableProblem(sheet.workbook(), sheet.name(), address, header.excelRow(), text, text,
                        "The column \"" + column.get().english() + "\" appears twice; keep one.",
                        "“" + column.get().english() + "”列出现了两次，请只保留一列。"));
            } else {
                columns.put(column.get(), cell.getKey());
                byIndex.put(cell.getKey(), column.get());
            }
        }
        List<TableRecord> records = new ArrayList<>();
        for (SheetCells.Row row : sheet.rows()) {
            if (row.excelRow() <= header.excelRow()) {
                continue;
            }
            boolean hasData = false;
            for (Map.Entry<Integer, Object> cell : row.cells().entrySet()) {
                Column column = byIndex.get(cell.getKey());
                if (column == null) {
                    problems.error(new TableProblem(sheet.workbook(), sheet.name(), address(cell.getKey(), row.excelRow()),
                            row.excelRow(), null, String.valueOf(cell.getValue()),
                            "This value is outside the table (its column has no header). Move it into the Notes column or delete it.",
                            "该值位于表格之外（所在列没有标题），请移到说明列或删除。"));
                } else if (column != Column.NOTES) {
                    hasData = true;
                }
            }
            if (hasData) {
                records.add(new TableRecord(sheet, row, columns, problems));
            }
        }
        return Optional.of(new HeaderedSheet(sheet, columns, records));
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

    List<Column> columns() {
        return List.copyOf(columns.keySet());
    }

    List<TableRecord> records() {
        return records;
    }
}
