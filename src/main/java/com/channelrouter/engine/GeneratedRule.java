package com.channelrouter.engine;

import java.util.List;

/**
 * One rule generated from one table row, before it is written: the DRL for reviewers and the model Drools
 * builds are both made from this, so they describe the same rule.
 *
 * @param outcome    what the row decides, for the reviewer's comment (" then owner CORE_AGENT"), or empty: an outcome
 *                   changed in a workbook shows in a diff of the DRL although the rule's conditions stay the same
 * @param conditions what the rule tests, equality tests first; none means the rule matches every item
 */
record GeneratedRule(RuleKind kind, int index, String name, String location, String outcome, List<Condition> conditions) {

    GeneratedRule {
        conditions = List.copyOf(conditions);
    }

    /** Each condition as DRL, {@code property == literal} or {@code property in (literals)}, in order. */
    List<String> constraints() {
        return conditions.stream().map(Condition::drl).toList();
    }

    /** Earlier rows win: row 0 has the highest salience. */
    int salience() {
        return -index;
    }
}
