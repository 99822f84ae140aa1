package com.channelrouter.routing;

import com.channelrouter.customer.Customer;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.ItemType;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.EscalationRow;
import com.channelrouter.engine.FactField;
import com.channelrouter.engine.RoutingFacts;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.RowLocation;
import com.channelrouter.engine.RuleOutcome;
import com.channelrouter.engine.SlaRow;
import com.channelrouter.sla.Deadlines;
import com.channelrouter.support.Ids;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.tables.Product;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.ProblemTypes;
import com.channelrouter.web.UnprocessableException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides who owns an item: completes its facts (registry, catalogue), lets the live decision tables
 * pick the first matching routing and SLA rows, counts the deadlines on the business calendar, and
 * explains it all. Stores nothing.
 */
@Service
public class RoutingDecisions {

    private final LiveDecisionTables live;
    private final CustomerProfiles profiles;
    private final Clock clock;

    RoutingDecisions(LiveDecisionTables live, CustomerProfiles profiles, Clock clock) {
        this.live = live;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * Decisions without a customer registry or a database, for code that runs outside the service (the
     * replay command line); only {@link #decideWith} may be used on it.
     */
    public static RoutingDecisions withoutRegistry(LiveDecisionTables live, Clock clock) {
        return new RoutingDecisions(live, new CustomerProfiles(null), clock);
    }

    /** A what-if decision: goes on from the request alone when the customer registry is unreachable. */
    public RoutingDecision evaluate(RoutingItem item) {
        return decide(item, CustomerProfiles.RegistryUse.BEST_EFFORT);
    }

    /**
     * What a given table version (a candidate, an old one) decides, from the item's own fields only: the
     * registry is not asked, so the answer depends on the tables and the item alone.
     */
    public RoutingDecision decideWith(DecisionTables tables, RoutingItem item) {
        return decide(tables, item, CustomerProfiles.RegistryUse.NONE);
    }

    RoutingDecision decide(RoutingItem item, CustomerProfiles.RegistryUse registryUse) {
        return decide(live.current(), item, registryUse);
    }

    /** The registry entries a batch chunk's items need, read at once (see {@link CustomerProfiles#registeredFor}). */
    Map<String, Customer> registeredFor(Collection<RoutingItem> items) {
        return profiles.registeredFor(items);
    }

    /** A decision to store, with the registry entries read beforehand by {@link #registeredFor}. */
    RoutingDecision decide(RoutingItem item, Map<String, Customer> registered) {
        DecisionTables tables = live.current();
        return decide(tables, item, product(tables, item), profiles.resolve(item, registered));
    }

    private RoutingDecision decide(DecisionTables tables, RoutingItem item, CustomerProfiles.RegistryUse registryUse) {
        Product product = product(tables, item);
        return decide(tables, item, product, profiles.resolve(item, registryUse));
    }

    private static Product product(DecisionTables tables, RoutingItem item) {
        return item.productCode() == null ? null : tables.products().find(item.productCode())
                .orElseThrow(() -> InvalidRequestException.of("productCode", "is not in the product catalogue; known products: "
                        + tables.products().products().stream().map(Product::code).collect(Collectors.joining(", "))));
    }

    private RoutingDecision decide(DecisionTables tables, RoutingItem item, Product product, CustomerProfile customer) {
        if (customer.customerClass() == CustomerClass.POTENTIAL && item.itemType() != ItemType.LEAD) {
            throw new UnprocessableException(ProblemTypes.UNROUTABLE_ITEM, "Not routable",
                    article(item.itemType()) + " " + item.itemType() + " must be about an existing customer, but customer " + customer.customerId()
                            + " is POTENTIAL (" + switch (customer.classOrigin()) {
                                case DEFAULT -> "unknown to the registry and no class in the request";
                                case UNKNOWN -> "no class in the request, and the registry could not be reached";
                                case NOT_ASKED -> "no class in the request, and the customer registry is not read here";
                                default -> "class POTENTIAL";
                            } + "). Nothing was stored.",
                    List.of(new FieldProblem("customer.customerClass", "is POTENTIAL; " + article(item.itemType()).toLowerCase(Locale.ROOT) + " " + item.itemType()
                            + " needs a customer of class A, B, C or D")));
        }
        RoutingFacts facts = RoutingFacts.builder(item.itemType())
                .customer(customer.customerClass(), customer.accountManagerTagged())
                .product(item.productCode(), product == null ? null : product.category(), product == null ? null : product.openedOnline())
                .source(item.sourceChannel())
                .leadStage(item.leadStage())
                .alertKind(item.alertKind())
                .fault(item.faultCategory(), item.severity())
                .build();
        RuleOutcome outcome = tables.rules().evaluate(facts);
        RoutingRow routing = outcome.routing();
        SlaRow sla = outcome.sla();
        if (routing == null) {
            throw unroutable("No row of the sheet Routing " + item.itemType() + " matches this item", facts);
        }
        if (sla == null) {
            throw unroutable("No row of the sheet SLA matches this item", facts);
        }
        Deadlines deadlines = Deadlines.of(item.occurredAt(), sla.terms(), routing.secondTransfer(), tables.calendar());
        return new RoutingDecision(
                Ids.next(), null, item.itemType(), customer.customerId(), customer.customerClass(),
                customer.accountManagerTagged(), item.sourceChannel(), routing.ownerChannel(), routing.secondTransfer(),
                routing.targetChannel(), outcome.assistApplies() ? routing.assistChannels() : List.of(), routing.ruleId(),
                new RoutingDecision.Sla(sla.ruleId(), sla.terms().clock(), sla.terms().responseMinutes(),
                        sla.terms().resolveMinutes(), sla.terms().dispatchMinutes(),
                        deadlines.clockStartsAt(), deadlines.responseDueAt(), deadlines.resolveDueAt(), deadlines.dispatchDueAt(),
                        escalations(outcome.escalations(), item, sla, routing.secondTransfer(), tables)),
                tables.version(), customer.registryUnavailable(), item.occurredAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                List.of(matchedRow("routing", routing.ruleId(), routing.location()), matchedRow("sla", sla.ruleId(), sla.location())),
                Explanation.lines(item, customer, product, routing, outcome.assistApplies(), sla, deadlines, tables.calendar(),
                        tables.version()));
    }

    private static List<RoutingDecision.Escalation> escalations(List<EscalationRow> rows, RoutingItem item, SlaRow sla,
                                                                boolean secondTransfer, DecisionTables tables) {
        List<RoutingDecision.Escalation> planned = new ArrayList<>();
        for (EscalationRow row : rows) {
            Integer minutes = switch (row.deadline()) {
                case RESPONSE -> sla.terms().responseMinutes();
                case RESOLVE -> sla.terms().resolveMinutes();
                case DISPATCH -> secondTransfer ? sla.terms().dispatchMinutes() : null;
            };
            Instant at = minutes == null ? null
                    : Deadlines.threshold(item.occurredAt(), minutes, row.percent(), sla.terms().clock(), tables.calendar());
            planned.add(new RoutingDecision.Escalation(row.ruleId(), row.deadline(), row.percent(), row.level(), at));
        }
        return planned;
    }

    private static String article(ItemType type) {
        return type == ItemType.ALERT ? "An" : "A";
    }

    private static RoutingDecision.MatchedRow matchedRow(String table, String rule, RowLocation at) {
        return new RoutingDecision.MatchedRow(table, rule, at.workbook(), at.sheet(), at.excelRow());
    }

    private static UnprocessableException unroutable(String what, RoutingFacts facts) {
        List<String> shown = new ArrayList<>();
        for (FactField field : FactField.values()) {
            Object value = facts.valueOf(field);
            if (value != null) {
                shown.add(Condition.of(field, List.of(value)).describe());
            }
        }
        return new UnprocessableException(ProblemTypes.UNROUTABLE_ITEM, "Not routable",
                what + " (" + String.join("; ", shown) + "); the decision tables leave it unrouted. Nothing was stored.",
                List.of());
    }
}
