package com.channelrouter.engine;

/** Where a rule row lives, for explanations and for pointing business owners at the right cell. */
public record RowLocation(String workbook, String sheet, int excelRow) {
}
