package com.channelrouter.engine;

/**
 * Where a rule row lives, for explanations and for pointing business owners at its rule id's cell ("A7", under the
 * header "Rule", or "规则" on a sheet headed in Chinese alone; none for rows made outside a workbook, in benchmarks).
 */
public record RowLocation(String workbook, String sheet, int excelRow, String ruleCell, String ruleColumn) {

    public RowLocation(String workbook, String sheet, int excelRow) {
        this(workbook, sheet, excelRow, null, null);
    }
}
