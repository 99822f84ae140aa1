package com.channelrouter.tables;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.engine.CompiledRules;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.EscalationRow;
import com.channelrouter.engine.RoutingFacts;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.RowLocation;
import com.channelrouter.engine.RuleOutcome;
import com.channelrouter.engine.SlaRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a table version does over every item that can arrive: each combination of item type, customer
 * class, account-manager tag, product (or none), source channel and stage / alert kind / fault category
 * and severity, over the catalogue's real codes, is decided by the compiled rules. Combinations no
 * routing or SLA row covers are gaps; rows that never decide are dead, and the analysis says which
 * earlier rows take their items. Exact, because the domain is finite: about 25,000 decisions.
 */
public final class TableAnalysis {

    /** Examples listed per kind of finding; the counts cover everything. */
    private static final int MAX_LISTED = 30;

    /** A group of uncovered combinations: the item type, class and tag they share, how many, and one example. */
    public record Gap(String table, ItemType itemType, CustomerClass customerClass, boolean accountManagerTagged, int count,
                      int of, String example) {
    }

    /** A row that never decides, and the earlier rows that decide the items it would match. */
    public record DeadRow(String table, String rule, String sheet, int row, Map<String, Integer> takenBy) {
    }

    /**
     * The findings: how many combinations were tried, the gaps, and the dead rows; {@code stoppedEarly} when the
     * time allowed ran out first (then the gaps are those found so far, and no row is called dead). A Boolean,
     * so that reports stored before it existed still read (as complete): Jackson refuses a missing primitive.
     */
    public record Report(int combinations, List<Gap> routingGaps, List<Gap> slaGaps, List<DeadRow> deadRows, Boolean stoppedEarly) {
        public Report {
            stoppedEarly = Boolean.TRUE.equals(stoppedEarly);
        }
    }

    /**
     * The time an analysis may take. Each upload waits for its candidate's analysis, one at a time: a workbook
     * of hundreds of products and a thousand escalation rows (every rule fires for every item) would otherwise
     * hold up every upload behind it for many minutes. The 10,000-row table takes well under a second.
     */
    static final Duration TIME_ALLOWED = Duration.ofSeconds(20);

    /** Thrown, without a stack, to leave the enumeration of items once the time allowed has run out. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    private TableAnalysis() {
    }

    public static Report analyse(CompiledRules rules, ProductCatalogue catalogue) {
        return analyse(rules, catalogue, TIME_ALLOWED);
    }

    static Report analyse(CompiledRules rules, ProductCatalogue catalogue, Duration timeAllowed) {
        long deadline = System.nanoTime() + timeAllowed.toNanos();
        List<RoutingRow> routing = rules.routingRows();
        List<SlaRow> sla = rules.slaRows();
        int[] routingFired = new int[routing.size()];
        int[] slaFired = new int[sla.size()];
        Map<String, int[]> routingGapGroups = new TreeMap<>();
        Map<String, int[]> slaGapGroups = new TreeMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        List<Map<String, Integer>> routingTakenBy = emptyMaps(routing.size());
        List<Map<String, Integer>> slaTakenBy = emptyMaps(sla.size());
        int[] combinations = {0};
        List<String> products = new ArrayList<>();
        products.add(null);
        catalogue.products().forEach(p -> products.add(p.code()));

        Map<Object, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < routing.size(); i++) {
            position.put(routing.get(i), i);
        }
        for (int i = 0; i < sla.size(); i++) {
            position.put(sla.get(i), i);
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        // the session stays open through the later passes, which need none: one try, one way out when time runs out
        try (CompiledRules.Batch batch = rules.batch()) {
            forEachItem(catalogue, products, facts -> {
                checkTime(combinations[0]++, deadline);
                RuleOutcome outcome = batch.evaluate(facts);
                outcomes.add(outcome);
                String group = facts.getItemType() + "|" + facts.getCustomerClass() + "|" + facts.isAccountManagerTagged();
                routingGapGroups.computeIfAbsent(group, g -> new int[2])[1]++;
                slaGapGroups.computeIfAbsent(group, g -> new int[2])[1]++;
                if (outcome.routing() == null) {
                    routingGapGroups.get(group)[0]++;
                    examples.putIfAbsent("routing|" + group, describe(facts));
                } else {
                    routingFired[position.get(outcome.routing())]++;
                }
                if (outcome.sla() == null) {
                    slaGapGroups.get(group)[0]++;
                    examples.putIfAbsent("sla|" + group, describe(facts));
                } else {
                    slaFired[position.get(outcome.sla())]++;
                }
            });
            // what the passes below find is dead rows: if time runs out in them, the gaps stand and no row is called dead
            // only the dead rows listed need to know who takes their items: a second pass over the same items, in
            // order (a big table can have thousands of dead rows, and each would test every item)
            List<Integer> deadRouting = indexesOfZero(routingFired, MAX_LISTED);
            List<Integer> deadSla = indexesOfZero(slaFired, MAX_LISTED - deadRouting.size());
            if (!deadRouting.isEmpty() || !deadSla.isEmpty()) {
                int[] next = {0};
                forEachItem(catalogue, products, facts -> {
                    RuleOutcome outcome = outcomes.get(next[0]++);
                    checkTime(next[0], deadline);
                    for (int i : deadRouting) {
                        RoutingRow row = routing.get(i);
                        if (row.itemType() == facts.getItemType() && holds(row.conditions(), facts)) {
                            routingTakenBy.get(i).merge(outcome.routing() == null ? "?" : outcome.routing().ruleId(), 1, Integer::sum);
                        }
                    }
                    for (int i : deadSla) {
                        if (holds(sla.get(i).conditions(), facts)) {
                            slaTakenBy.get(i).merge(outcome.sla() == null ? "?" : outcome.sla().ruleId(), 1, Integer::sum);
                        }
                    }
                });
            }

            List<DeadRow> dead = new ArrayList<>();
            for (int i = 0; i < routing.size(); i++) {
                if (routingFired[i] == 0) {
                    RoutingRow row = routing.get(i);
                    dead.add(new DeadRow("routing", row.ruleId(), row.location().sheet(), row.location().excelRow(), routingTakenBy.get(i)));
                }
            }
            for (int i = 0; i < sla.size(); i++) {
                if (slaFired[i] == 0) {
                    SlaRow row = sla.get(i);
                    dead.add(new DeadRow("sla", row.ruleId(), row.location().sheet(), row.location().excelRow(), slaTakenBy.get(i)));
                }
            }
            Set<List<Condition>> unmatched = unmatchedConditions(rules.escalationRows(), catalogue, products, deadline);
            for (EscalationRow row : rules.escalationRows()) {
                if (unmatched.contains(row.conditions())) {
                    dead.add(new DeadRow("escalation", row.ruleId(), row.location().sheet(), row.location().excelRow(), Map.of()));
                }
            }
            return new Report(combinations[0], gaps("routing", routingGapGroups, examples), gaps("sla", slaGapGroups, examples),
                    dead.stream().limit(MAX_LISTED).toList(), false);
        } catch (OutOfTime stopped) {
            // out of time: the items decided so far, the gaps among them, and no row called dead
            return new Report(outcomes.size(), gaps("routing", routingGapGroups, examples), gaps("sla", slaGapGroups, examples),
                    List.of(), true);
        }
    }

    /** The findings as warnings a business owner reads, in English and Chinese. */
    public static List<TableProblem> warnings(Report report, CompiledRules rules) {
        List<TableProblem> warnings = new ArrayList<>();
        if (report.stoppedEarly()) {
            warnings.add(new TableProblem(null, null, null, null, null, null, "The check for items no row covers and rows that never "
                    + "decide stopped after " + TIME_ALLOWED.toSeconds() + " s, with " + report.combinations() + " kinds of item checked: "
                    + "these tables are too large to check every item that can arrive. The gaps below are those found so far, "
                    + "and no row was checked for never deciding.",
                    "对未覆盖工单和永不生效规则的检查在 " + TIME_ALLOWED.toSeconds() + " 秒后停止，已检查 " + report.combinations()
                            + " 种工单：表格过大，无法检查所有可能到达的工单。以下仅为已发现的缺口，也未检查规则是否永不生效。"));
        }
        for (Gap gap : report.routingGaps()) {
            warnings.add(gapWarning(gap, "Routing " + gap.itemType()));
        }
        for (Gap gap : report.slaGaps()) {
            warnings.add(gapWarning(gap, SlaSheet.SHEET));
        }
        for (DeadRow row : report.deadRows()) {
            RowLocation at = locationOf(rules, row);
            // each taker with how many of the kinds of item the analysis tried (class, tag, product, source…) it takes
            List<Map.Entry<String, Integer>> byMost = row.takenBy().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5).toList();
            String takers = byMost.stream().map(e -> (e.getKey().equals("?") ? "no row" : e.getKey()) + " (" + e.getValue()
                    + (e.getValue() == 1 ? " kind of item)" : " kinds of item)")).collect(Collectors.joining(", "));
            String takersZh = byMost.stream().map(e -> (e.getKey().equals("?") ? "无规则" : e.getKey()) + "（" + e.getValue() + " 类工单）")
                    .collect(Collectors.joining("、"));
            boolean nothingMatches = row.takenBy().isEmpty();
            warnings.add(new TableProblem(at.workbook(), row.sheet(), at.ruleCell(), row.row(),
                    at.ruleColumn() == null ? Column.RULE.english() : at.ruleColumn(), row.rule(),
                    nothingMatches ? "Rule " + row.rule() + " matches no item that can arrive: its conditions never hold together."
                            : "Rule " + row.rule() + " can never decide: earlier rows take every item it matches: " + takers + ".",
                    nothingMatches ? "规则 " + row.rule() + " 不会匹配任何可能到达的工单：其条件不可能同时成立。"
                            : "规则 " + row.rule() + " 永远不会生效：它匹配的工单都已被前面的规则处理：" + takersZh + "。"));
        }
        return warnings;
    }

    private static TableProblem gapWarning(Gap gap, String sheet) {
        String who = gap.itemType() + " items of class " + gap.customerClass() + (gap.accountManagerTagged()
                ? " with an account-manager tag" : " without an account-manager tag");
        String whoZh = gap.itemType() + "，客户等级 " + gap.customerClass() + (gap.accountManagerTagged() ? "，有客户经理标识" : "，无客户经理标识");
        return new TableProblem(null, sheet, null, null, null, null,
                "No row of " + sheet + " covers " + gap.count() + " of " + gap.of() + " kinds of " + who + ", for example "
                        + gap.example() + ". Such items would be refused as not routable.",
                sheet + " 中没有规则覆盖 " + gap.count() + "/" + gap.of() + " 种情形（" + whoZh + "），例如：" + gap.example()
                        + "。这类工单将被拒绝。");
    }

    /**
     * Where the dead row lives, looked up in the rules the report was made from by its rule id (unique across a
     * version): the report, stored with the version as JSON, keeps only the sheet and row.
     */
    private static RowLocation locationOf(CompiledRules rules, DeadRow row) {
        Stream<RowLocation> rows = switch (row.table()) {
            case "routing" -> rules.routingRows().stream().filter(r -> r.ruleId().equals(row.rule())).map(RoutingRow::location);
            case "sla" -> rules.slaRows().stream().filter(r -> r.ruleId().equals(row.rule())).map(SlaRow::location);
            default -> rules.escalationRows().stream().filter(r -> r.ruleId().equals(row.rule())).map(EscalationRow::location);
        };
        return rows.findFirst().orElse(new RowLocation(null, row.sheet(), row.row()));
    }

    private static List<Gap> gaps(String table, Map<String, int[]> groups, Map<String, String> examples) {
        List<Gap> gaps = new ArrayList<>();
        groups.forEach((group, counts) -> {
            if (counts[0] > 0 && gaps.size() < MAX_LISTED) {
                String[] key = group.split("\\|");
                gaps.add(new Gap(table, ItemType.valueOf(key[0]), CustomerClass.valueOf(key[1]), Boolean.parseBoolean(key[2]),
                        counts[0], counts[1], examples.get(table + "|" + group)));
            }
        });
        return gaps;
    }

    /** Leaves the enumeration (every 1,024 items, the clock being read that often) once the time allowed has run out. */
    private static void checkTime(int items, long deadline) {
        if (items % 1024 == 0 && System.nanoTime() - deadline > 0) {
            throw new OutOfTime();
        }
    }

    /**
     * The escalation rows' condition sets that no item meets, in one pass over the items: each set is tested
     * only until an item meets it, and rows that share their conditions (the levels of one scope) are tested
     * once. A pass per row, to the end whether or not it matched, took minutes for a few hundred rows.
     */
    private static Set<List<Condition>> unmatchedConditions(List<EscalationRow> rows, ProductCatalogue catalogue, List<String> products,
                                                            long deadline) {
        Set<List<Condition>> unmatched = new LinkedHashSet<>();
        rows.forEach(row -> unmatched.add(row.conditions()));
        int[] items = {0};
        forEachItem(catalogue, products, facts -> {
            checkTime(++items[0], deadline);
            if (!unmatched.isEmpty()) {
                unmatched.removeIf(conditions -> holds(conditions, facts));
            }
        });
        return unmatched;
    }

    /** A plain loop: it runs for every item against every listed dead row, and a stream per call was gigabytes of garbage. */
    private static boolean holds(List<Condition> conditions, RoutingFacts facts) {
        for (int i = 0; i < conditions.size(); i++) {
            if (!conditions.get(i).holdsFor(facts)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(RoutingFacts facts) {
        List<String> parts = new ArrayList<>();
        parts.add(facts.getProductCode() == null ? "no product" : "product " + facts.getProductCode());
        parts.add("from " + facts.getSourceChannel());
        if (facts.getLeadStage() != null) {
            parts.add("stage " + facts.getLeadStage());
        }
        if (facts.getAlertKind() != null) {
            parts.add("kind " + facts.getAlertKind());
        }
        if (facts.getFaultCategory() != null) {
            parts.add("category " + facts.getFaultCategory() + ", severity " + facts.getSeverity());
        }
        return String.join(", ", parts);
    }

    private static List<Integer> indexesOfZero(int[] counts, int atMost) {
        List<Integer> zero = new ArrayList<>();
        for (int i = 0; i < counts.length && zero.size() < atMost; i++) {
            if (counts[i] == 0) {
                zero.add(i);
            }
        }
        return zero;
    }

    private static List<Map<String, Integer>> emptyMaps(int size) {
        List<Map<String, Integer>> maps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            maps.add(new TreeMap<>());
        }
        return maps;
    }

    /** The facts of every item that can arrive with this catalogue. */
    static void forEachCombination(ProductCatalogue catalogue, Consumer<RoutingFacts> visit) {
        List<String> products = new ArrayList<>();
        products.add(null);
        catalogue.products().forEach(p -> products.add(p.code()));
        forEachItem(catalogue, products, visit);
    }

    /** Every item that can arrive: ALERTs and FAULTs are never about POTENTIAL customers, opportunities name a product. */
    private static void forEachItem(ProductCatalogue catalogue, List<String> products, Consumer<RoutingFacts> visit) {
        for (ItemType type : ItemType.values()) {
            for (CustomerClass customerClass : CustomerClass.values()) {
                if (customerClass == CustomerClass.POTENTIAL && type != ItemType.LEAD) {
                    continue;
                }
                for (boolean tagged : new boolean[]{false, true}) {
                    for (String product : products) {
                        for (SourceChannel source : SourceChannel.values()) {
                            RoutingFacts.Builder base = RoutingFacts.builder(type).customer(customerClass, tagged).source(source);
                            if (product != null) {
                                Product p = catalogue.find(product).orElseThrow();
                                base.product(p.code(), p.category(), p.openedOnline());
                            }
                            switch (type) {
                                case LEAD -> Arrays.stream(LeadStage.values())
                                        .filter(stage -> product != null || stage == LeadStage.CLUE)
                                        .forEach(stage -> visit.accept(copy(base).leadStage(stage).build()));
                                case ALERT -> Arrays.stream(AlertKind.values())
                                        .forEach(kind -> visit.accept(copy(base).alertKind(kind).build()));
                                case FAULT -> {
                                    for (FaultCategory category : FaultCategory.values()) {
                                        for (Severity severity : Severity.values()) {
                                            visit.accept(copy(base).fault(category, severity).build());
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static RoutingFacts.Builder copy(RoutingFacts.Builder builder) {
        return builder.copy();
    }
}
