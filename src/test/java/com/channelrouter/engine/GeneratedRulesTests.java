package com.channelrouter.engine;

import com.channelrouter.bench.BigTables;
import com.channelrouter.tables.DecisionTableLoader;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drools builds the rules from descriptors, while reviewers read DRL: parsed by Drools, the DRL must give
 * exactly the descriptors that are built, rule for rule, with the consequence each rule runs.
 * (ReviewedDrlTests compiles both and compares what they decide.)
 */
class GeneratedRulesTests {

    private final CompiledRules rules = new DecisionTableLoader(new RuleCompiler())
            .load(BigTables.withRoutingRows(300)).tables().rules();

    @Test
    void theDrlParsesIntoTheDescriptorsThatAreBuilt() throws Exception {
        List<GeneratedRule> generated = RuleCompiler.rules(rules.routingRows(), rules.slaRows(), rules.escalationRows());
        RuleDescriptors built = RuleDescriptors.of(generated);
        DrlParser parser = new DrlParser();
        PackageDescr parsed = parser.parse(null, rules.drl());
        assertThat(parser.getErrors()).isEmpty();

        assertThat(built.packageDescr().getName()).isEqualTo(parsed.getName());
        assertThat(built.packageDescr().getImports()).map(i -> i.getTarget())
                .isEqualTo(parsed.getImports().stream().map(i -> i.getTarget()).toList());
        assertThat(built.packageDescr().getGlobals()).map(g -> g.getType() + " " + g.getIdentifier())
                .isEqualTo(parsed.getGlobals().stream().map(g -> g.getType() + " " + g.getIdentifier()).toList());
        assertThat(described(built.packageDescr(), rule -> built.consequences().get(rule.getName()).drl()))
                .isEqualTo(described(parsed, rule -> ((String) rule.getConsequence()).trim()))
                .hasSize(generated.size());
        assertThat(built.packageDescr().getRules()).allSatisfy(rule -> assertThat((String) rule.getConsequence()).isEmpty());
    }

    @Test
    void descriptorsAreHeldToTheTemplatesShapes() {
        GeneratedRule injected = new GeneratedRule(RuleKind.ROUTING, 0, "R1 (Routing LEAD row 4)", "Routing LEAD row 4",
                List.of("itemType == ItemType.LEAD || true"));
        assertThatThrownBy(() -> RuleDescriptors.of(List.of(injected))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forbidden shape");
        GeneratedRule named = new GeneratedRule(RuleKind.SLA, 0, "S1\" salience 100", "SLA row 4", List.of());
        assertThatThrownBy(() -> RuleDescriptors.of(List.of(named))).isInstanceOf(IllegalArgumentException.class);
    }

    /** One line per rule: name, attributes (but the dialect of the empty consequence), pattern, consequence. */
    private static List<String> described(PackageDescr pkg, Function<RuleDescr, String> consequence) {
        List<String> lines = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            Map<String, String> attributes = new TreeMap<>();
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                if (!attribute.getName().equals("dialect")) {
                    attributes.put(attribute.getName(), attribute.getValue());
                }
            }
            List<String> patterns = new ArrayList<>();
            for (BaseDescr element : rule.getLhs().getDescrs()) {
                PatternDescr pattern = (PatternDescr) element;
                patterns.add(pattern.getObjectType() + pattern.getDescrs().stream()
                        .map(c -> ((ExprConstraintDescr) c).getExpression()).toList());
            }
            lines.add(rule.getName() + " " + attributes + " " + patterns + " then " + consequence.apply(rule));
        }
        return lines;
    }
}
