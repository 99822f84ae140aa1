package com.channelrouter.workitem;

import com.channelrouter.support.Simultaneously;
import com.channelrouter.support.TestHttp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TwoInstancesIntegrationTests} with both instances on the real MariaDB/MySQL server, and what only a server shows. */
@Tag("mariadb")
class TwoInstancesOnMariaDbIntegrationTests extends TwoInstancesIntegrationTests {

    @Override
    String[] profiles() {
        return new String[]{"test", "mariadb"};
    }

    @Override
    String sharedDatabaseUrl() {
        return null;
    }

    /**
     * The BI system sends its night's batch again, in another order, while the first is still running. The
     * two instances insert the same external ids in opposite orders, and chunks of both are rolled back as
     * deadlocks' victims. Each line is still stored once, both answer every line, and a line's item is the
     * same on both. (MariaDB only: H2 detects no deadlock, and embedded it serves one instance.)
     */
    @Test
    void theSameBatchInAnotherOrderOnBothInstancesAtOnceStoresEachLineOnce() throws Exception {
        String prefix = "BI-" + UUID.randomUUID() + "-";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add("{\"itemType\":\"ALERT\",\"externalId\":\"" + prefix + i + "\",\"sourceChannel\":\"BI_SYSTEM\","
                    + "\"occurredAt\":\"2099-01-05T01:00:00Z\",\"customer\":{\"id\":\"GC-" + i + "\",\"customerClass\":\"B\"}}");
        }
        List<String> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        List<Callable<String>> sends = List.of(
                () -> one.postRaw("/api/v1/routings/batch", "dev-bi-system", "application/x-ndjson", String.join("\n", lines)),
                () -> two.postRaw("/api/v1/routings/batch", "dev-bi-system", "application/x-ndjson", String.join("\n", reversed)));

        List<String> answers = Simultaneously.run(sends);

        Map<String, String> itemOfExternalId = new HashMap<>();
        for (int sent = 0; sent < 2; sent++) {
            List<String> batch = sent == 0 ? lines : reversed;
            String[] answered = answers.get(sent).split("\n");
            assertThat(answered).hasSize(2_000);
            for (String line : answered) {
                JsonNode node = TestHttp.JSON.readTree(line);
                assertThat(node.get("status").asInt()).as(line).isEqualTo(201);
                String externalId = TestHttp.JSON.readTree(batch.get(node.get("line").asInt() - 1)).get("externalId").asString();
                String earlier = itemOfExternalId.putIfAbsent(externalId, node.get("workItemId").asString());
                if (earlier != null) {
                    assertThat(node.get("workItemId").asString()).as("both instances answer the same item").isEqualTo(earlier);
                }
            }
        }
        assertThat(new HashSet<>(itemOfExternalId.values())).hasSize(2_000);
    }
}
