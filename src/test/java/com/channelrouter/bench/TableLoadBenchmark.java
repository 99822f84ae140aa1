package com.channelrouter.bench;

import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.tables.DecisionTableLoader;
import com.channelrouter.tables.TableFiles;
import com.channelrouter.tables.TableLoadResult;
import com.channelrouter.tables.TableSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Time to read, check and compile the shipped workbooks into a servable version (what start-up and,
 * later, every publish pay). Run: {@code mvn -Pbench test-compile exec:exec -Dbench=TableLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class TableLoadBenchmark {

    private TableSource shipped;
    private DecisionTableLoader loader;

    @Setup
    public void read() {
        shipped = TableFiles.fromFolder(Path.of("decision-tables"));
        loader = new DecisionTableLoader(new RuleCompiler());
    }

    @Benchmark
    public TableLoadResult loadShippedTables() {
        return loader.load(shipped);
    }
}
