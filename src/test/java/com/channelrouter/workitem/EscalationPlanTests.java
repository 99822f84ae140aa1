package com.channelrouter.workitem;

import com.channelrouter.domain.DeadlineKind;
import com.channelrouter.domain.EscalationLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationPlanTests {

    static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant TEN = Instant.parse("2026-11-20T10:00:00.123456Z");

    static PlannedEscalation step(String rule, DeadlineKind deadline, Instant dueAt) {
        return new PlannedEscalation(rule, deadline, 80, EscalationLevel.CHANNEL_SUPERVISOR, dueAt);
    }

    final EscalationPlan plan = EscalationPlan.of(List.of(step("E1", DeadlineKind.RESPONSE, TEN),
            step("E2", DeadlineKind.RESOLVE, NINE), step("E7", DeadlineKind.DISPATCH, null)));

    @Test
    void textReadsBackToTheSamePlan() {
        assertThat(plan.text()).isEqualTo("E1 RESPONSE 80 CHANNEL_SUPERVISOR 2026-11-20T10:00:00.123456Z;"
                + "E2 RESOLVE 80 CHANNEL_SUPERVISOR 2026-11-20T09:00:00Z;E7 DISPATCH 80 CHANNEL_SUPERVISOR -");
        assertThat(EscalationPlan.parse(plan.text())).isEqualTo(plan);
    }

    @Test
    void nothingPlannedIsStoredAsNull() {
        assertThat(EscalationPlan.of(List.of()).text()).isNull();
        assertThat(EscalationPlan.parse(null)).isEqualTo(EscalationPlan.EMPTY);
        assertThat(EscalationPlan.EMPTY.nextDueAt()).isNull();
    }

    @Test
    void damagedTextIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> EscalationPlan.parse("E1 RESPONSE 80")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepsComeDueEarliestFirst() {
        assertThat(plan.nextDueAt()).isEqualTo(NINE);
        assertThat(plan.dueBy(NINE.minusNanos(1))).isEmpty();
        assertThat(plan.dueBy(TEN)).extracting(PlannedEscalation::ruleId).containsExactly("E2", "E1");
    }

    @Test
    void handledStepsLeaveThePlanButDispatchPolicyStaysUntimed() {
        EscalationPlan timed = plan.redispatched(step -> TEN);
        EscalationPlan left = timed.handledBy(TEN);

        assertThat(left.steps()).containsExactly(step("E7", DeadlineKind.DISPATCH, null));
        assertThat(left.nextDueAt()).isNull();
        assertThat(plan.handledBy(NINE).steps()).extracting(PlannedEscalation::ruleId).containsExactly("E1", "E7");
    }

    @Test
    void aReturnTimesOnlyTheDispatchSteps() {
        Instant eleven = Instant.parse("2026-11-20T11:00:00Z");

        EscalationPlan again = plan.redispatched(step -> eleven);

        assertThat(again.steps()).containsExactly(step("E1", DeadlineKind.RESPONSE, TEN), step("E2", DeadlineKind.RESOLVE, NINE),
                step("E7", DeadlineKind.DISPATCH, eleven));
    }
}
