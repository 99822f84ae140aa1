package com.channelrouter.engine;

import com.channelrouter.bench.BigTables;
import com.channelrouter.tables.DecisionTableLoader;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.model.Constraint;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.SingleConstraint;
import org.drools.model.patterns.CompositePatterns;
import org.drools.model.patterns.PatternImpl;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drools builds the rules from the executable model, while reviewers read DRL: parsed by Drools, the DRL must
 * give exactly the rules of the model, rule for rule: name, attributes and constraints in order. The model's
 * consequences are lambdas that cannot be read back, so what they report is checked by running them:
 * ReviewedDrlTests compiles the DRL on its own and compares every decision with the served rules.
 */
class GeneratedRulesTests {

    private final CompiledRules rules = new DecisionTableLoader(new RuleCompiler())
            .load(BigTables.withRoutingRows(300)).tables().rules();

    @Test
    void theDrlParsesIntoTheRulesOfTheModel() throws Exception {
        List<GeneratedRule> generated = RuleCompiler.rules(rules.routingRows(), rules.slaRows(), rules.escalationRows());
        Model model = RuleModel.of(generated).model();
        DrlParser parser = new DrlParser();
        PackageDescr parsed = parser.parse(null, rules.drl());
        assertThat(parser.getErrors()).isEmpty();

        assertThat(model.getGlobals()).map(g -> g.getPackage() + " " + g.getType().getName() + " " + g.getName())
                .containsExactly(parsed.getName() + " " + parsed.getGlobals().get(0).getType() + " "
                        + parsed.getGlobals().get(0).getIdentifier());
        Map<String, String> consequences = new TreeMap<>();
        generated.forEach(rule -> consequences.put(rule.name(), rule.kind().consequenceDrl(rule.index())));
        assertThat(described(model, consequences)).isEqualTo(described(parsed)).hasSize(generated.size());
    }

    @Test
    void theModelSharesAndHashesItsConstraintsAsTheDrlDoes() {
        // Drools shares an alpha node between constraints of the same name, and hashes indexed equality tests:
        // the network built from the model must have the shape of the one built from the DRL, or big tables slow down
        CompiledRules fromDrl = new RuleCompiler().compileFromDrl(rules.version(), rules.routingRows(), rules.slaRows(),
                rules.escalationRows());
        AlphaNetwork served = AlphaNetwork.of(rules);
        assertThat(served).isEqualTo(AlphaNetwork.of(fromDrl));
        assertThat(served.hashedSinks()).isPositive();
        int constraints = RuleCompiler.rules(rules.routingRows(), rules.slaRows(), rules.escalationRows()).stream()
                .mapToInt(rule -> rule.constraints().size()).sum();
        assertThat(served.alphaNodes()).as("shared among %s constraints", constraints).isLessThan(constraints / 4);
    }

    /** How many alpha nodes the rule base has, and how many of their sink lists Drools hashes by value. */
    private record AlphaNetwork(int alphaNodes, int hashedSinks) {

        static AlphaNetwork of(CompiledRules rules) {
            Set<AlphaNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            int[] hashed = {0};
            for (ObjectTypeNode type : ((InternalRuleBase) rules.kieBase()).getRete().getObjectTypeNodes()) {
                walk(type, seen, hashed);
            }
            return new AlphaNetwork(seen.size(), hashed[0]);
        }

        private static void walk(ObjectSource source, Set<AlphaNode> seen, int[] hashed) {
            ObjectSinkPropagator sinks = source.getObjectSinkPropagator();
            if (sinks instanceof CompositeObjectSinkAdapter composite && composite.getHashedSinkMap() != null) {
                hashed[0]++;
            }
            for (ObjectSink sink : sinks.getSinks()) {
                if (sink instanceof AlphaNode alpha && seen.add(alpha)) {
                    walk(alpha, seen, hashed);
                }
            }
        }
    }

    @Test
    void ruleNamesAreHeldToTheTemplatesShapes() {
        GeneratedRule named = new GeneratedRule(RuleKind.SLA, 0, "S1\" salience 100", "SLA row 4", "", List.of());
        assertThatThrownBy(() -> RuleModel.of(List.of(named))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forbidden shape");
    }

    /** One line per rule of the model: name, attributes, constraints, consequence. */
    private static List<String> described(Model model, Map<String, String> consequences) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : model.getRules()) {
            Map<String, String> attributes = new TreeMap<>();
            String group = rule.getAttribute(Rule.Attribute.ACTIVATION_GROUP);
            if (group != null) {
                attributes.put("activation-group", group);
            }
            Integer salience = rule.getAttribute(Rule.Attribute.SALIENCE);
            if (salience != null && salience != 0) {
                attributes.put("salience", salience.toString());
            }
            PatternImpl<?> pattern = (PatternImpl<?>) ((CompositePatterns) rule.getView()).getSubConditions().get(0);
            List<String> constraints = new ArrayList<>();
            collectExprIds(pattern.getConstraint(), constraints);
            lines.add(rule.getName() + " " + attributes + " " + pattern.getPatternVariable().getType().getSimpleName()
                    + constraints + " then " + consequences.get(rule.getName()));
        }
        return lines;
    }

    private static void collectExprIds(Constraint constraint, List<String> into) {
        if (constraint == SingleConstraint.TRUE) {
            return; // what the model says for a pattern without constraints, a rule that matches every item
        }
        if (constraint instanceof SingleConstraint single) {
            into.add(single.getExprId());
        } else {
            assertThat(constraint.getType()).isIn(Constraint.Type.MULTIPLE, Constraint.Type.AND);
            constraint.getChildren().forEach(child -> collectExprIds(child, into));
        }
    }

    /** The same line for each rule of the parsed DRL. */
    private static List<String> described(PackageDescr pkg) {
        List<String> lines = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            Map<String, String> attributes = new TreeMap<>();
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                if (!attribute.getName().equals("salience") || !attribute.getValue().equals("0")) {
                    attributes.put(attribute.getName(), attribute.getValue());
                }
            }
            PatternDescr pattern = (PatternDescr) rule.getLhs().getDescrs().get(0);
            assertThat(rule.getLhs().getDescrs()).hasSize(1);
            lines.add(rule.getName() + " " + attributes + " " + pattern.getObjectType() + pattern.getDescrs().stream()
                    .map(c -> ((ExprConstraintDescr) c).getExpression()).toList() + " then " + ((String) rule.getConsequence()).trim());
        }
        return lines;
    }
}
