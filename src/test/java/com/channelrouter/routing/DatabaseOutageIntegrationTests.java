package com.channelrouter.routing;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.TestHttp;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the database gone, /routings says 503 with Retry-After (never a 201 that was not stored) while
 * /routings/evaluate keeps answering from memory. The context is thrown away afterwards.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    TestHttp http;

    @BeforeEach
    void loseTheDatabase() {
        http = new TestHttp(port);
        ((HikariDataSource) dataSource).close();
    }

    @Test
    void routingIsRefusedWithRetryAfterAndEvaluationGoesOn() {
        ObjectNode complete = RoutingApiIntegrationTests.lead("OUT-1");
        ((ObjectNode) complete.get("customer")).put("accountManagerId", "");
        ObjectNode needsRegistry = RoutingApiIntegrationTests.lead("OUT-2");
        ((ObjectNode) needsRegistry.get("customer")).remove("customerClass");

        TestHttp.Response routed = http.post("/api/v1/routings", "dev-group-hotline", complete);
        TestHttp.Response routedWithKey = http.post("/api/v1/routings", "dev-group-hotline", RoutingApiIntegrationTests.lead("OUT-3"),
                java.util.Map.of("Idempotency-Key", "out-3"));
        TestHttp.Response evaluated = http.post("/api/v1/routings/evaluate", "dev-qa", complete);
        TestHttp.Response guessed = http.post("/api/v1/routings/evaluate", "dev-qa", needsRegistry);

        assertThat(routed.status()).isEqualTo(503);
        assertThat(routed.header("Retry-After")).isEqualTo("5");
        assertThat(routed.contentType()).startsWith("application/problem+json");
        assertThat(routed.body().get("detail").asString()).contains("not completed").contains("Idempotency-Key");
        assertThat(routedWithKey.status()).as("its key looked up first, through MyBatis").isEqualTo(503);
        assertThat(routedWithKey.header("Retry-After")).isEqualTo("5");
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.body().get("routingRule").asString()).isEqualTo("L6");
        assertThat(guessed.status()).isEqualTo(200);
        assertThat(guessed.body().get("explanation").get(0).asString()).contains("could not be reached");
        assertThat(guessed.body().get("provisional").asBoolean()).isTrue();
        assertThat(evaluated.body().get("provisional").asBoolean()).as("the request said everything").isFalse();
    }
}
