package com.channelrouter.tables;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain values of one sheet: for each non-empty row its Excel row number and its cells by column
 * index. Values are String, Double, Boolean or LocalDateTime; nothing else survives reading. {@code hidden}
 * when Excel does not show the sheet (hidden or very hidden). What Excel shows differently from what the
 * cells hold is kept beside them, for the table to report: merged ranges ("B6:B7"), and the rows (Excel
 * numbers) and columns (indexes) holding values that Excel hides.
 */
record SheetCells(String workbook, String name, List<Row> rows, boolean hidden, Layout layout) {

    SheetCells(String workbook, String name, List<Row> rows, boolean hidden) {
        this(workbook, name, rows, hidden, Layout.PLAIN);
    }

    record Row(int excelRow, Map<Integer, Object> cells) {
    }

    record Layout(List<Merged> merged, Set<Integer> hiddenRows, Set<Integer> hiddenColumns) {
        static final Layout PLAIN = new Layout(List.of(), Set.of(), Set.of());
    }

    /** A merged range, by Excel row numbers and column indexes, and as Excel names it ("B6:B7"). */
    record Merged(String range, String firstCell, int firstRow, int lastRow, int firstColumn, int lastColumn) {
    }
}
