package com.channelrouter.web;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client that accepts problem+json gets, for a success and for a failure, over real HTTP. */
@IntegrationTest
class ProblemJsonAcceptanceIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/problem+json", "application/problem+json, text/plain", "application/json",
            "application/json, application/problem+json", "*/*"})
    void aSuccessIsPlainJsonAndAFailureAProblem(String accept) {
        TestHttp http = new TestHttp(port);

        TestHttp.Response listed = http.get("/api/v1/work-items", "dev-group-hotline", Map.of("Accept", accept));
        TestHttp.Response refused = http.get("/api/v1/work-items?size=0", "dev-group-hotline", Map.of("Accept", accept));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.contentType()).isEqualTo("application/json");
        assertThat(listed.body().has("items")).isTrue();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
    }
}
