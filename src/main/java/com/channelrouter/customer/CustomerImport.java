package com.channelrouter.customer;

import com.channelrouter.domain.Codes;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.support.CsvFailures;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads customers for a bulk load (JSON array or CSV with a header row), checks every row, and either
 * accepts them all or reports every bad row: a load never stores half a file.
 */
final class CustomerImport {

    static final int MAX_ROWS = 100_000;
    static final List<String> CSV_COLUMNS = List.of("id", "name", "customerClass", "accountManagerId");

    /**
     * One customer as a client sends it; {@code unknown} collects fields it should not have (a misspelt
     * "accountManager" would otherwise be dropped, and the upsert would clear the customer's account manager).
     */
    record CustomerRow(String id, String name, @Schema(implementation = CustomerClass.class) String customerClass,
                       String accountManagerId,
                       @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

        CustomerRow(String id, String name, String customerClass, String accountManagerId) {
            this(id, name, customerClass, accountManagerId, Map.of());
        }
    }

    private CustomerImport() {
    }

    static List<Customer> fromRows(List<CustomerRow> rows, Instant now) {
        if (rows == null || rows.isEmpty()) {
            throw InvalidRequestException.of("body", "must be a non-empty array of customers");
        }
        checkSize(rows.size());
        List<FieldProblem> problems = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            customers.add(check(rows.get(i), "[" + i + "].", problems, now));
            places.add("[" + i + "].id");
        }
        return accepted(customers, places, problems);
    }

    static List<Customer> fromCsv(Reader csv, Instant now) {
        csv = withoutByteOrderMark(csv);
        List<FieldProblem> problems = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        List<String> places = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!CSV_COLUMNS.contains(column)) {
                    problems.add(new FieldProblem("header", "unknown column \"" + column + "\"; the columns are " + CSV_COLUMNS));
                }
            }
            if (!header.containsAll(Set.of("id", "customerClass"))) {
                problems.add(new FieldProblem("header", "needs at least the columns id and customerClass"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            for (CSVRecord record : parser) {
                checkSize(customers.size() + 1);
                if (record.size() != header.size()) {
                    // a short row would clear the columns it lacks; extra cells would be dropped unseen
                    problems.add(new FieldProblem("line " + parser.getCurrentLineNumber(), "has " + record.size()
                            + " cells but the header names " + header.size()));
                    continue;
                }
                CustomerRow row = new CustomerRow(get(record, "id"), get(record, "name"), get(record, "customerClass"),
                        get(record, "accountManagerId"));
                customers.add(check(row, "line " + parser.getCurrentLineNumber() + ": ", problems, now));
                places.add("line " + parser.getCurrentLineNumber() + ": id");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports a broken quote or record as an (unchecked) I/O failure naming the line
            Integer line = CsvFailures.startLine(e);
            throw InvalidRequestException.of("body", "is not valid CSV" + (line == null ? "" : " at line " + line) + ": "
                    + CsvFailures.why(e));
        }
        if (customers.isEmpty() && problems.isEmpty()) {
            throw InvalidRequestException.of("body", "has no customer rows");
        }
        return accepted(customers, places, problems);
    }

    /** Excel's "CSV UTF-8" starts with a byte-order mark, which is not part of the first header. */
    private static Reader withoutByteOrderMark(Reader csv) {
        PushbackReader reader = new PushbackReader(csv, 1);
        try {
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private static String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }

    private static void checkSize(int rows) {
        if (rows > MAX_ROWS) {
            throw InvalidRequestException.of("body", "has more than " + MAX_ROWS + " customers; split the load");
        }
    }

    private static Customer check(CustomerRow row, String at, List<FieldProblem> problems, Instant now) {
        if (row == null) {
            problems.add(new FieldProblem(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "must be a customer object"));
            return null;
        }
        if (row.unknown() != null) {
            row.unknown().keySet().stream().sorted().forEach(field -> problems.add(new FieldProblem(at + field,
                    "is not a customer field; the fields are " + CSV_COLUMNS)));
        }
        if (row.id() == null || row.id().isBlank()) {
            problems.add(new FieldProblem(at + "id", "is required"));
        } else if (row.id().strip().length() > 64) { // as stored: stripped
            problems.add(new FieldProblem(at + "id", "must be at most 64 characters"));
        }
        CustomerClass customerClass = Codes.parse(CustomerClass.class, row.customerClass()).orElse(null);
        if (customerClass == null) {
            problems.add(new FieldProblem(at + "customerClass", "must be one of " + Codes.names(CustomerClass.class)));
        }
        if (row.name() != null && row.name().length() > 200) {
            problems.add(new FieldProblem(at + "name", "must be at most 200 characters"));
        }
        if (row.accountManagerId() != null && row.accountManagerId().length() > 64) {
            problems.add(new FieldProblem(at + "accountManagerId", "must be at most 64 characters"));
        }
        String accountManager = row.accountManagerId() == null || row.accountManagerId().isBlank() ? null : row.accountManagerId().strip();
        return new Customer(row.id() == null ? null : row.id().strip(), row.name(), customerClass, accountManager, now);
    }

    /** The customers, unless there are problems; {@code places} names where each customer's id is, as the problems do. */
    private static List<Customer> accepted(List<Customer> customers, List<String> places, List<FieldProblem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            Customer customer = customers.get(i);
            if (customer != null && customer.customerId() != null && seen.putIfAbsent(customer.customerId(), i) != null) {
                problems.add(new FieldProblem(places.get(i), "repeats customer " + customer.customerId()
                        + " (first at " + places.get(seen.get(customer.customerId())) + "); a load names each customer once"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() > 100 ? problems.subList(0, 100) : problems);
        }
        return customers;
    }
}
