package com.channelrouter.engine;

/**
 * Where a rule row lives, for explanations and for pointing business owners at the right cell: the row, and
 * its rule id's cell ({@code ruleCell}, such as "A7") with that column's name as the sheet's header gives it
 * ({@code ruleColumn}: "Rule", or "规则" on a sheet headed in Chinese alone). Rows made outside a workbook
 * (benchmarks) have no rule cell.
 */
public record RowLocation(String workbook, String sheet, int excelRow, String ruleCell, String ruleColumn) {

    public RowLocation(String workbook, String sheet, int excelRow) {
        this(workbook, sheet, excelRow, null, null);
    }
}
