package com.channelrouter.routing;

import com.channelrouter.support.ExpectedFields;
import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.ReferenceCase;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reference case of the shared case file, through real HTTP, both evaluated and routed-and-stored. */
@IntegrationTest
class ReferenceCasesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    static List<ReferenceCase> cases() {
        return ReferenceCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluateGivesTheExpectedDecision(ReferenceCase c) {
        TestHttp.Response response = http.post("/api/v1/routings/evaluate", "dev-qa", c.request());

        if (c.expectStatus() != null) {
            assertThat(response.status()).as(response.raw().body()).isEqualTo(c.expectStatus());
            assertThat(response.contentType()).startsWith("application/problem+json");
        } else {
            assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
            assertThat(ExpectedFields.differences(c.expect(), response.body())).isEmpty();
            assertThat(response.body().has("workItemId")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routingStoresTheExpectedDecision(ReferenceCase c) {
        long itemsBefore = workItems();

        TestHttp.Response response = http.post("/api/v1/routings", c.submitterKey(), c.request());

        if (c.expectStatus() != null) {
            assertThat(response.status()).as(response.raw().body()).isEqualTo(c.expectStatus());
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(workItems()).as("a refused request stores nothing").isEqualTo(itemsBefore);
            return;
        }
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        assertThat(ExpectedFields.differences(c.expect(), response.body())).isEmpty();
        String location = response.header("Location");
        assertThat(location).isEqualTo("/api/v1/work-items/" + response.body().get("workItemId").asString());

        TestHttp.Response stored = http.get(location, c.submitterKey());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(ExpectedFields.differences(c.expect(), stored.body().get("decision"))).isEmpty();
        assertThat(stored.body().get("ownerChannel").asString()).isEqualTo(c.expect().get("ownerChannel").asString());
        assertThat(stored.body().get("status").asString())
                .isEqualTo(c.expect().get("secondTransfer").asBoolean() ? "AWAITING_DISPATCH" : "ROUTED");
        assertThat(stored.body().get("sla").get("responseDueAt").asString())
                .isEqualTo(c.expect().get("sla").get("responseDueAt").asString());
    }

    private long workItems() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item", Long.class);
    }
}
