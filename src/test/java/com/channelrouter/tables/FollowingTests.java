package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following the live version runs every second on every instance. Compiling a new candidate ahead of time runs
 * on the candidate thread, at idle priority and behind uploads' checks: following must not wait for it.
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
}
