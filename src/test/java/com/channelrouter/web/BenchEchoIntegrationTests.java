package com.channelrouter.web;

import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The load tests' ceiling: present only with the bench profile, and behind the same API-key filter chain. */
class BenchEchoIntegrationTests {

    private static final Map<String, Object> BODY = Map.of("itemType", "LEAD", "customer", Map.of("id", "GC-1"));

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles({"test", "bench"})
    class WithTheBenchProfile {

        @LocalServerPort
        int port;

        @Test
        void echoesThePostedJsonToAKnownKeyOnly() {
            TestHttp http = new TestHttp(port);

            TestHttp.Response echoed = http.post("/bench/echo", "dev-qa", BODY);

            assertThat(echoed.status()).isEqualTo(200);
            assertThat(echoed.body()).isEqualTo(TestHttp.JSON.valueToTree(BODY));
            assertThat(http.post("/bench/echo", null, BODY).status()).isEqualTo(401);
        }
    }

    @Nested
    @IntegrationTest
    class WithoutIt {

        @LocalServerPort
        int port;

        @Test
        void thereIsNoEcho() {
            assertThat(new TestHttp(port).post("/bench/echo", "dev-qa", BODY).status()).isEqualTo(404);
        }
    }
}
