package com.channelrouter.engine;

import org.drools.model.AlphaIndex;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL.PatternDef;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.model.impl.RuleBuilder;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

/**
 * The generated rules as Drools' executable model, built at run time: each rule a Java object whose
 * constraints are predicates over {@link RoutingFacts} and whose consequence reports its row to the
 * {@code matches} global. Drools then parses no text, analyses no MVEL expression and generates no class.
 * <p>
 * Built from descriptors, a 10,000-row table spent most of its compilation, and most of its 6 GB of garbage,
 * in MVEL's analysis of 60,000 constraint strings. Here a constraint is {@link Condition#holdsFor}, the test
 * the table analysis also uses, named by its DRL text. Drools shares one alpha node among rules whose
 * constraints have the same name, so the name must say everything the predicate tests; the DRL text does
 * (field and values, the values sorted). Single-value constraints carry an index, so that Drools hashes
 * them as it hashes {@code field == literal} in DRL, and a big table costs no more per item than a small one.
 * <p>
 * Nothing here runs text from a workbook: rule names still pass the templates' shape check because they
 * appear in the DRL shown to reviewers, who can compile that DRL the classic way and get the same decisions
 * (ReviewedDrlTests).
 */
final class RuleModel {

    /** As in header.drl.template. */
    static final String PACKAGE = "com.channelrouter.rules.generated";
    static final String GLOBAL = "matches";

    private static final Variable<RoutingFacts> FACTS = declarationOf(RoutingFacts.class, "facts");
    private static final Global<RuleMatches> MATCHES = globalOf(RuleMatches.class, PACKAGE, GLOBAL);

    private final ModelImpl model;

    private RuleModel(ModelImpl model) {
        this.model = model;
    }

    static RuleModel of(List<GeneratedRule> rules) {
        ModelImpl model = new ModelImpl().addGlobal(MATCHES);
        Set<String> names = new HashSet<>(rules.size() * 2);
        for (GeneratedRule generated : rules) {
            String name = DrlTemplate.requireShape(generated.location(), "ruleName", generated.name());
            if (!names.add(name)) {
                throw new IllegalArgumentException("two rules would be named " + name);
            }
            model.addRule(ruleOf(name, generated));
        }
        return new RuleModel(model);
    }

    private static Rule ruleOf(String name, GeneratedRule generated) {
        RuleBuilder builder = rule(PACKAGE, name);
        RuleKind kind = generated.kind();
        if (kind.activationGroup() != null) {
            builder.attribute(Rule.Attribute.ACTIVATION_GROUP, kind.activationGroup());
        }
        if (kind.ordered()) {
            builder.attribute(Rule.Attribute.SALIENCE, generated.salience());
        }
        PatternDef<RoutingFacts> pattern = pattern(FACTS);
        for (Condition condition : generated.conditions()) {
            pattern = condition.values().size() == 1
                    ? pattern.expr(condition.drl(), condition::holdsFor, indexOf(condition))
                    : pattern.expr(condition.drl(), condition::holdsFor);
        }
        int index = generated.index();
        return builder.build(pattern, on(MATCHES).execute(matches -> kind.report(matches, index)));
    }

    /** Equality with one value, for Drools to hash: the field's position says which field, the value which bucket. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AlphaIndex<RoutingFacts, ?> indexOf(Condition condition) {
        FactField field = condition.field();
        return alphaIndexedBy((Class) field.valueType(), Index.ConstraintType.EQUAL, field.ordinal(),
                facts -> ((RoutingFacts) facts).valueOf(field), condition.values().iterator().next());
    }

    /**
     * The rule base of these rules, built on the calling thread: unlike Drools' DRL compiler (see
     * RuleCompiler.build), the model compiler builds no rules on a pool of its own, so an upload's check stays
     * on its background thread at its lowered priority.
     */
    KieBase newKieBase() {
        return KieBaseBuilder.createKieBaseFromModel(model);
    }

    /** The model itself, for the tests that compare it with the DRL. */
    Model model() {
        return model;
    }
}
