package com.channelrouter.routing;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SlaClock;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.WorkItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit: whatever groups the writers form, each request's item is stored, or refused, on its own. */
@IntegrationTest
class RoutingRecorderIntegrationTests {

    @Autowired
    RoutingRecorder recorder;

    @Autowired
    WorkItems workItems;

    static NewWorkItem item(String externalId) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return new NewWorkItem(id, ItemType.FAULT, SourceChannel.GROUP_HOTLINE, externalId, "GC-1", Channel.NETWORK_MAINTENANCE,
                false, now, now.plusSeconds(3600), now.plusSeconds(86_400), null, SlaClock.ROUND_THE_CLOCK, 60, "h".repeat(64),
                "dev-group-hotline", now, UUID.randomUUID().toString(), "v1", "F1", "S1", "{}", "{\"workItemId\":\"" + id + "\"}",
                List.of());
    }

    @Test
    void aGroupTheDatabaseRefusesIsStoredItemByItem() {
        String taken = "HL-" + UUID.randomUUID();
        recorder.record(item(taken), "dev-group-hotline", null);
        List<RoutingRecorder.Pending> group = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            NewWorkItem item = item(i == 2 ? taken : "HL-" + UUID.randomUUID());
            group.add(new RoutingRecorder.Pending(item, "dev-group-hotline", i == 4 ? "key-" + item.workItemId() : null,
                    new CompletableFuture<>()));
        }

        recorder.store(group);

        assertThat(group.get(2).stored()).isCompletedExceptionally();
        assertThatThrownBy(() -> group.get(2).stored().join()).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(group).filteredOn(p -> p != group.get(2)).allMatch(p -> p.stored().isDone() && !p.stored().isCompletedExceptionally());
        assertThat(workItems.findByExternalIds(SourceChannel.GROUP_HOTLINE,
                group.stream().map(p -> p.item().externalId()).filter(id -> !id.equals(taken)).toList())).hasSize(4);
    }

    @Test
    void aConflictAmongSimultaneousRequestsFailsOnlyItsOwn() throws Exception {
        String taken = "HL-" + UUID.randomUUID();
        recorder.record(item(taken), "dev-group-hotline", null);
        List<NewWorkItem> fresh = new ArrayList<>();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            NewWorkItem item = item(i == 17 ? taken : "HL-" + UUID.randomUUID());
            String idempotencyKey = i % 5 == 0 ? "key-" + item.workItemId() : null;
            if (i != 17) {
                fresh.add(item);
            }
            calls.add(() -> {
                try {
                    recorder.record(item, "dev-group-hotline", idempotencyKey);
                    return "stored";
                } catch (DuplicateKeyException conflict) {
                    return "conflict";
                }
            });
        }

        List<String> outcomes = Simultaneously.run(calls);

        assertThat(outcomes).filteredOn("conflict"::equals).hasSize(1);
        assertThat(outcomes.get(17)).isEqualTo("conflict");
        assertThat(workItems.findByExternalIds(SourceChannel.GROUP_HOTLINE, fresh.stream().map(NewWorkItem::externalId).toList()))
                .hasSize(39);
        assertThat(workItems.findByExternalIds(SourceChannel.GROUP_HOTLINE, List.of(taken))).hasSize(1);
    }
}
