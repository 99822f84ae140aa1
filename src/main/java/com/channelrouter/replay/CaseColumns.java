package com.channelrouter.replay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of the contract's CSV and XLSX case files: one per request field by its dotted path, one per
 * expected decision field prefixed "expect.", then expectStatus and name. An empty request cell leaves the
 * field out; an empty expect cell is not checked; "true"/"false" are booleans, numbers stay numbers,
 * "|" separates list items ("none" or "[]" expects an empty list) and "null" expects a null.
 */
public final class CaseColumns {

    static final Set<String> REQUEST_COLUMNS = Set.of("itemType", "externalId", "sourceChannel", "occurredAt", "customer.id",
            "customer.name", "customer.customerClass", "customer.accountManagerId", "productCode", "leadStage", "alertKind",
            "faultCategory", "severity", "description");
    static final String NAME = "name";
    static final String EXPECT_STATUS = "expectStatus";
    static final String EXPECT_PREFIX = "expect.";
    private static final Set<String> LIST_FIELDS = Set.of("assistChannels");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    private CaseColumns() {
    }

    /** A column this format does not know, by header; null when it is known. */
    static String unknown(String header) {
        if (header.isEmpty() || REQUEST_COLUMNS.contains(header) || NAME.equals(header) || EXPECT_STATUS.equals(header)) {
            return null;
        }
        if (header.startsWith(EXPECT_PREFIX) && FIELD_PATH.matcher(header.substring(EXPECT_PREFIX.length())).matches()) {
            return null;
        }
        return header;
    }

    /** Headers that are neither request fields, expectations, expectStatus nor name. */
    public static List<String> unknownColumns(List<String> headers) {
        List<String> unknown = new ArrayList<>();
        for (String header : headers) {
            String bad = unknown(header);
            if (bad != null) {
                unknown.add(bad);
            }
        }
        return unknown;
    }

    /**
     * The case a row describes; values of unknown columns are left out (they are reported once per file).
     *
     * @throws IllegalArgumentException when expectStatus is not a whole number
     */
    public static ReplayCase toCase(Map<String, String> row, String where, JsonMapper json) {
        ObjectNode request = json.createObjectNode();
        ObjectNode expect = json.createObjectNode();
        Integer expectStatus = null;
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String header = cell.getKey();
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            if (value.isEmpty() || unknown(header) != null || NAME.equals(header)) {
                continue;
            }
            if (EXPECT_STATUS.equals(header)) {
                if (!INTEGER.matcher(value).matches()) {
                    throw new IllegalArgumentException("expectStatus must be a status code such as 400 or 422, not \"" + value + "\"");
                }
                expectStatus = Integer.parseInt(value);
            } else if (header.startsWith(EXPECT_PREFIX)) {
                String path = header.substring(EXPECT_PREFIX.length());
                put(expect, path, expected(path, value, json));
            } else {
                put(request, header, json.getNodeFactory().stringNode(value));
            }
        }
        String name = row.getOrDefault(NAME, "");
        return new ReplayCase(name == null || name.isBlank() ? where : name.strip(), where, request,
                expect.isEmpty() && expectStatus != null ? null : expect, expectStatus);
    }

    private static JsonNode expected(String path, String value, JsonMapper json) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (LIST_FIELDS.contains(field)) {
            ArrayNode list = json.createArrayNode();
            if (value.equals("[]") || value.equalsIgnoreCase("none")) {
                return list;
            }
            for (String item : value.split("\\|")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
            return list;
        }
        if (value.equals("null")) {
            return json.getNodeFactory().nullNode();
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return json.getNodeFactory().booleanNode(Boolean.parseBoolean(value.toLowerCase()));
        }
        if (INTEGER.matcher(value).matches()) {
            return json.getNodeFactory().numberNode(Integer.parseInt(value));
        }
        return json.getNodeFactory().stringNode(value);
    }

    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
