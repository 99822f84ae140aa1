package com.channelrouter.replay;

import com.channelrouter.web.JsonConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** How an expected field meets the decided one, as QA writes it in a sheet or a JSON line. */
class ExpectationsTests {

    final JsonMapper json = JsonConfiguration.mapper();
    final JsonNode decided = json.readTree("{\"sla\": {\"responseMinutes\": 240}, \"secondTransfer\": true, \"routingRule\": \"L4\"}");

    @Test
    void numbersCompareAsNumbersWhetherTypedOrWrittenInJson() {
        assertThat(Expectations.differences(json.readTree("{\"sla\": {\"responseMinutes\": \"240.0\"}}"), decided)).isEmpty();
        assertThat(Expectations.differences(json.readTree("{\"sla\": {\"responseMinutes\": 240.0}}"), decided)).isEmpty();
        assertThat(Expectations.differences(json.readTree("{\"sla\": {\"responseMinutes\": 240.5}}"), decided))
                .singleElement().hasToString("sla.responseMinutes: expected 240.5 but was 240");
    }

    @Test
    void booleansAreOnlyTrueOrFalse() {
        assertThat(Expectations.differences(json.readTree("{\"secondTransfer\": \"true\"}"), decided)).isEmpty();
        assertThat(Expectations.differences(json.readTree("{\"secondTransfer\": 1}"), decided)).hasSize(1);
        assertThat(Expectations.differences(json.readTree("{\"secondTransfer\": \"1\"}"), decided)).hasSize(1);
    }
}
