package com.channelrouter.tables;

/** One workbook of a decision-table set, as uploaded or shipped: its file name and its bytes. */
public record WorkbookFile(String name, byte[] content) {
}
