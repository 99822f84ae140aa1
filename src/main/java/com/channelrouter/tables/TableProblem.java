package com.channelrouter.tables;

/**
 * A problem a business owner can act on: where it is (workbook, sheet, Excel cell, row, column header),
 * the value found, and what is wrong, in English and Chinese. Location fields are null where they do
 * not apply (a missing sheet has no cell).
 */
public record TableProblem(String workbook, String sheet, String cell, Integer row, String column, String value,
                           String message, String messageZh) {

    /** "Routing LEAD!F9 (Owner channel): message", the way Excel users name a cell. */
    public String describe() {
        String place = place();
        return place == null ? message : place + ": " + message;
    }

    /**
     * Where it is, the way Excel users name a cell: "Routing LEAD!F9 (Owner channel)"; a Tests sheet, which every
     * workbook may have, with its workbook as Excel names a cell in another one ("[sla.xlsx]Tests!A3 (name)");
     * the workbook alone for a problem with no sheet; null when nothing is known.
     */
    public String place() {
        if (sheet == null) {
            return workbook;
        }
        StringBuilder place = new StringBuilder();
        if (WorkbookTests.SHEET.equals(sheet) && workbook != null) {
            place.append('[').append(workbook).append(']');
        }
        place.append(sheet);
        if (cell != null) {
            place.append('!').append(cell);
        }
        if (column != null) {
            place.append(" (").append(column).append(')');
        }
        return place.toString();
    }
}
