package com.channelrouter.replay;

import com.channelrouter.engine.Condition;
import com.channelrouter.engine.EscalationRow;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.SlaRow;
import com.channelrouter.routing.RoutingDecision;
import com.channelrouter.routing.RoutingDecisions;
import com.channelrouter.routing.RoutingItem;
import com.channelrouter.routing.RoutingRequest;
import com.channelrouter.tables.DecisionTableVersions;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.web.UnprocessableException;
import com.channelrouter.workitem.StoredRouting;
import com.channelrouter.workitem.WorkItems;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What publishing a candidate would change, before it is published: the rows added, removed or changed
 * against the live version, rule by rule, and the stored requests of the last days decided again by
 * both versions: how many items would get another owner, second transfer or SLA, grouped by the rule
 * that decided before and after, with examples. Customers keep the class and tag they had when routed,
 * so only the tables differ.
 */
@Service
public class ImpactPreview {

    static final int MAX_REPLAYED = 20_000;
    private static final int EXAMPLES = 3;

    private final DecisionTableVersions versions;
    private final LiveDecisionTables live;
    private final RoutingDecisions decisions;
    private final WorkItems workItems;
    private final JsonMapper json;
    private final Clock clock;

    ImpactPreview(DecisionTableVersions versions, LiveDecisionTables live, RoutingDecisions decisions, WorkItems workItems,
                  JsonMapper json, Clock clock) {
        this.versions = versions;
        this.live = live;
        this.decisions = decisions;
        this.workItems = workItems;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The preview: the candidate, the version publishing it makes live ({@code publishedAs}: the candidate itself, or
     * its workbook rebuilt on workbooks published after its upload), the live version that is compared with, the
     * rule changes and the replay.
     */
    public record Impact(String candidate, String publishedAs, String live, List<RowChange> rowChanges, Replay replay) {
    }

    /** A row added, removed or changed, described in the words of the sheet. */
    public record RowChange(String change, String table, String rule, String sheet, Integer liveRow, Integer candidateRow,
                            String before, String after) {
    }

    /** The stored requests decided again: how many, how many would change, and how. */
    public record Replay(int days, int items, int changed, Map<String, Integer> changedFields, List<Shift> byRule) {
    }

    /** Items that move from one deciding rule to another (or stay on one rule with another outcome). */
    public record Shift(String from, String to, int items, List<Example> examples) {
    }

    /** One item that would change, and how. */
    public record Example(String workItemId, List<String> changes) {
    }

    public Impact preview(String candidateVersion, int days) {
        DecisionTables current = live.current();
        DecisionTables candidate = versions.toBePublished(candidateVersion);
        return new Impact(candidateVersion, candidate.version(), current.version(), rowChanges(current, candidate),
                replay(current, candidate, days));
    }

    // ---- rule by rule

    private static List<RowChange> rowChanges(DecisionTables current, DecisionTables candidate) {
        List<RowChange> changes = new ArrayList<>();
        compare("routing", rows(current.rules().routingRows()), rows(candidate.rules().routingRows()), changes);
        compare("sla", slaRows(current.rules().slaRows()), slaRows(candidate.rules().slaRows()), changes);
        compare("escalation", escalationRows(current.rules().escalationRows()), escalationRows(candidate.rules().escalationRows()),
                changes);
        return changes;
    }

    /** A row as compared: where it is, its place in its table, and what it says. */
    private record Described(String sheet, int row, int position, String text) {
    }

    private static void compare(String table, Map<String, Described> before, Map<String, Described> after, List<RowChange> changes) {
        before.forEach((rule, old) -> {
            Described now = after.get(rule);
            if (now == null) {
                changes.add(new RowChange("REMOVED", table, rule, old.sheet(), old.row(), null, old.text(), null));
            } else if (!now.text().equals(old.text()) || !now.sheet().equals(old.sheet()) || now.position() != old.position()) {
                String moved = now.position() != old.position() ? " (moved from place " + (old.position() + 1) + " to "
                        + (now.position() + 1) + ")" : "";
                changes.add(new RowChange("CHANGED", table, rule, now.sheet(), old.row(), now.row(), old.text(), now.text() + moved));
            }
        });
        after.forEach((rule, now) -> {
            if (!before.containsKey(rule)) {
                changes.add(new RowChange("ADDED", table, rule, now.sheet(), null, now.row(), null, now.text()));
            }
        });
    }

    private static Map<String, Described> rows(List<RoutingRow> rows) {
        Map<String, Described> described = new LinkedHashMap<>();
        Map<String, Integer> positions = new TreeMap<>();
        for (RoutingRow row : rows) {
            int position = positions.merge(row.location().sheet(), 1, Integer::sum) - 1;
            String outcome = "owner " + row.ownerChannel() + (row.secondTransfer() ? ", second transfer" : "")
                    + (row.targetChannel() == null ? "" : ", target " + row.targetChannel())
                    + (row.assistChannels().isEmpty() ? "" : ", assist " + row.assistChannels()
                    + (row.assistConditions().isEmpty() ? "" : " when " + when(row.assistConditions())));
            described.put(row.ruleId(), new Described(row.location().sheet(), row.location().excelRow(), position,
                    "when " + when(row.conditions()) + " then " + outcome));
        }
        return described;
    }

    private static Map<String, Described> slaRows(List<SlaRow> rows) {
        Map<String, Described> described = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            SlaRow row = rows.get(i);
            described.put(row.ruleId(), new Described(row.location().sheet(), row.location().excelRow(), i,
                    "when " + when(row.conditions()) + " then respond " + row.terms().responseMinutes() + " min, resolve "
                            + row.terms().resolveMinutes() + " min, dispatch " + row.terms().dispatchMinutes() + " min, "
                            + row.terms().clock()));
        }
        return described;
    }

    private static Map<String, Described> escalationRows(List<EscalationRow> rows) {
        Map<String, Described> described = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            EscalationRow row = rows.get(i);
            described.put(row.ruleId(), new Described(row.location().sheet(), row.location().excelRow(), i,
                    "when " + when(row.conditions()) + " then at " + row.percent() + "% of the " + row.deadline() + " time tell "
                            + row.level()));
        }
        return described;
    }

    private static String when(List<Condition> conditions) {
        return conditions.isEmpty() ? "any item" : conditions.stream().map(Condition::describe).collect(Collectors.joining("; "));
    }

    // ---- stored requests decided again

    private Replay replay(DecisionTables current, DecisionTables candidate, int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        List<StoredRouting> stored = workItems.routedSince(since, MAX_REPLAYED);
        Map<String, Integer> changedFields = new TreeMap<>();
        Map<String, List<Example>> examples = new LinkedHashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        int changed = 0;
        for (StoredRouting routing : stored) {
            RoutingItem item = itemAsRouted(routing);
            if (item == null) {
                continue;
            }
            Outcome before = decide(current, item);
            Outcome after = decide(candidate, item);
            List<String> differences = before.differences(after);
            if (differences.isEmpty()) {
                continue;
            }
            changed++;
            differences.forEach(d -> changedFields.merge(d.substring(0, d.indexOf(':')), 1, Integer::sum));
            String shift = before.rules() + " -> " + after.rules();
            counts.merge(shift, 1, Integer::sum);
            List<Example> list = examples.computeIfAbsent(shift, s -> new ArrayList<>());
            if (list.size() < EXAMPLES) {
                list.add(new Example(routing.workItemId(), differences));
            }
        }
        List<Shift> byRule = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> {
                    String[] rules = e.getKey().split(" -> ");
                    return new Shift(rules[0], rules[1], e.getValue(), examples.get(e.getKey()));
                }).toList();
        return new Replay(days, stored.size(), changed, changedFields, byRule);
    }

    /** The stored request, with the customer's class and tag as they were when it was routed. */
    private RoutingItem itemAsRouted(StoredRouting routing) {
        try {
            ObjectNode request = (ObjectNode) json.readTree(routing.requestJson());
            JsonNode decision = json.readTree(routing.decisionJson());
            ObjectNode customer = request.has("customer") ? (ObjectNode) request.get("customer") : request.putObject("customer");
            customer.put("customerClass", decision.get("customerClass").asString());
            boolean tagged = decision.get("accountManagerTagged").asBoolean();
            String given = customer.has("accountManagerId") && !customer.get("accountManagerId").isNull()
                    ? customer.get("accountManagerId").asString() : "";
            customer.put("accountManagerId", tagged ? (given.isBlank() ? "registry" : given) : "");
            return RoutingItem.from(json.treeToValue(request, RoutingRequest.class), routing.decidedAt());
        } catch (RuntimeException unreadable) {
            return null; // a request stored by an older release with another shape: left out of the replay
        }
    }

    /** What a version decides for an item, as compared: owner, transfer, target, assist, SLA; or the refusal. */
    private record Outcome(String routingRule, String slaRule, Map<String, String> fields) {

        String rules() {
            return routingRule + "/" + slaRule;
        }

        List<String> differences(Outcome other) {
            List<String> differences = new ArrayList<>();
            fields.forEach((field, value) -> {
                String then = other.fields.get(field);
                if (!Objects.equals(value, then)) {
                    differences.add(field + ": " + value + " -> " + then);
                }
            });
            return differences;
        }
    }

    private Outcome decide(DecisionTables tables, RoutingItem item) {
        try {
            RoutingDecision decision = decisions.decideWith(tables, item);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("ownerChannel", String.valueOf(decision.ownerChannel()));
            fields.put("secondTransfer", String.valueOf(decision.secondTransfer()));
            fields.put("targetChannel", String.valueOf(decision.targetChannel()));
            fields.put("assistChannels", String.valueOf(decision.assistChannels()));
            fields.put("sla", decision.sla().clock() + " " + decision.sla().responseMinutes() + "/" + decision.sla().resolveMinutes()
                    + " min");
            fields.put("responseDueAt", String.valueOf(decision.sla().responseDueAt()));
            fields.put("resolveDueAt", String.valueOf(decision.sla().resolveDueAt()));
            return new Outcome(decision.routingRule(), decision.sla().rule(), fields);
        } catch (UnprocessableException refused) {
            return new Outcome("refused", "refused", Map.of("ownerChannel", "refused (not routable)"));
        }
    }
}
