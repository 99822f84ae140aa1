package com.channelrouter.routing;

import com.channelrouter.domain.SlaClock;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.RowLocation;
import com.channelrouter.engine.SlaRow;
import com.channelrouter.sla.BusinessCalendar;
import com.channelrouter.sla.Deadlines;
import com.channelrouter.tables.Product;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes the human-readable explanation of a decision: the customer facts and where they came from,
 * the rows that matched and why, and how the deadlines were counted. Everything it says is read off
 * the typed rows, so it cannot drift from what the rules did.
 */
final class Explanation {

    /**
     * What the rows say never changes (rows are immutable), and rendering it was half the cost of a whole
     * decision: each row's sentence is written once and kept, keyed by the row object itself. Cleared when
     * it grows past {@link #MAX_ROW_TEXTS}, so rows of versions no longer served do not pile up.
     */
    private static final Map<RowKey, String> ROW_TEXTS = new ConcurrentHashMap<>();
    private static final int MAX_ROW_TEXTS = 50_000;

    /** A row by identity: cheap to hash and compare, unlike the row records' deep equality. */
    private record RowKey(Object row, String part, boolean flag) {
        @Override
        public boolean equals(Object other) {
            return other instanceof RowKey that && row == that.row && flag == that.flag && part.equals(that.part);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(row) * 31 + part.hashCode() + (flag ? 1 : 0);
        }
    }

    private Explanation() {
    }

    static List<String> lines(RoutingItem item, CustomerProfile customer, Product product, RoutingRow routing,
                              boolean assistApplies, SlaRow sla, Deadlines deadlines, BusinessCalendar calendar,
                              String version) {
        List<String> lines = new ArrayList<>();
        lines.add(customerLine(item, customer));
        if (product != null) {
            lines.add("Product " + product.code() + (product.name() == null ? "" : " (" + product.name() + ")") + ": category "
                    + product.category() + ", " + (product.openedOnline() ? "can be opened online." : "not opened online."));
        }
        lines.add(rowText(routing, "routing", false,
                () -> "Routing: " + matched(routing.ruleId(), routing.location(), routing.conditions(), item.itemType().name())));
        lines.add(rowText(routing, "owner", assistApplies, () -> ownerLine(routing, assistApplies)));
        lines.add(rowText(sla, calendar.describeHours() + (routing.secondTransfer() ? "/dispatch" : ""), false,
                () -> "SLA: " + matched(sla.ruleId(), sla.location(), sla.conditions(), "item") + " " + termsLine(sla, routing, calendar)));
        if (!deadlines.clockStartsAt().equals(item.occurredAt().truncatedTo(ChronoUnit.SECONDS))) {
            lines.add("Arrived " + local(item.occurredAt(), calendar) + ", outside business hours: the clock starts "
                    + local(deadlines.clockStartsAt(), calendar) + ".");
        }
        lines.add("Due (" + calendar.zone().getId() + "): response " + local(deadlines.responseDueAt(), calendar)
                + ", resolve " + local(deadlines.resolveDueAt(), calendar)
                + (deadlines.dispatchDueAt() == null ? "" : ", dispatch " + local(deadlines.dispatchDueAt(), calendar)) + ".");
        lines.add("Decided by decision-table version " + version + ".");
        return lines;
    }

    private static String rowText(Object row, String part, boolean flag, Supplier<String> render) {
        RowKey key = new RowKey(row, part, flag);
        String text = ROW_TEXTS.get(key);
        if (text == null) {
            if (ROW_TEXTS.size() >= MAX_ROW_TEXTS) {
                ROW_TEXTS.clear();
            }
            text = render.get();
            ROW_TEXTS.put(key, text);
        }
        return text;
    }

    private static String customerLine(RoutingItem item, CustomerProfile customer) {
        // the registry's account-manager ids are not for every caller's eyes: echo only what the request said
        String manager = customer.tagOrigin() == CustomerProfile.Origin.REQUEST ? customer.accountManagerId() + ", " : "";
        String tag = customer.accountManagerTagged()
                ? "account-manager tag yes (" + manager + origin(customer.tagOrigin()) + ")"
                : "no account-manager tag (" + origin(customer.tagOrigin()) + ")";
        String line = item.itemType() + " from " + item.sourceChannel() + " for customer " + customer.customerId() + ": class "
                + customer.customerClass() + " (" + origin(customer.classOrigin()) + "), " + tag + ".";
        return customer.registryUnavailable()
                ? line + " The customer registry could not be reached, so only the request's fields were used: "
                + "this decision is provisional."
                : line;
    }

    private static String origin(CustomerProfile.Origin origin) {
        return switch (origin) {
            case REQUEST -> "from the request";
            case REGISTRY -> "from the customer registry";
            case DEFAULT -> "not in the request or the registry";
            case UNKNOWN -> "not in the request; the registry could not be reached";
            case NOT_ASKED -> "not in the request; the customer registry is not read here";
        };
    }

    private static String matched(String ruleId, RowLocation location, List<Condition> conditions, String what) {
        String where = "row " + ruleId + " of sheet " + location.sheet() + " (" + location.workbook() + ", Excel row "
                + location.excelRow() + ") is the first that matches";
        return conditions.isEmpty() ? where + ": it applies to every " + what + "."
                : where + ": " + conditions.stream().map(Condition::describe).collect(Collectors.joining("; ")) + ".";
    }

    private static String ownerLine(RoutingRow row, boolean assistApplies) {
        StringBuilder line = new StringBuilder("Owner: ").append(row.ownerChannel()).append('.');
        if (row.secondTransfer()) {
            line.append(" Second transfer: the owner re-dispatches it by hand");
            line.append(row.targetChannel() == null ? "." : "; the tables suggest " + row.targetChannel() + ".");
        }
        if (!row.assistChannels().isEmpty()) {
            String channels = row.assistChannels().stream().map(Enum::name).collect(Collectors.joining(", "));
            if (assistApplies) {
                line.append(" Assisted by ").append(channels).append('.');
            } else {
                line.append(" The row's assist channels (").append(channels).append(") do not join: they assist only when ")
                        .append(row.assistConditions().stream().map(Condition::describe).collect(Collectors.joining("; ")))
                        .append('.');
            }
        }
        return line.toString();
    }

    private static String termsLine(SlaRow sla, RoutingRow routing, BusinessCalendar calendar) {
        String clock = sla.terms().clock() == SlaClock.BUSINESS_HOURS
                ? "on business hours (" + calendar.describeHours() + ", minus holidays)"
                : "round the clock";
        return "Respond within " + sla.terms().responseMinutes() + " min, resolve within " + sla.terms().resolveMinutes() + " min"
                + (routing.secondTransfer() ? ", dispatch within " + sla.terms().dispatchMinutes() + " min" : "")
                + ", " + clock + ".";
    }

    /** "Tue 2026-11-24 17:15", written by hand: DateTimeFormatter was a tenth of a decision's cost. */
    private static String local(Instant instant, BusinessCalendar calendar) {
        LocalDateTime at = LocalDateTime.ofInstant(instant, calendar.zone());
        StringBuilder text = new StringBuilder(20).append(DAYS[at.getDayOfWeek().ordinal()]).append(' ').append(at.getYear());
        return pad(pad(pad(pad(text.append('-'), at.getMonthValue()).append('-'), at.getDayOfMonth()).append(' '), at.getHour())
                .append(':'), at.getMinute()).toString();
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private static StringBuilder pad(StringBuilder text, int value) {
        return (value < 10 ? text.append('0') : text).append(value);
    }
}
