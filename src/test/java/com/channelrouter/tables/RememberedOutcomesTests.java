package com.channelrouter.tables;

import com.channelrouter.engine.CompiledRules;
import com.channelrouter.engine.RoutingFacts;
import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.engine.RuleOutcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiled rules remember what Drools decided for each combination of facts; a remembered outcome must
 * be exactly what the engine decides, for every item that can arrive, the first time and every time after.
 */
class RememberedOutcomesTests {

    private final DecisionTables tables = new DecisionTableLoader(new RuleCompiler())
            .load(TableFiles.fromFolder(Path.of("decision-tables"))).tables();

    @Test
    void everyCombinationIsAnsweredAsTheEngineDecidesIt() {
        CompiledRules rules = tables.rules();
        List<RoutingFacts> combinations = new ArrayList<>();
        TableAnalysis.forEachCombination(tables.products(), combinations::add);

        for (RoutingFacts facts : combinations) {
            RuleOutcome engine = rules.evaluateWithDrools(facts);
            assertThat(rules.evaluate(facts)).as("first evaluation").isEqualTo(engine);
            assertThat(rules.evaluate(rebuilt(facts))).as("remembered, for equal facts of another item").isEqualTo(engine);
        }
        assertThat(combinations).hasSizeGreaterThan(20_000);
    }

    @Test
    void oneSessionSharedByEveryCombinationDecidesEachAsAFreshOneWould() {
        CompiledRules rules = new DecisionTableLoader(new RuleCompiler())
                .load(TableFiles.fromFolder(Path.of("decision-tables"))).tables().rules();
        List<RoutingFacts> combinations = new ArrayList<>();
        TableAnalysis.forEachCombination(tables.products(), combinations::add);

        try (CompiledRules.Batch batch = rules.batch()) {
            for (RoutingFacts facts : combinations) {
                RuleOutcome engine = rules.evaluateWithDrools(facts);
                assertThat(batch.evaluateWithDrools(facts)).as("shared session, %s", facts).isEqualTo(engine);
                assertThat(batch.evaluate(facts)).as("remembered from the shared session").isEqualTo(engine);
            }
            // and again in reverse order, so that no outcome depends on what the session saw before it
            for (int i = combinations.size() - 1; i >= 0; i--) {
                RoutingFacts facts = combinations.get(i);
                assertThat(batch.evaluateWithDrools(facts)).isEqualTo(rules.evaluate(facts));
            }
        }
        assertThat(rules.evaluate(combinations.get(0))).isSameAs(rules.evaluate(combinations.get(0)));
    }

    @Test
    void factsThatDifferInAnyTestedFieldAreNotConfused() {
        List<RoutingFacts> combinations = new ArrayList<>();
        TableAnalysis.forEachCombination(tables.products(), combinations::add);

        assertThat(combinations).doesNotHaveDuplicates();
        assertThat(combinations.stream().map(RoutingFacts::hashCode).distinct().count())
                .as("distinct hashes, so lookups stay one probe").isGreaterThan(combinations.size() * 9L / 10);
    }

    private static RoutingFacts rebuilt(RoutingFacts facts) {
        return RoutingFacts.builder(facts.getItemType())
                .customer(facts.getCustomerClass(), facts.isAccountManagerTagged())
                .product(facts.getProductCode() == null ? null : new String(facts.getProductCode()), facts.getProductCategory(),
                        facts.getProductOpenedOnline())
                .source(facts.getSourceChannel()).leadStage(facts.getLeadStage()).alertKind(facts.getAlertKind())
                .fault(facts.getFaultCategory(), facts.getSeverity()).build();
    }
}
