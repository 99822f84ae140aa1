package com.channelrouter.routing;

import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.support.IntegrationTest;
import com.channelrouter.support.Simultaneously;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.UnprocessableException;
import com.channelrouter.workitem.WorkItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group routing: whatever groups the writers form, each request's item is decided and stored, found stored
 * already, or refused, on its own.
 */
@IntegrationTest
class RoutingRecorderIntegrationTests {

    static final ApiClient HOTLINE = new ApiClient("dev-group-hotline", Set.of(Role.ROUTER), SourceChannel.GROUP_HOTLINE);

    @Autowired
    RoutingRecorder recorder;

    @Autowired
    WorkItemDrafts drafts;

    @Autowired
    WorkItems workItems;

    @Autowired
    DataSource dataSource;

    RoutingRecorder.Routing routing(String externalId, String idempotencyKey) {
        return routing(externalId, "DEDICATED_LINE", idempotencyKey);
    }

    RoutingRecorder.Routing routing(String externalId, String productCode, String idempotencyKey) {
        RoutingRequest request = new RoutingRequest("FAULT", externalId, "GROUP_HOTLINE", "2026-11-20T01:15:00Z",
                new RoutingRequest.Customer("GC-" + UUID.randomUUID(), null, "B", null), productCode, null, null, "NETWORK",
                "MAJOR", null);
        return new RoutingRecorder.Routing(drafts.check(request), HOTLINE, idempotencyKey);
    }

    static String externalId() {
        return "HL-" + UUID.randomUUID();
    }

    @Test
    void aGroupTheDatabaseRefusesIsRoutedItemByItem() {
        String takenKey = "key-" + UUID.randomUUID();
        recorder.route(routing(externalId(), takenKey));
        List<RoutingRecorder.Pending> group = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // the recorder does not look idempotency keys up (the request did, before it handed over): only the
            // database's unique key sees that item 2 reuses one stored meanwhile
            group.add(new RoutingRecorder.Pending(routing(externalId(), i == 2 ? takenKey : null), new CompletableFuture<>()));
        }

        recorder.handle(group, false, RoutingRecorder.NOTHING_BEFORE);

        assertThatThrownBy(() -> group.get(2).outcome().join()).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(group).filteredOn(p -> p != group.get(2))
                .allSatisfy(p -> assertThat(p.outcome().join()).isInstanceOf(RoutingRecorder.Stored.class));
        assertThat(workItems.findByExternalIds(SourceChannel.GROUP_HOTLINE,
                group.stream().map(p -> p.routing().request().item().externalId()).toList())).hasSize(4);
    }

    /** Whether the group looks its external ids up first or inserts straight away and finds the repeat by the unique key. */
    @ParameterizedTest(name = "looking up first: {0}")
    @ValueSource(booleans = {true, false})
    void anExternalIdStoredEarlierIsFoundNotStoredAgainAndARefusalStaysWithItsRequest(boolean lookUpFirst) {
        RoutingRecorder.Routing first = routing(externalId(), null);
        RoutingRecorder.Stored stored = (RoutingRecorder.Stored) recorder.route(first);
        RoutingRecorder.Routing repeat = new RoutingRecorder.Routing(first.request(), HOTLINE, null);
        RoutingRecorder.Routing unknownProduct = routing(externalId(), "NO_SUCH_PRODUCT", null);
        RoutingRecorder.Routing fresh = routing(externalId(), null);
        List<RoutingRecorder.Pending> group = List.of(repeat, unknownProduct, fresh).stream()
                .map(r -> new RoutingRecorder.Pending(r, new CompletableFuture<>())).toList();

        recorder.handle(group, lookUpFirst, RoutingRecorder.NOTHING_BEFORE);

        assertThat(group.get(0).outcome().join()).isInstanceOfSatisfying(RoutingRecorder.Earlier.class, earlier -> {
            assertThat(earlier.workItemId()).isEqualTo(stored.workItemId());
            assertThat(earlier.requestHash()).isEqualTo(first.request().fingerprint());
            assertThat(earlier.decisionJson()).isEqualTo(stored.decisionJson()).contains(stored.workItemId());
        });
        assertThatThrownBy(() -> group.get(1).outcome().join()).hasCauseInstanceOf(InvalidRequestException.class);
        assertThat(group.get(2).outcome().join()).isInstanceOf(RoutingRecorder.Stored.class);
        assertThat(workItems.findByExternalIds(SourceChannel.GROUP_HOTLINE, List.of(first.request().item().externalId(),
                unknownProduct.request().item().externalId(), fresh.request().item().externalId()))).hasSize(2);
    }

    /** A repeat is answered with what was stored even if the decision would refuse it now (here another body, an unknown product). */
    @ParameterizedTest(name = "looking up first: {0}")
    @ValueSource(booleans = {true, false})
    void aRepeatTheDecisionWouldRefuseIsFoundNotRefused(boolean lookUpFirst) {
        RoutingRecorder.Routing first = routing(externalId(), null);
        RoutingRecorder.Stored stored = (RoutingRecorder.Stored) recorder.route(first);
        RoutingRecorder.Pending unroutableRepeat = new RoutingRecorder.Pending(
                routing(first.request().item().externalId(), "NO_SUCH_PRODUCT", null), new CompletableFuture<>());
        RoutingRecorder.Pending fresh = new RoutingRecorder.Pending(routing(externalId(), null), new CompletableFuture<>());

        recorder.handle(List.of(unroutableRepeat, fresh), lookUpFirst, RoutingRecorder.NOTHING_BEFORE);

        assertThat(unroutableRepeat.outcome().join()).isInstanceOfSatisfying(RoutingRecorder.Earlier.class, earlier -> {
            assertThat(earlier.workItemId()).isEqualTo(stored.workItemId());
            assertThat(earlier.requestHash()).as("the stored request's, so the caller is told the externalId names another item")
                    .isEqualTo(first.request().fingerprint());
        });
        assertThat(fresh.outcome().join()).isInstanceOf(RoutingRecorder.Stored.class);
    }

    @Test
    void afterARepeatGroupsLookUpFirstUntilNoneIsFoundForAWhile() {
        RoutingRecorder.Routing first = routing(externalId(), null);
        recorder.route(first);
        RoutingRecorder.Pending repeat = new RoutingRecorder.Pending(new RoutingRecorder.Routing(first.request(), HOTLINE, null),
                new CompletableFuture<>());

        recorder.handle(List.of(repeat), false, RoutingRecorder.NOTHING_BEFORE);

        assertThat(repeat.outcome().join()).isInstanceOf(RoutingRecorder.Earlier.class);
        assertThat(recorder.lookUpFirst()).as("a repeat was found by the unique key").isTrue();
        for (int i = 1; i < RepeatWatch.LOOK_UPS_AFTER_A_REPEAT; i++) {
            recorder.route(routing(externalId(), null));
        }
        assertThat(recorder.lookUpFirst()).as("one group without a repeat to go").isTrue();
        recorder.route(routing(externalId(), null));
        assertThat(recorder.lookUpFirst()).as("no repeat found for a while").isFalse();
    }

    @Test
    void aConflictAmongSimultaneousRequestsFailsOnlyItsOwn() throws Exception {
        String takenKey = "key-" + UUID.randomUUID();
        recorder.route(routing(externalId(), takenKey));
        List<String> fresh = new ArrayList<>();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RoutingRecorder.Routing routing = routing(externalId(), i == 17 ? takenKey : i % 5 == 0 ? "key-" + UUID.randomUUID() : null);
            if (i != 17) {
                fresh.add(routing.request().item().externalId());
            }
            calls.add(() -> {
                try {
                    return recorder.route(routing) instanceof RoutingRecorder.Stored ? "stored" : "found";
                } catch (DuplicateKeyException conflict) {
                    return "conflict";
                } catch (UnprocessableException unexpected) {
                    return "refused";
                }
            });
        }

        List<String> outcomes = Simultaneously.run(calls);

        assertThat(outcomes).filteredOn("conflict"::equals).hasSize(1);
        assertThat(outcomes.get(17)).isEqualTo("conflict");
        assertThat(outcomes).filteredOn("stored"::equals).hasSize(39);
        assertThat(workItems.findByExternalIds(SourceChannel.GROUP_HOTLINE, fresh)).hasSize(39);
    }

    /**
     * One writer writes at a time; the other takes over when a group is held up. Here another transaction (as
     * another instance's would) holds an Idempotency-Key the first group must insert: its group waits on the
     * lock, and an item handed over meanwhile is stored long before that wait ends.
     */
    @Test
    void aGroupHeldUpByALockDoesNotHoldUpTheNext() throws Exception {
        RoutingRecorder.Stored earlier = (RoutingRecorder.Stored) recorder.route(routing(externalId(), null));
        String heldKey = "key-" + UUID.randomUUID();
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement insert = otherInstance.prepareStatement("INSERT INTO idempotency_key "
                    + "(client_id, idem_key, request_hash, work_item_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, HOTLINE.id());
                insert.setString(2, heldKey);
                insert.setString(3, "0".repeat(64));
                insert.setString(4, earlier.workItemId());
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            CompletableFuture<RoutingRecorder.Outcome> heldUp = CompletableFuture.supplyAsync(() -> recorder.route(routing(externalId(), heldKey)));
            Thread.sleep(RoutingRecorder.HELD_UP.toMillis() / 2); // its group reaches the lock

            long started = System.nanoTime();
            RoutingRecorder.Outcome next = recorder.route(routing(externalId(), null));

            assertThat(next).isInstanceOf(RoutingRecorder.Stored.class);
            assertThat(heldUp).as("the first group still waits on the lock").isNotDone();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(RoutingRecorder.HELD_UP.multipliedBy(4));
            otherInstance.rollback();
            assertThat(heldUp.get(30, TimeUnit.SECONDS)).as("stored once the lock is gone").isInstanceOf(RoutingRecorder.Stored.class);
        }
    }
}
