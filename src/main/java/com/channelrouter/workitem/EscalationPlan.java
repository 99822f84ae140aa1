package com.channelrouter.workitem;

import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import com.channelrouter.support.UtcText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The escalations still ahead of an item, kept as one text column on its own row rather than a row per
 * step: a routed item plans up to eight steps, and writing them as rows was most of what storing an item
 * cost (issue 6). Every step with a due time is pending; a dispatch step without one is the policy kept
 * for the item's next return, when it is timed again. Handled response and resolve steps leave the plan.
 *
 * <p>Text form, one step per {@code ;}: {@code E2 RESPONSE 100 CHANNEL_SUPERVISOR 2026-11-20T03:15:00Z}, with
 * {@code -} for no due time. Rule ids never hold a space or a semicolon (the sheet checks them).
 */
final class EscalationPlan {

    private static final String STEPS = ";";
    private static final String FIELDS = " ";
    private static final String NOT_TIMED = "-";
    static final EscalationPlan EMPTY = new EscalationPlan(List.of());

    private final List<PlannedEscalation> steps;

    private EscalationPlan(List<PlannedEscalation> steps) {
        this.steps = List.copyOf(steps);
    }

    static EscalationPlan of(List<PlannedEscalation> steps) {
        return steps.isEmpty() ? EMPTY : new EscalationPlan(steps);
    }

    static EscalationPlan parse(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        List<PlannedEscalation> steps = new ArrayList<>();
        for (String step : text.split(STEPS)) {
            String[] field = step.split(FIELDS);
            if (field.length != 5) {
                throw new IllegalArgumentException("Not an escalation step: " + step);
            }
            steps.add(new PlannedEscalation(field[0], DeadlineKind.valueOf(field[1]), Integer.parseInt(field[2]),
                    EscalationLevel.valueOf(field[3]), NOT_TIMED.equals(field[4]) ? null : Instant.parse(field[4])));
        }
        return new EscalationPlan(steps);
    }

    /** The text to store, or null for a plan with nothing in it. */
    String text() {
        if (steps.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(steps.size() * 56);
        for (PlannedEscalation step : steps) {
            if (!text.isEmpty()) {
                text.append(STEPS);
            }
            text.append(step.ruleId()).append(FIELDS).append(step.deadline().name()).append(FIELDS).append(step.percent())
                    .append(FIELDS).append(step.level().name()).append(FIELDS)
                    .append(step.dueAt() == null ? NOT_TIMED : UtcText.iso(step.dueAt()));
        }
        return text.toString();
    }

    List<PlannedEscalation> steps() {
        return steps;
    }

    /** When the detector must next look at the item, or null if nothing is pending. */
    Instant nextDueAt() {
        return steps.stream().map(PlannedEscalation::dueAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The pending steps due by {@code now}, earliest first (steps due together keep the sheet's order). */
    List<PlannedEscalation> dueBy(Instant now) {
        return steps.stream().filter(step -> step.dueAt() != null && !step.dueAt().isAfter(now))
                .sorted(Comparator.comparing(PlannedEscalation::dueAt)).toList();
    }

    /** The plan once the steps due by {@code now} are handled: dispatch steps stay as policy, untimed. */
    EscalationPlan handledBy(Instant now) {
        List<PlannedEscalation> left = new ArrayList<>();
        for (PlannedEscalation step : steps) {
            boolean handled = step.dueAt() != null && !step.dueAt().isAfter(now);
            if (!handled) {
                left.add(step);
            } else if (step.deadline() == DeadlineKind.DISPATCH) {
                left.add(untimed(step));
            }
        }
        return of(left);
    }

    /** The plan for a new wait for dispatch: every dispatch step timed again, any earlier timing dropped. */
    EscalationPlan redispatched(Function<PlannedEscalation, Instant> dueAt) {
        return of(steps.stream().map(step -> step.deadline() == DeadlineKind.DISPATCH
                ? new PlannedEscalation(step.ruleId(), step.deadline(), step.percent(), step.level(), dueAt.apply(step))
                : step).toList());
    }

    private static PlannedEscalation untimed(PlannedEscalation step) {
        return new PlannedEscalation(step.ruleId(), step.deadline(), step.percent(), step.level(), null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EscalationPlan plan && plan.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return Objects.toString(text(), "(nothing planned)");
    }
}
