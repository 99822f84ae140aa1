package com.channelrouter.engine;

import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.consequence.Consequence;
import org.drools.core.rule.consequence.KnowledgeHelper;

/**
 * The consequence of a generated rule, as plain Java: report the row to the {@code matches} global.
 * <p>
 * Every generated consequence is one call with a row number, yet Drools' Java dialect writes, compiles
 * (ECJ) and loads a class and an invoker per rule for it: a fifth of compiling a 10,000-row table. So the
 * rules are built with an empty consequence and this object is put in its place (RuleCompiler), which
 * does what the DRL's {@code matches.routingRow( 5 );} says, no slower than the generated class did.
 */
record RowConsequence(RuleKind kind, int index) implements Consequence<KnowledgeHelper> {

    @Override
    public String getName() {
        return RuleImpl.DEFAULT_CONSEQUENCE_NAME;
    }

    @Override
    public void evaluate(KnowledgeHelper knowledgeHelper, ValueResolver valueResolver) {
        kind.report((RuleMatches) valueResolver.getGlobal(RuleDescriptors.GLOBAL), index);
    }

    /** What this consequence does, in the words of the DRL that reviewers read. */
    String drl() {
        return kind.consequenceDrl(index);
    }
}
