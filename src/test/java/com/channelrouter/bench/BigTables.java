package com.channelrouter.bench;

import com.channelrouter.tables.TableSource;
import com.channelrouter.tables.WorkbookFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped tables with a routing sheet grown to thousands of rows the way a business owner's might
 * grow: one row per product, source channel, class, stage and tag, placed before the general rows.
 */
public final class BigTables {

    private static final String[] PRODUCTS = {"VPMN", "SHORT_NUMBER_CLUSTER", "GROUP_COLOR_RING", "ENTERPRISE_SMS",
            "ENTERPRISE_CARD", "ENTERPRISE_MAIL", "MOBILE_SWITCHBOARD", "GROUP_PAY", "DEDICATED_LINE", "MAS", "GPRS_ACCESS",
            "INDUSTRY_APP"};
    private static final String[] SOURCES = {"ACCOUNT_MANAGER", "CORE_AGENT", "PHONE_ACCOUNT_MANAGER", "WEBSITE", "SERVICE_HALL",
            "GROUP_HOTLINE", "EXPERIENCE_HALL", "OPERATIONS_CENTER", "NETWORK_MAINTENANCE", "BILLING_SUPPORT", "HOTLINE_10086",
            "BI_SYSTEM"};
    private static final String[] CLASSES = {"A", "B", "C", "D", "POTENTIAL"};
    private static final String[] OWNERS = {"ACCOUNT_MANAGER", "CORE_AGENT", "PHONE_ACCOUNT_MANAGER", "WEBSITE", "SERVICE_HALL"};

    private BigTables() {
    }

    public static TableSource withRoutingRows(int extraRows) {
        try {
            List<WorkbookFile> files = new ArrayList<>();
            for (Path path : List.of("calendar.xlsx", "products.xlsx", "sla.xlsx").stream().map(n -> Path.of("decision-tables", n)).toList()) {
                files.add(new WorkbookFile(path.getFileName().toString(), Files.readAllBytes(path)));
            }
            files.add(new WorkbookFile("routing.xlsx", routing(Files.readAllBytes(Path.of("decision-tables/routing.xlsx")), extraRows)));
            return new TableSource(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the shipped routing workbook with ROWS extra rows to FILE, for docs/load/swap-spike.sh to upload. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[1]), routing(Files.readAllBytes(Path.of("decision-tables/routing.xlsx")), Integer.parseInt(args[0])));
    }

    private static byte[] routing(byte[] shipped, int extraRows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(shipped)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet lead = workbook.getSheet("Routing LEAD");
            int firstRule = 3; // row 4 in Excel
            int last = lead.getLastRowNum();
            lead.shiftRows(firstRule, last, extraRows);
            for (int i = 0; i < extraRows; i++) {
                Row row = lead.createRow(firstRule + i);
                row.createCell(0).setCellValue("X" + i);                                   // Rule
                row.createCell(1).setCellValue((i / 1440) % 2 == 0 ? "no" : "yes");        // Account-manager tag
                row.createCell(2).setCellValue(CLASSES[(i / 144) % CLASSES.length]);        // Customer class
                row.createCell(3).setCellValue((i / 720) % 2 == 0 ? "OPPORTUNITY" : "CLUE"); // Lead stage
                row.createCell(5).setCellValue(PRODUCTS[i % PRODUCTS.length]);              // Product
                row.createCell(7).setCellValue(SOURCES[(i / 12) % SOURCES.length]);         // Source channel
                row.createCell(8).setCellValue(OWNERS[i % OWNERS.length]);                  // Owner channel
                row.createCell(9).setCellValue("no");                                       // Second transfer
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
