package com.channelrouter.tables;

import java.util.List;
import java.util.Map;

/**
 * The plain values of one sheet: for each non-empty row its Excel row number and its cells by column
 * index. Values are String, Double, Boolean or LocalDateTime; nothing else survives reading. {@code hidden}
 * when Excel does not show the sheet (hidden or very hidden).
 */
record SheetCells(String workbook, String name, List<Row> rows, boolean hidden) {

    record Row(int excelRow, Map<Integer, Object> cells) {
    }
}
