package com.channelrouter.bench;

import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.support.BackgroundThreads;
import com.channelrouter.tables.DecisionTableLoader;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.TableAnalysis;
import com.channelrouter.tables.TableSource;

import java.lang.management.ManagementFactory;

/**
 * What checking an uploaded big table costs the heap, phase by phase: bytes allocated by reading, checking
 * and compiling it, bytes allocated by its gap and dead-row analysis, and bytes still retained afterwards
 * (heap after {@code System.gc()}). Allocation, unlike time, hardly varies with how busy the machine is,
 * and it is what live requests pay for in collections while a candidate is checked beside them.
 * Run: {@code docs/load/upload-allocation.sh [rows]}.
 */
public final class UploadAllocationProbe {

    private static final int MIB = 1 << 20;

    private UploadAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        // on a background thread, as the service checks candidates: Drools then builds on this thread alone,
        // so the thread's allocation counter sees all of it
        Thread probe = BackgroundThreads.factory("upload-allocation-probe").newThread(() -> measure(rows, rounds));
        probe.setDaemon(false);
        probe.start();
        probe.join();
    }

    private static void measure(int rows, int rounds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DecisionTableLoader loader = new DecisionTableLoader(new RuleCompiler());
        for (int round = 1; round <= rounds; round++) {
            TableSource source = BigTables.withRoutingRows(rows);
            long before = heapAfterCollection();
            long allocatedAtStart = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            DecisionTables tables = loader.load(source).tables();
            long allocatedLoaded = threads.getCurrentThreadAllocatedBytes();
            long loaded = System.nanoTime();
            TableAnalysis.Report report = TableAnalysis.analyse(tables.rules(), tables.products());
            long allocatedAnalysed = threads.getCurrentThreadAllocatedBytes();
            long analysed = System.nanoTime();
            long retained = heapAfterCollection() - before;
            System.out.printf("round %d, %d extra rows: load %d ms, %d MiB allocated; analysis of %d combinations %d ms, "
                            + "%d MiB allocated; retained %d MiB (version %s)%n",
                    round, rows, (loaded - start) / 1_000_000, (allocatedLoaded - allocatedAtStart) / MIB,
                    report.combinations(), (analysed - loaded) / 1_000_000, (allocatedAnalysed - allocatedLoaded) / MIB,
                    retained / MIB, tables.version());
        }
    }

    private static long heapAfterCollection() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
