package com.channelrouter.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's JSON writes instants exactly as Jackson's defaults do, whatever the instant. */
class JsonConfigurationTests {

    record Deadlines(Instant due, Instant none, List<Instant> steps, Map<String, Instant> byKind) {
    }

    @Test
    void instantsAreWrittenAsJacksonWritesThem() {
        List<Instant> instants = List.of(Instant.parse("2026-11-20T03:15:00Z"), Instant.parse("2026-11-20T03:15:00.123Z"),
                Instant.parse("2026-11-20T03:15:00.000000001Z"), Instant.parse("1999-12-31T23:59:59Z"),
                Instant.parse("0999-01-01T00:00:00Z"), Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:59:59Z"), Instant.EPOCH, Instant.MIN, Instant.MAX);
        Map<String, Instant> byKind = new LinkedHashMap<>();
        instants.forEach(instant -> byKind.put("k" + byKind.size(), instant));
        Deadlines deadlines = new Deadlines(instants.get(0), null, Arrays.asList(instants.get(1), null, instants.get(8)), byKind);

        JsonMapper ours = JsonConfiguration.mapper();
        JsonMapper jacksons = JsonMapper.builder().build();

        assertThat(ours._serializationContext().findValueSerializer(Instant.class)).isInstanceOf(InstantTextSerializer.class);
        assertThat(ours.writeValueAsString(List.of(deadlines, instants))).isEqualTo(jacksons.writeValueAsString(List.of(deadlines, instants)))
                .contains("\"2026-11-20T03:15:00Z\"", "\"2026-11-20T03:15:00.123Z\"");
        // the rest is Jackson's own: timestamps when configured, a property's own format
        assertThat(ours.rebuild().enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build().writeValueAsString(deadlines))
                .isEqualTo(jacksons.rebuild().enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build().writeValueAsString(deadlines));
        Formatted formatted = new Formatted(instants.get(0), instants.get(1));
        assertThat(ours.writeValueAsString(formatted)).isEqualTo(jacksons.writeValueAsString(formatted))
                .contains("\"2026-11-20 03:15\"");
    }

    record Formatted(@JsonFormat(pattern = "uuuu-MM-dd HH:mm", timezone = "UTC") Instant at, Instant plain) {
    }
}
