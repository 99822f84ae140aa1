package com.channelrouter.workitem;

import com.channelrouter.support.SchedulingConfiguration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Watches the SLA: each planned escalation whose time has come fires once, as an ESCALATED history entry
 * and feed events, if its deadline is still unmet; otherwise it is dropped. Items with something due are
 * found by their {@code next_escalation_at}; each is handled under its row lock, and its plan is then
 * written without the handled steps, so a step fires once even if two runs overlap. Runs on one instance
 * at a time (ShedLock).
 */
@Component
@ConditionalOnProperty(name = SchedulingConfiguration.JOBS, havingValue = "true", matchIfMissing = true)
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
        return detect(clock.instant());
    }

    /** Handles every escalation due by {@code now}; tests pass a time ahead of the clock. */
    int detect(Instant now) {
        int fired = 0;
        List<String> due;
        do {
            // each handled item's next time is after now, so every round moves on
            due = mapper.findItemsDueForEscalation(now, BATCH);
            for (String workItemId : due) {
                fired += transaction.execute(status -> handle(workItemId, now));
            }
        } while (due.size() == BATCH);
        return fired;
    }

    private int handle(String workItemId, Instant now) {
        // the item is judged and escalated under its row lock: a claim or close either lands first (and the
        // step is obsolete) or waits until the escalation is recorded, never in between
        mapper.lockItem(workItemId);
        WorkItemRecord item = mapper.findById(workItemId).orElse(null);
        if (item == null) { // its decision is gone (archived by retention): nothing left to judge it by
            mapper.updateEscalationPlan(workItemId, null, null);
            return 0;
        }
        EscalationPlan plan = EscalationPlan.parse(mapper.findEscalationPlan(workItemId));
        int fired = 0;
        for (PlannedEscalation step : plan.dueBy(now)) {
            if (stillUnmet(step, item)) {
                String reason = step.percent() + "% of the time to the " + step.deadline().name().toLowerCase()
                        + " deadline has passed without it being met: " + step.level() + " told (rule " + step.ruleId() + ").";
                history.record(item.identity(), item.state(), new WorkItemEvent(EventType.ESCALATED, item.ownerChannel(), ACTOR,
                        now, reason, step.deadline(), step.level()));
                fired++;
            }
        }
        EscalationPlan left = plan.handledBy(now);
        mapper.updateEscalationPlan(workItemId, left.text(), left.nextDueAt());
        return fired;
    }

    private static boolean stillUnmet(PlannedEscalation step, WorkItemRecord item) {
        if (item.status() == WorkItemStatus.CLOSED) {
            return false;
        }
        // a timed dispatch step belongs to the current wait: a return times the policy again
        return switch (step.deadline()) {
            case RESPONSE -> item.claimedAt() == null;
            case RESOLVE -> item.closedAt() == null;
            case DISPATCH -> item.status() == WorkItemStatus.AWAITING_DISPATCH;
        };
    }
}
