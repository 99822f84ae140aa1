package com.channelrouter.tables;

import org.apache.poi.ss.util.CellReference;

import java.util.List;
import java.util.Map;

/**
 * The optional "Tests" sheet: test cases a business owner keeps beside the tables, in the columns of
 * the contract's case files (name, itemType, customer.customerClass, …, expect.ownerChannel, …). Read
 * as text here; what the columns mean is the replay harness's business.
 */
public record WorkbookTests(String workbook, String sheet, int headerRow, List<String> headers, List<Case> cases) {

    public static final String SHEET = "Tests";

    public static WorkbookTests none() {
        return new WorkbookTests(null, SHEET, 1, List.of(), List.of());
    }

    /** One test row: its Excel row number and its cells by header. */
    public record Case(int excelRow, Map<String, String> values) {
    }

    /** The Excel address of a column's header cell, such as "F1" (the header is the sheet's first row that holds something). */
    public String headerCell(int column) {
        return CellReference.convertNumToColString(column) + headerRow;
    }

    /** The Excel address of a header's cell in a test row, such as "F12". */
    public String cell(String header, int excelRow) {
        int column = headers.indexOf(header);
        return column < 0 ? null : CellReference.convertNumToColString(column) + excelRow;
    }
}
