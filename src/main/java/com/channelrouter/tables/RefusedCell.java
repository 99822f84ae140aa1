package com.channelrouter.tables;

/**
 * A cell the reader will not take as data (a formula, an error value): kept as a marker so the sheet
 * parser can report it under its column header, and treated as blank otherwise.
 */
record RefusedCell(String shown, String message, String messageZh) {

    static RefusedCell formula(String formula) {
        return new RefusedCell("=" + formula, "Formulas are not allowed in decision tables. Type the value itself.",
                "决策表中不允许使用公式，请直接输入数值。");
    }

    static RefusedCell error() {
        return new RefusedCell("#ERROR", "The cell shows an error. Type a value or clear the cell.",
                "单元格显示错误，请输入数值或清空该单元格。");
    }
}
