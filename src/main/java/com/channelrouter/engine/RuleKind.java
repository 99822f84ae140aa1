package com.channelrouter.engine;

/**
 * The four kinds of generated rule: which template writes each as DRL, which activation group and salience
 * it takes, and what its consequence reports to {@link RuleMatches}. The DRL templates say the same things
 * in DRL; GeneratedRulesTests holds the two together.
 */
enum RuleKind {
    ROUTING("routing-row.drl.template", "routing", true, "routingRow"),
    ASSIST("assist.drl.template", null, false, "assistApplies"),
    SLA("sla-row.drl.template", "sla", true, "slaRow"),
    ESCALATION("escalation-row.drl.template", null, false, "escalationRow");

    private final String template;
    private final String activationGroup;
    private final boolean ordered;
    private final String report;

    RuleKind(String template, String activationGroup, boolean ordered, String report) {
        this.template = template;
        this.activationGroup = activationGroup;
        this.ordered = ordered;
        this.report = report;
    }

    String template() {
        return template;
    }

    /** First match wins within this group; null when every matching rule applies. */
    String activationGroup() {
        return activationGroup;
    }

    /** Whether earlier rows take precedence (higher salience). */
    boolean ordered() {
        return ordered;
    }

    /** What the consequence of the rule for row {@code index} does. */
    void report(RuleMatches matches, int index) {
        switch (this) {
            case ROUTING -> matches.routingRow(index);
            case ASSIST -> matches.assistApplies(index);
            case SLA -> matches.slaRow(index);
            case ESCALATION -> matches.escalationRow(index);
        }
    }

    /** The same consequence as DRL, exactly as the templates write it. */
    String consequenceDrl(int index) {
        return "matches." + report + "( " + index + " );";
    }
}
