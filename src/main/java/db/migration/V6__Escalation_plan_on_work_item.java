package db.migration;

import com.channelrouter.workitem.EscalationStepsToPlans;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A routed item's escalation plan moves from up to eight rows of {@code escalation_step} onto the item's
 * own row (issue 6: those rows were most of what storing an item cost). In Java because existing plans
 * are rewritten, not just the schema; Flyway finds it beside the SQL migrations (location
 * {@code classpath:db/migration}).
 */
public class V6__Escalation_plan_on_work_item extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        EscalationStepsToPlans.migrate(context.getConnection());
    }
}
