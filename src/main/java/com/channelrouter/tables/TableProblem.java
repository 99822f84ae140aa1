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
        StringBuilder text = new StringBuilder();
        if (sheet != null) {
            text.append(sheet);
            if (cell != null) {
                text.append('!').append(cell);
            }
            if (column != null) {
                text.append(" (").append(column).append(')');
            }
            text.append(": ");
        } else if (workbook != null) {
            text.append(workbook).append(": ");
        }
        return text.append(message).toString();
    }
}
