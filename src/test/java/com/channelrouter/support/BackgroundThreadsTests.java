package com.channelrouter.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

@EnabledOnOs(OS.LINUX)
class BackgroundThreadsTests {

    @Test
    void backgroundWorkRunsAtIdlePriorityAndKnowsIt() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor(BackgroundThreads.factory("test-background"));
        try {
            assertThat(background.submit(BackgroundThreads::isCurrent).get()).isTrue();
            assertThat(background.submit(BackgroundThreadsTests::ownPolicy).get()).isEqualTo(ThreadScheduling.SCHED_IDLE);
            assertThat(background.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("test-background");
        } finally {
            background.shutdownNow();
        }
        assertThat(BackgroundThreads.isCurrent()).isFalse();
        assertThat(ownPolicy()).isEqualTo(ThreadScheduling.SCHED_OTHER);
    }

    @Test
    void theOptimisingCompilerIsIdleWhileATaskRunsAndNormalAgainAfter() throws Exception {
        List<String> compilers = ThreadScheduling.threadIdsNamed(BackgroundThreads.OPTIMISING_COMPILER);
        assumeThat(compilers).as("a JVM with C2 compiler threads").isNotEmpty();
        assumeThat(ThreadScheduling.mayLeaveIdle()).as("a process that may take threads out of SCHED_IDLE").isTrue();
        // C2 is put back when no task holds it any more: first let those of other tests' services (uploads) end
        await().atMost(BackgroundThreads.DRAIN_AT_MOST.plusSeconds(10)).until(() -> BackgroundThreads.quietTasks() == 0);
        // C2 may have a long queue at the end of a test run: at most 5 s after the task, it is put back anyway
        ExecutorService background = BackgroundThreads.singleThread("test-quiet-compiler", Duration.ofSeconds(5));
        try {
            List<OptionalInt> during = background.submit(() -> compilers.stream().map(ThreadScheduling::policy).toList()).get();
            assertThat(during).containsOnly(OptionalInt.of(ThreadScheduling.SCHED_IDLE));
        } finally {
            background.shutdown();
            assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        // put back once it has compiled what the task left it (at once when it had nothing), within the limit
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(compilers.stream().map(ThreadScheduling::policy)).containsOnly(OptionalInt.of(ThreadScheduling.SCHED_OTHER)));
    }

    private static int ownPolicy() throws Exception {
        return ThreadScheduling.policy(ThreadScheduling.currentThreadId()).orElseThrow();
    }
}
