package com.channelrouter.tables;

import com.channelrouter.bench.BigTables;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.ProductCategory;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.engine.RoutingFacts;
import com.channelrouter.engine.RuleCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routing sheet of 10,000 rows reads, compiles, swaps in and decides first-match like a small one.
 * How long it takes is measured by BigTableBenchmark, not asserted here.
 */
class BigTableTests {

    @Test
    void tenThousandRowRoutingTableIsServedFirstMatch() {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(BigTables.withRoutingRows(10_000));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables().rules().routingRows()).hasSize(10_000 + 15);
        LiveDecisionTables live = new LiveDecisionTables(new DecisionTableLoader(new RuleCompiler()).load(Workbooks.shipped().source()).tables());
        live.activate(result.tables());

        // X0, the first generated row: untagged class A opportunities for VPMN from ACCOUNT_MANAGER
        RoutingFacts facts = RoutingFacts.builder(ItemType.LEAD).customer(CustomerClass.A, false)
                .product("VPMN", ProductCategory.SIMPLE, false).source(SourceChannel.ACCOUNT_MANAGER)
                .leadStage(LeadStage.OPPORTUNITY).build();
        assertThat(live.current().rules().evaluate(facts).routing().ruleId()).isEqualTo("X0");
        // every generated row names a product, so a clue without one falls through to the shipped rows
        RoutingFacts general = RoutingFacts.builder(ItemType.LEAD).customer(CustomerClass.A, true)
                .source(SourceChannel.WEBSITE).leadStage(LeadStage.CLUE).build();
        assertThat(live.current().rules().evaluate(general).routing().ruleId()).isEqualTo("L1");
    }
}
