package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following the live version runs every second on every instance. Compiling a new candidate ahead of time runs
 * on the candidate thread, at idle priority and behind uploads' checks: following must not wait for it. And a
 * version is compiled once, however many ask for it at once.
 */
class FollowingTests {

    @Test
    void followingDoesNotWaitForACandidateBeingCompiledAheadOfTime() throws Exception {
        CountDownLatch compiling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TableVersionMapper mapper = (TableVersionMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TableVersionMapper.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findLive" -> Optional.of("LIVE");
                    case "findRecentPublishable" -> List.of("CANDIDATE");
                    case "findWorkbooks" -> { // the candidate's compile, held until the test lets it go
                        compiling.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        yield List.of();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DecisionTableVersions versions = new DecisionTableVersions(mapper, new DecisionTableLoader(new RuleCompiler()), List.of(),
                new LiveDecisionTables(new DecisionTables("LIVE", null, null, null, null, null)), new TransactionTemplate(),
                JsonMapper.builder().build(), Clock.systemUTC());
        try {
            long started = System.nanoTime();
            versions.follow();
            versions.follow(); // the candidate is being prepared: not handed over again

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(compiling.await(10, TimeUnit.SECONDS)).as("the candidate is being compiled meanwhile").isTrue();
        } finally {
            release.countDown();
            versions.stop();
        }
    }

    /** Several requests for the same version not yet compiled (its DRL, an impact, a replay) share one build. */
    @Test
    void aVersionAskedForByManyAtOnceIsCompiledOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<WorkbookFile> workbooks = Workbooks.shipped().source().workbooks();
        TableVersionMapper mapper = (TableVersionMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TableVersionMapper.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findWorkbooks" -> {
                        builds.incrementAndGet();
                        release.await(30, TimeUnit.SECONDS);
                        yield workbooks;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DecisionTableVersions versions = new DecisionTableVersions(mapper, new DecisionTableLoader(new RuleCompiler()), List.of(),
                new LiveDecisionTables(new DecisionTables("LIVE", null, null, null, null, null)), new TransactionTemplate(),
                JsonMapper.builder().build(), Clock.systemUTC());
        ExecutorService requests = Executors.newFixedThreadPool(4);
        try {
            List<Future<DecisionTables>> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                asked.add(requests.submit(() -> versions.compiledVersion("V")));
            }
            Thread.sleep(300); // all four have asked
            release.countDown();

            DecisionTables first = asked.get(0).get(60, TimeUnit.SECONDS);
            for (Future<DecisionTables> other : asked) {
                assertThat(other.get(60, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(builds).hasValue(1);
        } finally {
            requests.shutdownNow();
            versions.stop();
        }
    }
}
