package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SlaClock;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.support.MapperTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The work-item SQL on H2 in MySQL mode; {@link WorkItemMapperOnMariaDbTests} runs the same on MariaDB. */
@MapperTest
class WorkItemMapperTests {

    @Autowired
    WorkItemMapper mapper;

    JdbcTemplate jdbc;

    @Autowired
    void connect(DataSource dataSource) {
        jdbc = new JdbcTemplate(dataSource); // the test's transaction's connection, as in the service
    }

    static NewWorkItem item(String externalId) {
        String id = UUID.randomUUID().toString();
        return new NewWorkItem(id, ItemType.FAULT, SourceChannel.GROUP_HOTLINE, externalId, "GC-1", Channel.OPERATIONS_CENTER,
                true, Instant.parse("2026-11-20T01:15:00.123456Z"), Instant.parse("2026-11-20T03:15:00Z"),
                Instant.parse("2026-11-21T01:15:00Z"), Instant.parse("2026-11-20T02:15:00Z"), SlaClock.ROUND_THE_CLOCK, 60,
                "h".repeat(64), "dev-group-hotline", Instant.parse("2026-11-20T01:15:01.5Z"), UUID.randomUUID().toString(),
                "abc123abc123", "F5", "S3", "{\"itemType\":\"FAULT\",\"description\":\"光纤中断\"}", "{\"routingRule\":\"F5\"}",
                List.of(new PlannedEscalation("E2", DeadlineKind.RESPONSE, 100, EscalationLevel.CHANNEL_SUPERVISOR,
                                Instant.parse("2026-11-20T03:15:00Z")),
                        new PlannedEscalation("E7", DeadlineKind.DISPATCH, 100, EscalationLevel.CHANNEL_SUPERVISOR,
                                Instant.parse("2026-11-20T02:15:00Z"))));
    }

    void store(NewWorkItem item) {
        WorkItemRows.ITEMS.insert(jdbc, List.of(item));
        WorkItemRows.DECISIONS.insert(jdbc, List.of(item));
        event(item, new WorkItemEvent(EventType.ROUTED, item.ownerChannel(), item.createdBy(), item.createdAt(), null));
    }

    void event(NewWorkItem item, WorkItemEvent event) {
        WorkItemRows.EVENTS.insert(jdbc, List.of(new ItemEventRow(item.workItemId(), event)));
    }

    @Test
    void storedItemReadsBackExactly() {
        NewWorkItem item = item("HL-1");
        store(item);

        WorkItemRecord found = mapper.findById(item.workItemId()).orElseThrow();

        assertThat(found.itemType()).isEqualTo(ItemType.FAULT);
        assertThat(found.status()).isEqualTo(WorkItemStatus.AWAITING_DISPATCH);
        assertThat(found.ownerChannel()).isEqualTo(Channel.OPERATIONS_CENTER);
        assertThat(found.secondTransfer()).isTrue();
        assertThat(found.occurredAt()).isEqualTo(item.occurredAt());
        assertThat(found.dispatchDueAt()).isEqualTo(item.dispatchDueAt());
        assertThat(found.claimedAt()).isNull();
        assertThat(found.requestJson()).isEqualTo(item.requestJson());
        assertThat(found.decisionJson()).isEqualTo(item.decisionJson());
        assertThat(found.rowVersion()).isZero();
    }

    @Test
    void instantsDoNotDependOnTheJvmTimeZone() {
        NewWorkItem item = item("HL-2");
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            store(item);
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertThat(mapper.findById(item.workItemId()).orElseThrow().occurredAt()).isEqualTo(item.occurredAt());
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void externalIdFindsTheItemOfItsSourceOnly() {
        NewWorkItem item = item("HL-3");
        store(item);

        assertThat(mapper.findByExternalId(SourceChannel.GROUP_HOTLINE, "HL-3"))
                .contains(new PriorRouting(item.workItemId(), item.requestHash()));
        assertThat(mapper.findByExternalId(SourceChannel.WEBSITE, "HL-3")).isEmpty();
    }

    @Test
    void oneSourceCannotStoreTheSameExternalIdTwice() {
        store(item("HL-4"));

        assertThatThrownBy(() -> WorkItemRows.ITEMS.insert(jdbc, List.of(item("HL-4")))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void externalIdsThatDifferOnlyInCaseAreDifferentItems() {
        store(item("HL-CASE"));
        store(item("hl-case"));

        assertThat(mapper.findByExternalId(SourceChannel.GROUP_HOTLINE, "hl-case")).isPresent();
    }

    @Test
    void itemsWithoutExternalIdNeverCollide() {
        store(item(null));
        store(item(null));
    }

    @Test
    void historyComesBackInOrder() {
        NewWorkItem item = item("HL-5");
        store(item);
        WorkItemEvent escalated = new WorkItemEvent(EventType.ESCALATED, Channel.OPERATIONS_CENTER, "system",
                Instant.parse("2026-11-20T02:00:00Z"), "dispatch at 80%", DeadlineKind.DISPATCH, EscalationLevel.CHANNEL_SUPERVISOR);
        event(item, escalated);

        assertThat(mapper.findEvents(item.workItemId())).extracting(WorkItemEvent::type)
                .containsExactly(EventType.ROUTED, EventType.ESCALATED);
        assertThat(mapper.findEvents(item.workItemId()).get(1)).isEqualTo(escalated);
        assertThat(mapper.findEventsOf(List.of(item.workItemId())).get(1).event()).isEqualTo(escalated);
        assertThat(mapper.findDecisionJson(item.workItemId())).contains(item.decisionJson());
    }

    /** A page of items reads the histories of all its items in one query: every entry of each, in order. */
    @Test
    void historiesOfSeveralItemsComeBackWholeAndInOrder() {
        NewWorkItem first = item("HL-5a");
        NewWorkItem second = item("HL-5b");
        store(first);
        store(second);
        event(first, new WorkItemEvent(EventType.CLAIMED, Channel.OPERATIONS_CENTER, "dev-operations-center",
                Instant.parse("2026-11-20T01:30:00Z"), null));
        event(second, new WorkItemEvent(EventType.DISPATCHED, Channel.NETWORK_MAINTENANCE, "dev-operations-center",
                Instant.parse("2026-11-20T01:40:00Z"), null));
        event(first, new WorkItemEvent(EventType.CLOSED, Channel.OPERATIONS_CENTER, "dev-operations-center",
                Instant.parse("2026-11-20T02:00:00Z"), "fixed"));

        List<ItemEventRow> rows = mapper.findEventsOf(List.of(first.workItemId(), second.workItemId()));

        assertThat(rows).filteredOn(row -> row.workItemId().equals(first.workItemId())).extracting(row -> row.event().type())
                .containsExactly(EventType.ROUTED, EventType.CLAIMED, EventType.CLOSED);
        assertThat(rows).filteredOn(row -> row.workItemId().equals(second.workItemId())).extracting(row -> row.event().type())
                .containsExactly(EventType.ROUTED, EventType.DISPATCHED);
        assertThat(rows.get(rows.size() - 1).event().reason()).isEqualTo("fixed");
    }

    @Test
    void stateIsWrittenOnlyAtTheVersionItWasReadAt() {
        NewWorkItem item = item("HL-6");
        store(item);
        ItemState dispatched = item.initialState().dispatched(Channel.ACCOUNT_MANAGER, Instant.parse("2026-11-20T01:30:00Z"));

        assertThat(mapper.updateState(item.workItemId(), 0, dispatched)).isEqualTo(1);
        assertThat(mapper.updateState(item.workItemId(), 0, dispatched.claimed(Instant.parse("2026-11-20T01:40:00Z"))))
                .as("a second writer that read version 0 loses").isZero();

        WorkItemRecord found = mapper.findById(item.workItemId()).orElseThrow();
        assertThat(found.status()).isEqualTo(WorkItemStatus.ROUTED);
        assertThat(found.ownerChannel()).isEqualTo(Channel.ACCOUNT_MANAGER);
        assertThat(found.dispatchedAt()).isEqualTo(Instant.parse("2026-11-20T01:30:00Z"));
        assertThat(found.rowVersion()).isEqualTo(1);
    }

    @Test
    void escalationPlanLivesOnTheItemAndBringsItUpWhenDue() {
        NewWorkItem item = item("HL-7");
        store(item);
        String id = item.workItemId();

        assertThat(EscalationPlan.parse(mapper.findEscalationPlan(id))).isEqualTo(EscalationPlan.of(item.escalations()));
        assertThat(mapper.findItemsDueForEscalation(Instant.parse("2026-11-20T02:14:59.999Z"), 1000)).doesNotContain(id);
        assertThat(mapper.findItemsDueForEscalation(Instant.parse("2026-11-20T02:15:00Z"), 1000)).contains(id);

        int version = mapper.findById(id).orElseThrow().rowVersion();
        mapper.updateEscalationPlan(id, "E2 RESPONSE 100 CHANNEL_SUPERVISOR 2026-11-20T03:15:00Z", Instant.parse("2026-11-20T03:15:00Z"));
        assertThat(mapper.findItemsDueForEscalation(Instant.parse("2026-11-20T03:14:59Z"), 1000)).doesNotContain(id);
        assertThat(mapper.findById(id).orElseThrow().rowVersion()).as("the plan is not the item's state").isEqualTo(version);

        mapper.updateEscalationPlan(id, null, null);
        assertThat(mapper.findItemsDueForEscalation(Instant.parse("2100-01-01T00:00:00Z"), 100_000)).doesNotContain(id);
        assertThat(mapper.findEscalationPlan(id)).isNull();
    }

    @Test
    void pageFiltersByVisibilityAndBreachAtQueryTime() {
        NewWorkItem item = item("HL-8");
        store(item);
        Instant beforeDeadlines = Instant.parse("2026-11-20T01:20:00Z");
        Instant afterResponseDue = Instant.parse("2026-11-20T04:00:00Z");

        assertThat(ids(query("OPERATIONS_CENTER", null, afterResponseDue))).contains(item.workItemId());
        assertThat(ids(query("WEBSITE", null, afterResponseDue))).doesNotContain(item.workItemId());
        assertThat(ids(query("OPERATIONS_CENTER", true, afterResponseDue))).contains(item.workItemId());
        assertThat(ids(query("OPERATIONS_CENTER", true, beforeDeadlines))).doesNotContain(item.workItemId());
        assertThat(ids(query("OPERATIONS_CENTER", false, beforeDeadlines))).contains(item.workItemId());
        assertThat(mapper.countPage(query("OPERATIONS_CENTER", true, afterResponseDue))).isPositive();
    }

    /** Deadlines are to the second, and their own second is still in time (as {@link SlaStatus} judges one item). */
    @Test
    void aDeadlinesOwnSecondIsInTimeAndTheSecondAfterIsLate() {
        NewWorkItem inTime = item("HL-9");
        NewWorkItem late = item("HL-10");
        store(inTime);
        store(late);
        mapper.updateState(inTime.workItemId(), 0, inTime.initialState().dispatched(Channel.ACCOUNT_MANAGER,
                Instant.parse("2026-11-20T02:15:00.999999Z")));
        mapper.updateState(late.workItemId(), 0, late.initialState().dispatched(Channel.ACCOUNT_MANAGER,
                Instant.parse("2026-11-20T02:15:01Z")));
        Instant beforeTheResponseDeadline = Instant.parse("2026-11-20T02:30:00Z");

        assertThat(ids(query("ACCOUNT_MANAGER", true, beforeTheResponseDeadline)))
                .contains(late.workItemId()).doesNotContain(inTime.workItemId());
        assertThat(ids(query("ACCOUNT_MANAGER", false, beforeTheResponseDeadline)))
                .contains(inTime.workItemId()).doesNotContain(late.workItemId());
    }

    /** A return starts a new dispatch cycle; the late dispatch of the cycle before still counts as a breach. */
    @Test
    void aLateDispatchStaysBreachedAfterTheItemIsReturned() {
        NewWorkItem item = item("HL-11");
        store(item);
        ItemState returned = item.initialState().dispatched(Channel.ACCOUNT_MANAGER, Instant.parse("2026-11-20T02:20:00Z"))
                .returned(Instant.parse("2026-11-20T02:25:00Z"), Instant.parse("2026-11-20T03:25:00Z"));
        mapper.updateState(item.workItemId(), 0, returned);
        Instant beforeEveryOtherDeadline = Instant.parse("2026-11-20T02:30:00Z");

        assertThat(mapper.findById(item.workItemId()).orElseThrow().dispatchLateBefore()).isTrue();
        assertThat(ids(query("OPERATIONS_CENTER", true, beforeEveryOtherDeadline))).contains(item.workItemId());
        assertThat(ids(query("OPERATIONS_CENTER", false, beforeEveryOtherDeadline))).doesNotContain(item.workItemId());
    }

    /**
     * The page of items routed in the second these tests' items are (the test database is shared with other test
     * classes, whose newer items would otherwise fill the page).
     */
    WorkItemQuery query(String channel, Boolean breached, Instant now) {
        return new WorkItemQuery(List.of(new WorkItemQuery.Branch("OWNER", channel), new WorkItemQuery.Branch("SOURCE", channel)),
                null, null, null, null, breached, Instant.parse("2026-11-20T01:15:01Z"), Instant.parse("2026-11-20T01:15:02Z"), now, 0, 50);
    }

    List<String> ids(WorkItemQuery query) {
        return mapper.findPage(query).stream().map(WorkItemRecord::workItemId).toList();
    }
}
