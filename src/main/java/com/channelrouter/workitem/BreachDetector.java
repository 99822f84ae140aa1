package com.channelrouter.workitem;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Watches the SLA: each planned escalation whose time has come fires once, as an ESCALATED history entry
 * and feed events, if its deadline is still unmet; otherwise it is dropped. Runs on one instance at a
 * time (ShedLock), and a conditional update makes each escalation happen once even if two runs overlap.
 */
@Component
class BreachDetector {

    private static final Logger log = LoggerFactory.getLogger(BreachDetector.class);
    static final String ACTOR = "sla-escalation";
    private static final int BATCH = 500;

    private final WorkItemMapper mapper;
    private final WorkItemHistory history;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BreachDetector(WorkItemMapper mapper, WorkItemHistory history, TransactionTemplate transaction, Clock clock) {
        this.mapper = mapper;
        this.history = history;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${channel-router.escalation.interval:PT30S}",
            initialDelayString = "${channel-router.escalation.initial-delay:PT5S}")
    @SchedulerLock(name = "sla-escalation", lockAtMostFor = "PT5M")
    void detectOnSchedule() {
        int fired = detect();
        if (fired > 0) {
            log.info("SLA escalations fired: {}", fired);
        }
    }

    /** Handles every escalation due now; returns how many fired. */
    int detect() {
        Instant now = clock.instant();
        int fired = 0;
        List<DueEscalation> due;
        do {
            due = mapper.findDueEscalations(now, BATCH);
            for (DueEscalation step : due) {
                if (Boolean.TRUE.equals(transaction.execute(status -> handle(step, now)))) {
                    fired++;
                }
            }
        } while (due.size() == BATCH);
        return fired;
    }

    private boolean handle(DueEscalation step, Instant now) {
        // the item is judged and escalated under its row lock: a claim or close either lands first (and the
        // step is obsolete) or waits until the escalation is recorded, never in between
        mapper.lockItem(step.workItemId());
        WorkItemRecord item = mapper.findById(step.workItemId()).orElse(null);
        if (item == null || !stillUnmet(step, item)) {
            mapper.completeEscalation(step.stepId(), now, "OBSOLETE");
            return false;
        }
        if (mapper.completeEscalation(step.stepId(), now, "ESCALATED") == 0) {
            return false; // another run got there first
        }
        String reason = step.thresholdPercent() + "% of the time to the " + step.deadlineKind().name().toLowerCase()
                + " deadline has passed without it being met: " + step.escalationLevel() + " told (rule " + step.ruleId() + ").";
        history.record(item.identity(), item.state(), new HistoryEntry(EventType.ESCALATED, item.ownerChannel(), ACTOR, now,
                reason, step.deadlineKind(), step.escalationLevel()));
        return true;
    }

    private static boolean stillUnmet(DueEscalation step, WorkItemRecord item) {
        if (item.status() == WorkItemStatus.CLOSED) {
            return false;
        }
        return switch (step.deadlineKind()) {
            case RESPONSE -> item.claimedAt() == null;
            case RESOLVE -> item.closedAt() == null;
            case DISPATCH -> item.status() == WorkItemStatus.AWAITING_DISPATCH && step.dispatchCycle() == item.dispatchCycle();
        };
    }
}
