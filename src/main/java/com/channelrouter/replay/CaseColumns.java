package com.channelrouter.replay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    /**
     * The statuses a replay can give: a decision, an invalid request, a refusal by the tables. 403 and 409 come
     * from who calls and what is stored, which a replay has neither of, so a case expecting them could never pass.
     */
    static final Set<Integer> STATUSES = Set.of(200, 400, 422);
    static final String STATUSES_ALLOWED = "write 200 (a decision), 400 (the request is invalid) or 422 (the tables refuse it)";
    static final String STATUSES_ALLOWED_ZH = "expectStatus 只能填写 200（得到决策）、400（请求无效）或 422（决策表拒绝）。";

    private CaseColumns() {
    }

    /**
     * A row or line that cannot be a case; {@code column} is where to point (the column whose cell is wrong, or null
     * for the row), {@code messageZh} says it in Chinese for a workbook's Tests sheet (null for the row: the sheet
     * words that by row).
     */
    static final class NotACase extends IllegalArgumentException {
        final String column;
        final String messageZh;

        NotACase(String column, String message, String messageZh) {
            super(message);
            this.column = column;
            this.messageZh = messageZh;
        }
    }

    /**
     * Why a case's expected fields could never be checked, or null: a refusal (400, 422) has no decision to compare
     * them with, and passing on its status alone would hide that they were never looked at.
     */
    static String expectsFieldsOfARefusal(Integer expectStatus, JsonNode expect) {
        if (expectStatus == null || expectStatus == 200 || expect == null || expect.isEmpty()) {
            return null;
        }
        return "expectStatus " + expectStatus + " gets no decision, so its expect. fields cannot be checked: leave them empty, "
                + "or expect 200";
    }

    /** Why a case checks nothing, or null when it checks something: it would pass whatever is decided. */
    static String checksNothing(String name, JsonNode expect, Integer expectStatus) {
        if (expectStatus != null || (expect != null && !expect.isEmpty())) {
            return null;
        }
        return (name == null ? "" : "\"" + name + "\" ") + "checks nothing: fill at least one expect. cell or expectStatus";
    }

    /** Why this expectStatus can never be given by a replay, or null when it can. */
    static String badStatus(int status) {
        return STATUSES.contains(status) ? null : "expectStatus " + status + " is not a status a replay gives: " + STATUSES_ALLOWED;
    }

    /** A column this format does not know, by header; null when it is known. */
    static String unknown(String header) {
        if (header.isEmpty() || REQUEST_COLUMNS.contains(header) || NAME.equals(header) || EXPECT_STATUS.equals(header)) {
            return null;
        }
        if (header.startsWith(EXPECT_PREFIX) && FIELD_PATH.matcher(header.substring(EXPECT_PREFIX.length())).matches()
                && isDecisionField(header.substring(EXPECT_PREFIX.length()))) {
            return null;
        }
        return header;
    }

    /**
     * Whether a path names a field the decision has, to its second level (sla.rule): expect.ownerchannel would
     * otherwise be read as a field that is never there, and fail every row as if the tables were wrong.
     */
    private static boolean isDecisionField(String path) {
        String[] parts = path.split("\\.", 3);
        String field = parts.length > 1 && parts[0].equals("sla") ? parts[0] + "." + parts[1] : parts[0];
        return DECISION_FIELDS.contains(field);
    }

    /** The decision's fields as expect. columns name them, to suggest the right spelling. */
    private static final List<String> DECISION_FIELDS = List.copyOf(ExpectedCells.FIELDS.keySet());
    private static final Pattern LOOKS_LIKE_EXPECTATION = Pattern.compile("(?i)expect(?:ed)?[\\s._:-]*(.*)");
    private static final Pattern EXPECTATION_PATH = Pattern.compile("(?i)expect(?:ed)?[._]\\S+");

    /**
     * What is wrong with a header so that a file's rows cannot be read as meant, one message per column: a column
     * that looks like an expectation but is not one (its rows would pass unchecked), a column named twice (which
     * of its cells counts?). Empty for a header without such columns.
     */
    static List<String> headerProblems(List<String> headers) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isEmpty()) {
                continue;
            }
            if (!seen.add(header)) {
                problems.add("column \"" + header + "\" is named twice (column " + (headers.indexOf(header) + 1) + " and column "
                        + (i + 1) + "): keep one");
            } else if (looksLikeExpectation(header)) {
                String suggestion = suggestion(header);
                problems.add("column \"" + header + "\" looks like an expectation but is not one"
                        + (suggestion == null ? ": write expect.<field> (expect.ownerChannel, expect.sla.rule, …) or expectStatus"
                        : ": did you mean \"" + suggestion + "\"?"));
            }
        }
        return problems;
    }

    /**
     * An unknown header that is an expectation written wrong: a path after "expect." or "expected." (or _) in any
     * case (Expect.routingRule, expected.ownerChannel, expect_sla_rule), or a decision field or status after
     * "expect" however joined (ExpectStatus, expect ownerChannel). A notes column such as "Expected result" is not one.
     */
    static boolean looksLikeExpectation(String header) {
        if (unknown(header) == null) {
            return false;
        }
        return EXPECTATION_PATH.matcher(header.strip()).matches() || suggestion(header) != null;
    }

    /** The valid column a misspelt expectation most likely means, or null when none is obvious. */
    static String suggestion(String header) {
        Matcher misspelt = LOOKS_LIKE_EXPECTATION.matcher(header.strip());
        if (!misspelt.matches()) {
            return null;
        }
        String rest = misspelt.group(1).replace('_', '.');
        if (rest.equalsIgnoreCase("status")) {
            return EXPECT_STATUS;
        }
        // only a field the decision has: "Expected result" suggests nothing, rather than an expect.result no decision holds
        return DECISION_FIELDS.stream().filter(rest::equalsIgnoreCase).findFirst()
                .map(field -> EXPECT_PREFIX + field).filter(candidate -> !candidate.equals(header)).orElse(null);
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
     * @throws NotACase when expectStatus is not one a replay gives, an expect. cell holds what its field never can
     *                   ({@link ExpectedCells}), expect. cells stand beside a refusal's status, or the row checks nothing
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
                    throw new NotACase(EXPECT_STATUS, "expectStatus must be a status code, not \"" + value + "\": " + STATUSES_ALLOWED,
                            "“" + value + "”不能作为 expectStatus：" + STATUSES_ALLOWED_ZH);
                }
                expectStatus = Integer.parseInt(value);
                String neverGiven = badStatus(expectStatus);
                if (neverGiven != null) {
                    throw new NotACase(EXPECT_STATUS, neverGiven, "“" + value + "”不能作为 expectStatus：" + STATUSES_ALLOWED_ZH);
                }
            } else if (header.startsWith(EXPECT_PREFIX)) {
                String path = header.substring(EXPECT_PREFIX.length());
                put(expect, path, expected(header, path, value, json));
            } else {
                put(request, header, json.getNodeFactory().stringNode(value));
            }
        }
        String name = row.getOrDefault(NAME, "");
        String named = name == null || name.isBlank() ? null : name.strip();
        String checksNothing = checksNothing(named, expect, expectStatus);
        if (checksNothing != null) {
            throw new NotACase(null, checksNothing, null);
        }
        String uncheckable = expectsFieldsOfARefusal(expectStatus, expect);
        if (uncheckable != null) {
            throw new NotACase(EXPECT_STATUS, uncheckable, "expectStatus 为 " + expectStatus + " 时没有决策结果，expect. 单元格无法检查："
                    + "请清空这些单元格，或在 expectStatus 中填写 200。");
        }
        return new ReplayCase(named == null ? where : named, where, request, expect.isEmpty() ? null : expect, expectStatus);
    }

    private static JsonNode expected(String header, String path, String value, JsonMapper json) {
        ExpectedCells.check(header, path, value);
        if (ExpectedCells.isList(path)) {
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
        if (ExpectedCells.isNull(value)) {
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

    /** An expect object with its dotted keys ("sla.rule") read as the nested path, as CSV headers are. */
    static JsonNode nested(JsonNode expect, JsonMapper json) {
        ObjectNode nested = json.createObjectNode();
        for (Map.Entry<String, JsonNode> field : expect.properties()) {
            put(nested, field.getKey(), field.getValue().isObject() ? nested(field.getValue(), json) : field.getValue());
        }
        return nested;
    }

    /** Sets the value at a dotted path; an object meets an object already there field by field ("sla" and "sla.rule"). */
    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node.get(last) instanceof ObjectNode existing && value instanceof ObjectNode fields) {
            fields.properties().forEach(field -> put(existing, field.getKey(), field.getValue()));
        } else {
            node.set(last, value);
        }
    }
}
