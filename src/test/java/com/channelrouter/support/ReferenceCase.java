package com.channelrouter.support;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One case of the reference file: a request and either the expected decision fields or the expected refusal. */
public record ReferenceCase(String name, JsonNode request, JsonNode expect, Integer expectStatus) {

    public static final String RESOURCE = "cases/reference-cases.jsonl";

    public static List<ReferenceCase> all() {
        List<ReferenceCase> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ReferenceCase.class.getClassLoader().getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = TestHttp.JSON.readTree(line);
                cases.add(new ReferenceCase(node.get("name").asString(), node.get("request"), node.get("expect"),
                        node.has("expectStatus") ? node.get("expectStatus").asInt() : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** The demo key that may submit this case: its source channel's, or the unbound QA key for a bad source. */
    public String submitterKey() {
        JsonNode source = request.get("sourceChannel");
        if (source == null || !source.isString()) {
            return "dev-qa";
        }
        try {
            com.channelrouter.domain.SourceChannel.valueOf(source.asString());
            return TestHttp.demoKey(source.asString());
        } catch (IllegalArgumentException unknownSource) {
            return "dev-qa";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
