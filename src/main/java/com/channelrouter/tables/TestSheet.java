package com.channelrouter.tables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the optional "Tests" sheet as text: its first row names the columns, every later row is a case. */
final class TestSheet {

    private TestSheet() {
    }

    static WorkbookTests read(SheetCells sheet, ZoneId localTime, TableProblems problems) {
        if (sheet.rows().isEmpty()) {
            return new WorkbookTests(sheet.workbook(), sheet.name(), 1, List.of(), List.of());
        }
        SheetCells.Row header = sheet.rows().get(0);
        int width = header.cells().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<String> headers = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            Object value = header.cells().get(column);
            headers.add(value == null ? "" : text(value, localTime).strip());
        }
        List<WorkbookTests.Case> cases = new ArrayList<>();
        for (SheetCells.Row row : sheet.rows().subList(1, sheet.rows().size())) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<Integer, Object> cell : row.cells().entrySet()) {
                if (cell.getValue() instanceof RefusedCell refused) {
                    problems.error(new TableProblem(sheet.workbook(), sheet.name(), HeaderedSheet.address(cell.getKey(), row.excelRow()),
                            row.excelRow(), cell.getKey() < headers.size() ? headers.get(cell.getKey()) : null, refused.shown(),
                            refused.message(), refused.messageZh()));
                } else if (cell.getKey() < headers.size() && !headers.get(cell.getKey()).isEmpty()) {
                    values.put(headers.get(cell.getKey()), text(cell.getValue(), localTime));
                }
            }
            if (!values.isEmpty()) {
                cases.add(new WorkbookTests.Case(row.excelRow(), values));
            }
        }
        return new WorkbookTests(sheet.workbook(), sheet.name(), header.excelRow(), headers, cases);
    }

    /**
     * A cell as the text a case file would hold: whole numbers without ".0", and an Excel date (which holds no
     * zone) as the instant it names in the calendar's zone.
     */
    private static String text(Object value, ZoneId localTime) {
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Long.toString(number.longValue());
        }
        if (value instanceof Boolean flag) {
            return flag.toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.atZone(localTime).toInstant().toString();
        }
        return value.toString().strip();
    }
}
