package com.channelrouter.engine;

import java.util.List;

/**
 * One rule generated from one table row, before it is written: the DRL for reviewers and the model Drools
 * builds are both made from this, so they describe the same rule.
 *
 * @param conditions what the rule tests, equality tests first; none means the rule matches every item
 */
record GeneratedRule(RuleKind kind, int index, String name, String location, List<Condition> conditions) {

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
