package com.channelrouter.bench;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.ProductCategory;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.engine.CompiledRules;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.FactField;
import com.channelrouter.engine.RoutingFacts;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.RowLocation;
import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.engine.RuleOutcome;
import com.channelrouter.tables.DecisionTableLoader;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.TableFiles;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one rule evaluation (routing + assist + SLA rows) on the shipped tables and on a routing table
 * grown to 10,000 extra rows that never match, as business owners' tables may grow per product and
 * source. Run: {@code mvn -Pbench test-compile exec:exec -Dbench=RuleEvaluationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEvaluationBenchmark {

    @Param({"0", "10000"})
    int extraRows;

    private CompiledRules rules;
    private RoutingFacts[] facts;
    private int next;

    @Setup
    public void compile() {
        DecisionTables shipped = new DecisionTableLoader(new RuleCompiler())
                .load(TableFiles.fromFolder(Path.of("decision-tables"))).tables();
        List<RoutingRow> routing = new ArrayList<>();
        for (int i = 0; i < extraRows; i++) {
            routing.add(new RoutingRow("X" + i, ItemType.LEAD, new RowLocation("big.xlsx", "Routing LEAD", 4 + i),
                    List.of(Condition.of(FactField.PRODUCT, List.of(String.format("P%05d", i))),
                            Condition.of(FactField.SOURCE_CHANNEL, List.of(SourceChannel.values()[i % SourceChannel.values().length]))),
                    Channel.CORE_AGENT, false, null, List.of(), List.of()));
        }
        routing.addAll(shipped.rules().routingRows());
        rules = new RuleCompiler().compile("bench", routing, shipped.rules().slaRows(), shipped.rules().escalationRows());
        facts = new RoutingFacts[]{
                RoutingFacts.builder(ItemType.LEAD).customer(CustomerClass.A, true).product("DEDICATED_LINE", ProductCategory.COMPLEX, false)
                        .source(SourceChannel.GROUP_HOTLINE).leadStage(LeadStage.OPPORTUNITY).build(),
                RoutingFacts.builder(ItemType.LEAD).customer(CustomerClass.D, false).product("ENTERPRISE_SMS", ProductCategory.STANDARD, true)
                        .source(SourceChannel.WEBSITE).leadStage(LeadStage.OPPORTUNITY).build(),
                RoutingFacts.builder(ItemType.ALERT).customer(CustomerClass.B, false).source(SourceChannel.BI_SYSTEM).build(),
                RoutingFacts.builder(ItemType.FAULT).customer(CustomerClass.A, true).product("DEDICATED_LINE", ProductCategory.COMPLEX, false)
                        .source(SourceChannel.GROUP_HOTLINE).fault(FaultCategory.NETWORK, Severity.CRITICAL).build(),
        };
    }

    @Benchmark
    public RuleOutcome evaluate() {
        return rules.evaluate(facts[next++ & 3]);
    }
}
