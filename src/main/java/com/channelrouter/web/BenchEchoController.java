package com.channelrouter.web;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The ceiling for HTTP load tests: parses the posted JSON and writes it back, through the same server,
 * security filter chain (an API key is needed) and JSON mapper as the real endpoints, with no decision
 * and no database. Exists only with the {@code bench} profile
 * ({@code java -jar channel-router.jar --spring.profiles.include=bench}).
 */
@Profile("bench")
@RestController
class BenchEchoController {

    @PostMapping(path = "/bench/echo", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode echo(@RequestBody JsonNode body) {
        return body;
    }
}
