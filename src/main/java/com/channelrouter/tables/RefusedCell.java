package com.channelrouter.tables;

/**
 * A cell the reader will not take as data (a formula, an error value, a number shown as something else): kept as a marker so the sheet
 * parser can report it under its column header, and treated as blank otherwise.
 */
record RefusedCell(String shown, String message, String messageZh) {

    static RefusedCell formula(String formula) {
        return new RefusedCell("=" + formula, "Formulas are not allowed in decision tables. Type the value itself.",
                "决策表中不允许使用公式，请直接输入数值。");
    }

    /** A number whose format shows something else (a number format of literal text, or none at all). */
    static RefusedCell disguised(double number, String shown) {
        String value = number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
        String display = shown.isBlank() ? "nothing" : "\"" + shown + "\"";
        String displayZh = shown.isBlank() ? "空白" : "“" + shown + "”";
        return new RefusedCell(value, "The cell holds the number " + value + " but its number format shows " + display + " instead. "
                + "Type the value itself and give the cell the General format.",
                "单元格的值是数字 " + value + "，但其数字格式显示为" + displayZh + "。请直接输入该值，并把单元格格式设为“常规”。");
    }

    static RefusedCell error() {
        return new RefusedCell("#ERROR", "The cell shows an error. Type a value or clear the cell.",
                "单元格显示错误，请输入数值或清空该单元格。");
    }
}
