package com.channelrouter.workitem;

import com.channelrouter.support.MultiRowInsert;

/** The rows a new work item and its history write, for {@link MultiRowInsert}. */
final class WorkItemRows {

    static final MultiRowInsert<NewWorkItem> ITEMS = MultiRowInsert.<NewWorkItem>into("work_item")
            .column("work_item_id", NewWorkItem::workItemId)
            .column("item_type", NewWorkItem::itemType)
            .column("source_channel", NewWorkItem::sourceChannel)
            .column("external_id", NewWorkItem::externalId)
            .column("customer_id", NewWorkItem::customerId)
            .column("owner_channel", NewWorkItem::ownerChannel)
            .column("status", NewWorkItem::initialStatus)
            .column("second_transfer", NewWorkItem::secondTransfer)
            .column("occurred_at", NewWorkItem::occurredAt)
            .column("response_due_at", NewWorkItem::responseDueAt)
            .column("resolve_due_at", NewWorkItem::resolveDueAt)
            .column("dispatch_due_at", NewWorkItem::dispatchDueAt)
            .column("sla_clock", NewWorkItem::slaClock)
            .column("dispatch_minutes", NewWorkItem::dispatchMinutes)
            .column("request_hash", NewWorkItem::requestHash)
            .column("created_by", NewWorkItem::createdBy)
            .column("created_at", NewWorkItem::createdAt)
            .column("row_version", item -> 0)
            .column("escalation_plan", NewWorkItem::escalationPlan)
            .column("next_escalation_at", NewWorkItem::nextEscalationAt)
            .column("routed_to", NewWorkItem::ownerChannel)
            .build();

    /** Each item's decision, kept whole (request and decision JSON) for explanation and replay. */
    static final MultiRowInsert<NewWorkItem> DECISIONS = MultiRowInsert.<NewWorkItem>into("routing_decision")
            .column("decision_id", NewWorkItem::decisionId)
            .column("work_item_id", NewWorkItem::workItemId)
            .column("table_version", NewWorkItem::tableVersion)
            .column("routing_rule", NewWorkItem::routingRule)
            .column("sla_rule", NewWorkItem::slaRule)
            .column("request_json", NewWorkItem::requestJson)
            .column("decision_json", NewWorkItem::decisionJson)
            .column("decided_at", NewWorkItem::createdAt)
            .build();

    static final MultiRowInsert<ItemEventRow> EVENTS = MultiRowInsert.<ItemEventRow>into("work_item_event")
            .column("work_item_id", ItemEventRow::workItemId)
            .column("event_type", row -> row.event().type())
            .column("channel", row -> row.event().channel())
            .column("actor", row -> row.event().actor())
            .column("reason", row -> row.event().reason())
            .column("occurred_at", row -> row.event().at())
            .column("deadline_kind", row -> row.event().deadline())
            .column("escalation_level", row -> row.event().level())
            .build();

    private WorkItemRows() {
    }
}
