package com.channelrouter.tables;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The shipped decision-table workbooks, and copies of them changed the way a business owner would
 * change them in Excel (a cell retyped, a sheet added, a row deleted). Every change returns a new set,
 * and every change fails loudly when the sheet or file it names does not exist, so a test never
 * passes because its edit silently missed.
 */
final class Workbooks {

    static final Path FOLDER = Path.of("decision-tables");
    static final String ROUTING = "routing.xlsx";
    static final String SLA = "sla.xlsx";
    static final String PRODUCTS = "products.xlsx";
    static final String CALENDAR = "calendar.xlsx";

    static final String LEAD_SHEET = "Routing LEAD";
    static final String ALERT_SHEET = "Routing ALERT";
    static final String FAULT_SHEET = "Routing FAULT";
    static final String SLA_SHEET = "SLA";
    static final String PRODUCTS_SHEET = "Products";
    static final String HOURS_SHEET = "Business hours";
    static final String DAYS_SHEET = "Days";

    /** Rows 1-2 are titles; the header is row 3 in every shipped sheet. */
    static final int HEADER_ROW = 3;

    private final Map<String, byte[]> files;

    private Workbooks(Map<String, byte[]> files) {
        this.files = files;
    }

    /** The workbooks in {@code decision-tables/}, as the service ships them. */
    static Workbooks shipped() {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(FOLDER)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".xlsx")).toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests with the project folder as working directory", e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no workbooks in " + FOLDER.toAbsolutePath());
        }
        return new Workbooks(files);
    }

    TableSource source() {
        List<WorkbookFile> list = new ArrayList<>();
        files.forEach((name, bytes) -> list.add(new WorkbookFile(name, bytes.clone())));
        return new TableSource(list);
    }

    byte[] bytes(String file) {
        return existing(file).clone();
    }

    // ---- files ---------------------------------------------------------------------------------

    Workbooks withFile(String name, byte[] content) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.put(name, content.clone());
        return new Workbooks(copy);
    }

    Workbooks without(String file) {
        existing(file);
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.remove(file);
        return new Workbooks(copy);
    }

    Workbooks renameFile(String from, String to) {
        return without(from).withFile(to, existing(from));
    }

    /** Replaces a workbook's bytes, as when someone uploads the wrong file under the right name. */
    Workbooks replaceContent(String file, byte[] content) {
        existing(file);
        return withFile(file, content);
    }

    // ---- cells ---------------------------------------------------------------------------------

    Workbooks setText(String file, String sheet, String address, String text) {
        return editCell(file, sheet, address, cell -> cell.setCellValue(text));
    }

    Workbooks setNumber(String file, String sheet, String address, double number) {
        return editCell(file, sheet, address, cell -> cell.setCellValue(number));
    }

    /** A real Excel date (a number formatted as a date), the way Excel stores a typed date. */
    Workbooks setDate(String file, String sheet, String address, LocalDate date) {
        return edit(file, workbook -> {
            Cell cell = cell(workbook, sheet, address);
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            cell.setCellValue(date);
            cell.setCellStyle(style);
        });
    }

    /** A formula whose cached result (what Excel shows) is {@code shows}: a reader must use neither. */
    Workbooks setFormula(String file, String sheet, String address, String formula, String shows) {
        return editCell(file, sheet, address, cell -> {
            cell.setCellFormula(formula);
            cell.setCellValue(shows);
        });
    }

    Workbooks clear(String file, String sheet, String address) {
        return edit(file, workbook -> {
            Sheet s = sheet(workbook, sheet);
            CellReference ref = new CellReference(address);
            Row row = s.getRow(ref.getRow());
            if (row != null && row.getCell(ref.getCol()) != null) {
                row.removeCell(row.getCell(ref.getCol()));
            }
        });
    }

    // ---- columns and rows ----------------------------------------------------------------------

    /** A new header right after the last one in the header row (column P on the LEAD sheet). */
    Workbooks addColumnHeader(String file, String sheet, String header) {
        return edit(file, workbook -> {
            Row row = sheet(workbook, sheet).getRow(HEADER_ROW - 1);
            row.createCell(row.getLastCellNum()).setCellValue(header);
        });
    }

    /** Deletes an Excel row and moves the rows below it up, as "Delete row" does in Excel. */
    Workbooks deleteRow(String file, String sheet, int excelRow) {
        return edit(file, workbook -> {
            Sheet s = sheet(workbook, sheet);
            Row row = s.getRow(excelRow - 1);
            if (row == null) {
                throw new IllegalArgumentException(sheet + " has no row " + excelRow);
            }
            s.removeRow(row);
            if (excelRow <= s.getLastRowNum()) {
                s.shiftRows(excelRow, s.getLastRowNum(), -1);
            }
        });
    }

    /** Swaps the contents of two whole columns, as when an owner reorders the table's columns. */
    Workbooks swapColumns(String file, String sheet, String first, String second) {
        int a = CellReference.convertColStringToIndex(first);
        int b = CellReference.convertColStringToIndex(second);
        return edit(file, workbook -> {
            for (Row row : sheet(workbook, sheet)) {
                String left = textOf(row.getCell(a));
                String right = textOf(row.getCell(b));
                put(row, a, right);
                put(row, b, left);
            }
        });
    }

    // ---- sheets --------------------------------------------------------------------------------

    /** A new sheet holding a table: the first row is the header, every cell is text. */
    Workbooks addTable(String file, String sheet, String[]... rows) {
        return edit(file, workbook -> {
            Sheet created = workbook.createSheet(sheet);
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = created.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
        });
    }

    /** A new sheet holding the given lines in column A. */
    Workbooks addSheet(String file, String sheet, String... lines) {
        return edit(file, workbook -> {
            Sheet created = workbook.createSheet(sheet);
            for (int i = 0; i < lines.length; i++) {
                created.createRow(i).createCell(0).setCellValue(lines[i]);
            }
        });
    }

    Workbooks renameSheet(String file, String from, String to) {
        return edit(file, workbook -> workbook.setSheetName(index(workbook, from), to));
    }

    Workbooks removeSheet(String file, String sheet) {
        return edit(file, workbook -> workbook.removeSheetAt(index(workbook, sheet)));
    }

    /** Adds a VBA project part, which is what makes a workbook carry macros. */
    Workbooks withMacros(String file) {
        return withPart(file, "/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject");
    }

    /** Adds a raw package part, such as an external link or an embedded object. */
    Workbooks withPart(String file, String partName, String contentType) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(existing(file)))) {
            PackagePart part = pkg.createPart(PackagingURIHelper.createPartName(partName), contentType);
            try (OutputStream out = part.getOutputStream()) {
                out.write(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pkg.save(bytes);
            return withFile(file, bytes.toByteArray());
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("cannot add " + partName + " to " + file, e);
        }
    }

    /** Any other change, made with POI on a copy of the workbook. */
    Workbooks edit(String file, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(existing(file)))) {
            change.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return withFile(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Workbooks editCell(String file, String sheet, String address, Consumer<Cell> change) {
        return edit(file, workbook -> change.accept(cell(workbook, sheet, address)));
    }

    private byte[] existing(String file) {
        byte[] bytes = files.get(file);
        if (bytes == null) {
            throw new IllegalArgumentException("no workbook " + file + " in " + files.keySet());
        }
        return bytes;
    }

    private static Cell cell(XSSFWorkbook workbook, String sheet, String address) {
        Sheet s = sheet(workbook, sheet);
        CellReference ref = new CellReference(address);
        Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
        return row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }

    private static Sheet sheet(XSSFWorkbook workbook, String name) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet \"" + name + "\"");
        }
        return sheet;
    }

    private static int index(XSSFWorkbook workbook, String name) {
        int index = workbook.getSheetIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException("no sheet \"" + name + "\"");
        }
        return index;
    }

    private static String textOf(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
    }

    private static void put(Row row, int column, String text) {
        if (text == null) {
            Cell cell = row.getCell(column);
            if (cell != null) {
                row.removeCell(cell);
            }
        } else {
            row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(text);
        }
    }
}
