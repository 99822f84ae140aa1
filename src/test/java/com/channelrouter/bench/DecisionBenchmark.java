package com.channelrouter.bench;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.engine.CompiledRules;
import com.channelrouter.engine.RoutingFacts;
import com.channelrouter.engine.RuleMatches;
import com.channelrouter.routing.RoutingDecision;
import com.channelrouter.routing.RoutingDecisions;
import com.channelrouter.routing.RoutingItem;
import com.channelrouter.tables.DecisionTableLoader;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.tables.Product;
import com.channelrouter.engine.RuleCompiler;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A full decision (routing, assist and SLA rows, deadlines on the business calendar, escalation plan,
 * explanation) against raw Drools stateless evaluation of the very same compiled rule base (and of the same
 * rules compiled from their DRL, the classic way), on the
 * shipped tables and on a routing table grown by 10,000 rows that real items do match
 * ({@link BigTables}). Items are 4,096 different valid requests over the catalogue's real codes.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench=DecisionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class DecisionBenchmark {

    private static final int ITEMS = 4096;

    @Param({"0", "10000"})
    int extraRows;

    private DecisionTables tables;
    private RoutingDecisions decisions;
    private KieBase kieBase;
    private KieBase kieBaseFromDrl;
    private RoutingItem[] items;
    private RoutingFacts[] facts;

    @Setup
    public void prepare() {
        tables = new DecisionTableLoader(new RuleCompiler()).load(BigTables.withRoutingRows(extraRows)).tables();
        decisions = RoutingDecisions.withoutRegistry(new LiveDecisionTables(tables), Clock.systemUTC());
        CompiledRules served = tables.rules();
        kieBase = served.kieBase();
        kieBaseFromDrl = new RuleCompiler().compileFromDrl(served.version(), served.routingRows(), served.slaRows(),
                served.escalationRows()).kieBase();
        List<RoutingItem> routable = new ArrayList<>();
        Random random = new Random(42);
        List<Product> products = List.copyOf(tables.products().products());
        while (routable.size() < ITEMS) {
            RoutingItem item = randomItem(random, products);
            try {
                decisions.decideWith(tables, item);
                routable.add(item);
            } catch (RuntimeException notRoutable) {
                // an ALERT or FAULT for a POTENTIAL customer: refused, not a decision to measure
            }
        }
        items = routable.toArray(RoutingItem[]::new);
        facts = routable.stream().map(this::factsOf).toArray(RoutingFacts[]::new);
    }

    private static RoutingItem randomItem(Random random, List<Product> products) {
        ItemType type = pick(random, ItemType.values());
        CustomerClass customerClass = pick(random, CustomerClass.values());
        String product = random.nextInt(8) == 0 && type != ItemType.LEAD ? null : products.get(random.nextInt(products.size())).code();
        Instant occurredAt = Instant.parse("2026-11-02T00:00:00Z").plusSeconds(random.nextInt(60 * 24 * 3600));
        return new RoutingItem(type, null, pick(random, SourceChannel.values()), occurredAt, "C-" + random.nextInt(100_000),
                customerClass, random.nextBoolean() ? "AM-" + random.nextInt(300) : null, product,
                type == ItemType.LEAD ? pick(random, LeadStage.values()) : null,
                type == ItemType.ALERT ? pick(random, AlertKind.values()) : null,
                type == ItemType.FAULT ? pick(random, FaultCategory.values()) : null,
                type == ItemType.FAULT ? pick(random, Severity.values()) : null);
    }

    private RoutingFacts factsOf(RoutingItem item) {
        Product product = item.productCode() == null ? null : tables.products().find(item.productCode()).orElseThrow();
        return RoutingFacts.builder(item.itemType())
                .customer(item.customerClass(), item.accountManagerId() != null)
                .product(item.productCode(), product == null ? null : product.category(), product == null ? null : product.openedOnline())
                .source(item.sourceChannel()).leadStage(item.leadStage()).alertKind(item.alertKind())
                .fault(item.faultCategory(), item.severity()).build();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Which item a thread takes next: every thread walks all items, starting apart. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next = (int) (Thread.currentThread().getId() * 977);

        int next() {
            return next++ & (ITEMS - 1);
        }
    }

    @Benchmark
    public RoutingDecision fullDecision(Cursor cursor) {
        return decisions.decideWith(tables, items[cursor.next()]);
    }

    @Benchmark
    @Threads(2)
    public RoutingDecision fullDecision2Threads(Cursor cursor) {
        return decisions.decideWith(tables, items[cursor.next()]);
    }

    /** The reference: the bare engine on the same rule base, one stateless session per evaluation. */
    @Benchmark
    public RuleMatches rawDroolsStateless(Cursor cursor) {
        return evaluate(kieBase, facts[cursor.next()]);
    }

    /** The bare engine on the same rules compiled from their DRL, as a classic Drools sheet runs (MVEL constraints). */
    @Benchmark
    public RuleMatches rawDroolsStatelessFromDrl(Cursor cursor) {
        return evaluate(kieBaseFromDrl, facts[cursor.next()]);
    }

    private static RuleMatches evaluate(KieBase rules, RoutingFacts item) {
        RuleMatches matches = new RuleMatches();
        StatelessKieSession session = rules.newStatelessKieSession();
        session.setGlobal("matches", matches);
        session.execute(item);
        return matches;
    }

    @Benchmark
    @Threads(2)
    public RuleMatches rawDroolsStateless2Threads(Cursor cursor) {
        return rawDroolsStateless(cursor);
    }
}
