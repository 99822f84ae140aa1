package com.channelrouter.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One decision-table version compiled into a Drools rule base, immutable once built; safe to evaluate
 * from many threads because each evaluation gets its own stateless session.
 * <p>
 * Rows test only coded facts (item type, class, tag, product, source, stage, kind, fault category,
 * severity), so the facts of every item fall into a finite set of combinations, bounded by the catalogue.
 * Drools decides each combination once per version; the outcome is then kept in a map keyed by the facts,
 * so that serving costs one lookup however many rows the tables have (DecisionBenchmark: raw Drools
 * stateless slows with rows, the lookup does not). The map stops growing at {@link #REMEMBERED_OUTCOMES}
 * combinations (a catalogue of many thousands of products); beyond that, Drools decides every time. (A KieSessionsPool was
 * measured: 1.9 instead of 2.7 µs on the shipped tables, but 22 instead of 6.4 µs with 10,000 rows,
 * because a pooled session is reset node by node; see RuleEvaluationBenchmark.)
 */
public final class CompiledRules {

    private final String version;
    private final KieBase kieBase;
    private final List<RoutingRow> routingRows;
    private final List<SlaRow> slaRows;
    private final List<EscalationRow> escalationRows;
    private final String drl;
    private final Map<RoutingFacts, RuleOutcome> decided = new ConcurrentHashMap<>();

    CompiledRules(String version, KieBase kieBase, List<RoutingRow> routingRows, List<SlaRow> slaRows,
                  List<EscalationRow> escalationRows, String drl) {
        this.version = version;
        this.kieBase = kieBase;
        this.routingRows = List.copyOf(routingRows);
        this.slaRows = List.copyOf(slaRows);
        this.escalationRows = List.copyOf(escalationRows);
        this.drl = drl;
    }

    /** At most this many combinations of facts are remembered per version (about 200 bytes each). */
    static final int REMEMBERED_OUTCOMES = 250_000;

    /** The rows the rules pick for these facts: decided by Drools the first time, remembered after. */
    public RuleOutcome evaluate(RoutingFacts facts) {
        RuleOutcome outcome = decided.get(facts);
        return outcome != null ? outcome : remember(facts, evaluateWithDrools(facts));
    }

    private RuleOutcome remember(RoutingFacts facts, RuleOutcome outcome) {
        if (decided.size() < REMEMBERED_OUTCOMES) {
            decided.putIfAbsent(facts, outcome);
        }
        return outcome;
    }

    /** One evaluation by the engine itself, remembered nowhere. */
    public RuleOutcome evaluateWithDrools(RoutingFacts facts) {
        RuleMatches matches = new RuleMatches();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal(RuleModel.GLOBAL, matches);
        session.execute(facts);
        return outcomeOf(matches);
    }

    /**
     * Evaluations on the calling thread that share one Drools session, for deciding every combination at
     * once (an upload's analysis). A stateless session per evaluation sets up a memory for every rule: with
     * 10,000 rows that is about 200 KB per evaluation, 5 GB of garbage for one analysis, which live
     * requests pay for in collections while a candidate is checked. Here each item is inserted, the rules
     * fire, and the item is deleted again, which leaves the session as empty as a new one.
     * RememberedOutcomesTests compares what it decides with {@link #evaluateWithDrools} for every combination.
     */
    public Batch batch() {
        return new Batch();
    }

    /** See {@link #batch()}; one thread at a time, closed when done. */
    public final class Batch implements AutoCloseable {

        private final KieSession session = kieBase.newKieSession();

        private Batch() {
        }

        /** As {@link CompiledRules#evaluate}: remembered if known, otherwise decided here and remembered. */
        public RuleOutcome evaluate(RoutingFacts facts) {
            RuleOutcome outcome = decided.get(facts);
            return outcome != null ? outcome : remember(facts, evaluateWithDrools(facts));
        }

        /** One evaluation in this batch's session, remembered nowhere. */
        public RuleOutcome evaluateWithDrools(RoutingFacts facts) {
            RuleMatches matches = new RuleMatches();
            session.setGlobal(RuleModel.GLOBAL, matches);
            FactHandle item = session.insert(facts);
            try {
                session.fireAllRules();
            } finally {
                session.delete(item); // whatever happened, the next item finds the session empty
            }
            return outcomeOf(matches);
        }

        @Override
        public void close() {
            session.dispose();
        }
    }

    private RuleOutcome outcomeOf(RuleMatches matches) {
        RoutingRow routing = matches.routingRow() < 0 ? null : routingRows.get(matches.routingRow());
        boolean assistApplies = routing != null
                && (routing.assistConditions().isEmpty() || matches.assistAppliesTo(matches.routingRow()));
        SlaRow sla = matches.slaRow() < 0 ? null : slaRows.get(matches.slaRow());
        List<EscalationRow> escalations = matches.escalationRows().stream().mapToObj(escalationRows::get).toList();
        return new RuleOutcome(routing, assistApplies, sla, escalations);
    }

    /** The compiled rule base itself, for benchmarks that measure the bare engine on the same rules. */
    public KieBase kieBase() {
        return kieBase;
    }

    public String version() {
        return version;
    }

    public List<RoutingRow> routingRows() {
        return routingRows;
    }

    public List<SlaRow> slaRows() {
        return slaRows;
    }

    public List<EscalationRow> escalationRows() {
        return escalationRows;
    }

    /** The generated DRL, for review and diffs. */
    public String drl() {
        return drl;
    }
}
