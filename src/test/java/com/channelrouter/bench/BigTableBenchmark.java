package com.channelrouter.bench;

import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.tables.DecisionTableLoader;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.tables.TableAnalysis;
import com.channelrouter.tables.TableLoadResult;
import com.channelrouter.tables.TableSource;
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

import java.util.concurrent.TimeUnit;

/**
 * A big routing table from upload to served: reading and checking the workbook, generating and compiling
 * the rules, swapping the version in, and analysing it for gaps and dead rows.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench=BigTableBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class BigTableBenchmark {

    @Param({"1000", "10000"})
    int rows;

    private TableSource source;
    private DecisionTableLoader loader;
    private DecisionTables loaded;
    private LiveDecisionTables live;

    @Setup
    public void generate() {
        source = BigTables.withRoutingRows(rows);
        loader = new DecisionTableLoader(new RuleCompiler());
        TableLoadResult result = loader.load(source);
        if (!result.publishable()) {
            throw new IllegalStateException(result.problems().toString());
        }
        loaded = result.tables();
        live = new LiveDecisionTables(loaded);
    }

    /** Read, check, compile and swap in: what an upload and a publish cost. */
    @Benchmark
    public DecisionTables loadAndSwap() {
        DecisionTables tables = loader.load(source).tables();
        live.activate(tables);
        return tables;
    }

    /** The exact gap and dead-row analysis over every combination of codes. */
    @Benchmark
    public TableAnalysis.Report analyse() {
        return TableAnalysis.analyse(loaded.rules(), loaded.products());
    }
}
