package com.channelrouter.tables;

import com.channelrouter.bench.BigTables;
import com.channelrouter.engine.CompiledRules;
import com.channelrouter.engine.RuleCompiler;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DRL shown to reviewers is what runs: compiled from its text (the way rules were compiled before they
 * were built from descriptors), it decides every combination of facts exactly as the served rules do.
 */
class ReviewedDrlTests {

    @Test
    void theDrlCompiledFromTextDecidesEveryCombinationAsTheServedRules() {
        RuleCompiler compiler = new RuleCompiler();
        DecisionTables tables = new DecisionTableLoader(compiler).load(BigTables.withRoutingRows(1_000)).tables();
        CompiledRules served = tables.rules();
        CompiledRules fromDrl = compiler.compileFromDrl(served.version(), served.routingRows(), served.slaRows(),
                served.escalationRows());
        assertThat(fromDrl.drl()).isEqualTo(served.drl());

        AtomicInteger compared = new AtomicInteger();
        TableAnalysis.forEachCombination(tables.products(), facts -> {
            assertThat(served.evaluateWithDrools(facts)).as("%s", facts).isEqualTo(fromDrl.evaluateWithDrools(facts));
            compared.incrementAndGet();
        });
        assertThat(compared.get()).isGreaterThan(20_000);
    }
}
