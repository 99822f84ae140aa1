package com.channelrouter.engine;

import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns typed table rows into DRL through the templates in {@code rules/} and builds a Drools rule base
 * from it, off to the side: nothing is served until the caller swaps the result in.
 */
public final class RuleCompiler {

    private final DrlTemplate header = DrlTemplate.load("header.drl.template");
    private final DrlTemplate routingRow = DrlTemplate.load("routing-row.drl.template");
    private final DrlTemplate assist = DrlTemplate.load("assist.drl.template");
    private final DrlTemplate slaRow = DrlTemplate.load("sla-row.drl.template");
    private final DrlTemplate escalationRow = DrlTemplate.load("escalation-row.drl.template");

    public CompiledRules compile(String version, List<RoutingRow> routing, List<SlaRow> sla, List<EscalationRow> escalation) {
        String drl = generateDrl(version, routing, sla, escalation);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                .setSourcePath("version-" + version + ".drl"), ResourceType.DRL);
        if (builder.hasErrors()) {
            List<String> messages = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                messages.add(error.getMessage());
            }
            throw new RuleCompilationException(messages);
        }
        KieBase kieBase = builder.newKieBase();
        return new CompiledRules(version, kieBase, routing, sla, escalation, drl);
    }

    /** The DRL for these rows, as a reviewer would read it. */
    public String generateDrl(String version, List<RoutingRow> routing, List<SlaRow> sla, List<EscalationRow> escalation) {
        StringBuilder drl = new StringBuilder(512 + 400 * (routing.size() + sla.size() + escalation.size()));
        drl.append(header.render(Map.of("version", version)));
        for (int i = 0; i < routing.size(); i++) {
            RoutingRow row = routing.get(i);
            String name = ruleName(row.ruleId(), row.location());
            List<Condition> when = new ArrayList<>();
            when.add(Condition.of(FactField.ITEM_TYPE, List.of(row.itemType())));
            when.addAll(row.conditions());
            drl.append(routingRow.render(Map.of(
                    "location", location(row.location()),
                    "ruleName", name,
                    "salience", Integer.toString(-i),
                    "constraints", constraints(when),
                    "index", Integer.toString(i))));
            if (!row.assistConditions().isEmpty()) {
                List<Condition> assistWhen = new ArrayList<>();
                assistWhen.add(Condition.of(FactField.ITEM_TYPE, List.of(row.itemType())));
                assistWhen.addAll(row.assistConditions());
                drl.append(assist.render(Map.of(
                        "location", location(row.location()),
                        "ruleName", name,
                        "constraints", constraints(assistWhen),
                        "index", Integer.toString(i))));
            }
        }
        for (int i = 0; i < sla.size(); i++) {
            SlaRow row = sla.get(i);
            drl.append(slaRow.render(Map.of(
                    "location", location(row.location()),
                    "ruleName", ruleName(row.ruleId(), row.location()),
                    "salience", Integer.toString(-i),
                    "constraints", constraints(row.conditions()),
                    "index", Integer.toString(i))));
        }
        for (int i = 0; i < escalation.size(); i++) {
            EscalationRow row = escalation.get(i);
            drl.append(escalationRow.render(Map.of(
                    "location", location(row.location()),
                    "ruleName", ruleName(row.ruleId(), row.location()),
                    "constraints", constraints(row.conditions()),
                    "index", Integer.toString(i))));
        }
        return drl.toString();
    }

    private static String ruleName(String ruleId, RowLocation location) {
        return ruleId + " (" + location.sheet() + " row " + location.excelRow() + ")";
    }

    private static String location(RowLocation location) {
        return location.sheet() + " row " + location.excelRow();
    }

    /** Equality tests first: Drools hashes equality constraints on enums, which keeps big tables fast. */
    static String constraints(List<Condition> conditions) {
        return conditions.stream()
                .sorted((a, b) -> Integer.compare(a.values().size(), b.values().size()))
                .map(RuleCompiler::constraint)
                .collect(Collectors.joining(", "));
    }

    private static String constraint(Condition condition) {
        String property = condition.field().property();
        Collection<Object> values = condition.values();
        if (values.size() == 1) {
            return property + " == " + literal(values.iterator().next());
        }
        return property + " in (" + values.stream().map(RuleCompiler::literal).sorted()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String literal(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }
        if (value instanceof Boolean flag) {
            return flag.toString();
        }
        if (value instanceof String code && Condition.PRODUCT_CODE.matcher(code).matches()) {
            return "\"" + code + "\"";
        }
        throw new IllegalArgumentException("not a value a rule may test: " + value);
    }
}
