package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.sla.BusinessCalendar;
import com.channelrouter.sla.Deadlines;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Moves work items through their life: the owner claims, returns or closes; a dispatcher re-dispatches
 * what waits for the operations centre. Each move is checked (404 for items the caller cannot see, 403
 * for moves its key may not make, 409 for moves the status does not allow), written only if nobody moved
 * the item meanwhile, and recorded in the history and the feed in the same transaction.
 */
@Service
class WorkItemLifecycle {

    private final WorkItems workItems;
    private final WorkItemMapper mapper;
    private final WorkItemHistory history;
    private final LiveDecisionTables tables;
    private final Clock clock;

    WorkItemLifecycle(WorkItems workItems, WorkItemMapper mapper, WorkItemHistory history, LiveDecisionTables tables,
                      Clock clock) {
        this.workItems = workItems;
        this.mapper = mapper;
        this.history = history;
        this.tables = tables;
        this.clock = clock;
    }

    @Transactional
    public WorkItemView claim(String workItemId, ApiClient caller) {
        WorkItemRecord item = ownersMove(workItemId, caller, WorkItemAction.CLAIM);
        Instant now = clock.instant();
        ItemState next = item.state().claimed(now);
        write(item, next, WorkItemAction.CLAIM);
        history.record(item.identity(), next, new WorkItemEvent(EventType.CLAIMED, item.ownerChannel(), caller.id(), now, null));
        return workItems.afterMove(workItemId, caller);
    }

    /** Back to the operations centre for a new dispatch, which gets its own deadline and escalations. */
    @Transactional
    public WorkItemView giveBack(String workItemId, String reason, ApiClient caller) {
        WorkItemRecord item = ownersMove(workItemId, caller, WorkItemAction.RETURN);
        Instant now = clock.instant();
        // the new dispatch deadline (and the escalation steps with it) is timed from the return, to the second
        BusinessCalendar calendar = tables.current().calendar();
        ItemState next = item.state().returned(now, Deadlines.dueAfter(now, item.dispatchMinutes(), item.slaClock(), calendar));
        write(item, next, WorkItemAction.RETURN);
        EscalationPlan plan = EscalationPlan.parse(mapper.findEscalationPlan(workItemId)).redispatched(step ->
                Deadlines.threshold(now, item.dispatchMinutes(), step.percent(), item.slaClock(), calendar));
        mapper.updateEscalationPlan(workItemId, plan.text(), plan.nextDueAt());
        history.record(item.identity(), next, new WorkItemEvent(EventType.RETURNED, item.ownerChannel(), caller.id(), now, reason));
        return workItems.afterMove(workItemId, caller);
    }

    @Transactional
    public WorkItemView dispatch(String workItemId, Channel toChannel, String reason, ApiClient caller) {
        WorkItemRecord item = workItems.visible(workItemId, caller);
        WorkItemAccess.requireDispatcher(caller);
        LifecyclePolicy.requireAllowed(WorkItemAction.DISPATCH, item.status(), workItemId);
        Instant now = clock.instant();
        ItemState next = item.state().dispatched(toChannel, now);
        write(item, next, WorkItemAction.DISPATCH);
        history.record(item.identity(), next, new WorkItemEvent(EventType.DISPATCHED, toChannel, caller.id(), now, reason));
        return workItems.afterMove(workItemId, caller);
    }

    @Transactional
    public WorkItemView close(String workItemId, String outcome, ApiClient caller) {
        WorkItemRecord item = ownersMove(workItemId, caller, WorkItemAction.CLOSE);
        Instant now = clock.instant();
        ItemState next = item.state().closed(now, outcome);
        write(item, next, WorkItemAction.CLOSE);
        history.record(item.identity(), next, new WorkItemEvent(EventType.CLOSED, item.ownerChannel(), caller.id(), now, outcome));
        return workItems.afterMove(workItemId, caller);
    }

    /**
     * Refuses a move by a key that may not see the item (404) or may not make the move (403), before its body is
     * judged; the move itself checks again, in its transaction.
     */
    void requireMayMove(String workItemId, WorkItemAction action, ApiClient caller) {
        WorkItemRecord item = workItems.visible(workItemId, caller);
        if (action == WorkItemAction.DISPATCH) {
            WorkItemAccess.requireDispatcher(caller);
        } else {
            WorkItemAccess.requireOwner(caller, item, action);
        }
    }

    private WorkItemRecord ownersMove(String workItemId, ApiClient caller, WorkItemAction action) {
        WorkItemRecord item = workItems.visible(workItemId, caller);
        WorkItemAccess.requireOwner(caller, item, action);
        LifecyclePolicy.requireAllowed(action, item.status(), workItemId);
        return item;
    }

    /** Optimistic locking: of simultaneous moves from the same state, exactly one is written; the rest get 409. */
    private void write(WorkItemRecord item, ItemState next, WorkItemAction action) {
        if (mapper.updateState(item.workItemId(), item.rowVersion(), next) == 1) {
            return;
        }
        // read with a lock: on InnoDB a plain read in this transaction would still see the status it began with
        WorkItemStatus now = Optional.ofNullable(mapper.lockStatus(item.workItemId())).orElse(item.status());
        LifecyclePolicy.requireAllowed(action, now, item.workItemId());
        throw new ConflictException("concurrent-change", "Changed meanwhile",
                "Work item " + item.workItemId() + " was changed by someone else while this request was processed; it is now "
                        + now + ". Read it again and retry if still needed.");
    }
}
