package com.channelrouter.tables;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook read as a stream of rows: plain values by type, and the limits an untrusted upload is held to. */
class WorkbookReaderTests {

    @Test
    void cellsArriveAsPlainValuesByType() throws IOException {
        byte[] content = workbook(3, sheet -> {
            Row row = sheet.getRow(1);
            row.createCell(1).setCellValue(12.5);
            CellStyle date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            row.createCell(2).setCellValue(LocalDateTime.of(2026, 11, 26, 0, 0));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue(true);
            row.createCell(4).setCellFormula("1+1");
            row.createCell(5).setCellValue("   ");
        });
        TableProblems problems = new TableProblems();

        List<SheetCells> sheets = WorkbookReader.read(new WorkbookFile("routing.xlsx", content), problems);

        assertThat(problems.errors()).isEmpty();
        SheetCells.Row second = sheets.get(0).rows().get(1);
        assertThat(second.excelRow()).isEqualTo(2);
        assertThat(second.cells()).containsEntry(0, "row 2").containsEntry(1, 12.5)
                .containsEntry(2, LocalDateTime.of(2026, 11, 26, 0, 0)).containsEntry(3, true).doesNotContainKey(5);
        assertThat(second.cells().get(4)).isInstanceOf(RefusedCell.class);
    }

    @Test
    void rowsBeyondTheLimitAreReportedOnceAndNotRead() throws IOException {
        byte[] content = workbook(WorkbookReader.MAX_ROWS_PER_SHEET + 5, sheet -> { });
        TableProblems problems = new TableProblems();

        List<SheetCells> sheets = WorkbookReader.read(new WorkbookFile("routing.xlsx", content), problems);

        assertThat(sheets.get(0).rows()).hasSize(WorkbookReader.MAX_ROWS_PER_SHEET);
        assertThat(problems.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo("Routing");
            assertThat(problem.message()).contains("more than " + WorkbookReader.MAX_ROWS_PER_SHEET + " rows");
        });
    }

    interface SheetFiller {
        void fill(Sheet sheet);
    }

    /** A workbook with one sheet, "Routing", whose first {@code rows} rows say "row n" in column A. */
    static byte[] workbook(int rows, SheetFiller filler) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(rows + 1); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Routing");
            for (int i = 0; i < rows; i++) {
                sheet.createRow(i).createCell(0).setCellValue("row " + (i + 1));
            }
            filler.fill(sheet);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
