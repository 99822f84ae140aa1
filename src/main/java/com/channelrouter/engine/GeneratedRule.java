package com.channelrouter.engine;

import java.util.List;

/**
 * One rule generated from one table row, before it is written: the DRL for reviewers and the descriptors
 * Drools builds are both made from this, so they describe the same rule.
 *
 * @param constraints each one {@code property == literal} or {@code property in (literals)}, equality
 *                    tests first; none means the rule matches every item
 */
record GeneratedRule(RuleKind kind, int index, String name, String location, List<Condition> conditions,
                     List<String> constraints) {

    GeneratedRule {
        conditions = List.copyOf(conditions);
        constraints = List.copyOf(constraints);
    }

    /** Earlier rows win: row 0 has the highest salience. */
    int salience() {
        return -index;
    }
}
