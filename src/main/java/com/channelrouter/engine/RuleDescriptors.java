package com.channelrouter.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.dsl.DescrFactory;
import org.drools.drl.ast.dsl.PackageDescrBuilder;
import org.drools.drl.ast.dsl.PatternDescrBuilder;
import org.drools.drl.ast.dsl.RuleDescrBuilder;
import org.drools.io.DescrResource;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated rules as Drools' own parse tree (package, rule, pattern descriptors), the tree that parsing
 * their DRL would give, built directly: parsing 10,000 rules of DRL text was a quarter of compiling them.
 * <p>
 * Every text put in the tree is held to the shapes {@link DrlTemplate} allows, as in the DRL, because Drools
 * still parses constraints itself. Consequences are left empty here; RuleCompiler puts the {@link RowConsequence}s in their place.
 */
final class RuleDescriptors {

    /** As in header.drl.template. */
    static final String PACKAGE = "com.channelrouter.rules.generated";
    static final List<String> IMPORTS = List.of("com.channelrouter.engine.RoutingFacts", "com.channelrouter.domain.*");
    static final String GLOBAL_TYPE = "com.channelrouter.engine.RuleMatches";
    static final String GLOBAL = "matches";
    static final String FACT_TYPE = "RoutingFacts";

    private final PackageDescr descr;
    private final Map<String, RowConsequence> consequences;

    private RuleDescriptors(PackageDescr descr, Map<String, RowConsequence> consequences) {
        this.descr = descr;
        this.consequences = consequences;
    }

    static RuleDescriptors of(List<GeneratedRule> rules) {
        PackageDescrBuilder pkg = DescrFactory.newPackage().name(PACKAGE);
        IMPORTS.forEach(target -> pkg.newImport().target(target).end());
        pkg.newGlobal().type(GLOBAL_TYPE).identifier(GLOBAL).end();
        Map<String, RowConsequence> consequences = new HashMap<>(rules.size() * 2);
        for (GeneratedRule rule : rules) {
            String name = DrlTemplate.requireShape(rule.location(), "ruleName", rule.name());
            if (consequences.put(name, new RowConsequence(rule.kind(), rule.index())) != null) {
                throw new IllegalArgumentException("two rules would be named " + name);
            }
            addRule(pkg, name, rule);
        }
        return new RuleDescriptors(pkg.getDescr(), Map.copyOf(consequences));
    }

    private static void addRule(PackageDescrBuilder pkg, String name, GeneratedRule rule) {
        RuleDescrBuilder builder = pkg.newRule().name(name);
        if (rule.kind().activationGroup() != null) {
            builder.attribute("activation-group", rule.kind().activationGroup());
        }
        if (rule.kind().ordered()) {
            builder.attribute("salience", DrlTemplate.requireShape(name, "salience", Integer.toString(rule.salience())));
        }
        // MVEL, so that the empty consequence costs no generated Java class; constraints are MVEL in either dialect
        builder.attribute("dialect", "mvel");
        PatternDescrBuilder<?> pattern = builder.lhs().pattern(FACT_TYPE);
        for (String constraint : rule.constraints()) {
            pattern.constraint(DrlTemplate.requireShape(name, "constraint", constraint));
        }
        builder.rhs("");
        builder.end();
    }

    /** The rule base Drools builds from these descriptors, each rule running its {@link RowConsequence}. */
    KieBase newKieBase(String sourcePath) {
        DescrResource resource = new DescrResource(descr);
        resource.setSourcePath(sourcePath);
        KieBase kieBase = RuleCompiler.build(resource, ResourceType.DESCR).newKieBase();
        replaceConsequences(kieBase);
        // every rule keeps its resource, and this resource is the whole tree: let the rules' descriptors go
        // (20 MiB of a 10,000-row version, copied by the collector while a candidate is built under load)
        descr.getRules().clear();
        return kieBase;
    }

    /**
     * Puts each rule's {@link RowConsequence} in place of its empty MVEL one. Only once the rule base is made:
     * making it wires the MVEL consequences into the rules (MVELDialectRuntimeData.onBeforeExecute), and this
     * rule base is never added to after, so nothing wires them again.
     */
    private void replaceConsequences(KieBase kieBase) {
        int replaced = 0;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RowConsequence consequence = consequences.get(rule.getName());
                if (consequence == null) {
                    throw new IllegalStateException("no consequence for rule " + rule.getName());
                }
                ((RuleImpl) rule).setConsequence(consequence);
                replaced++;
            }
        }
        if (replaced != consequences.size()) {
            throw new IllegalStateException(consequences.size() + " rules generated, " + replaced + " built");
        }
    }

    PackageDescr packageDescr() {
        return descr;
    }

    /** The consequence each rule, by name, runs in place of its empty one. */
    Map<String, RowConsequence> consequences() {
        return consequences;
    }
}
