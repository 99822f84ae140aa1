package com.channelrouter.routing;

import com.channelrouter.customer.Customer;
import com.channelrouter.customer.Customers;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.tables.DecisionTableLoader;
import com.channelrouter.tables.LiveDecisionTables;
import com.channelrouter.tables.TableFiles;
import com.channelrouter.tables.TableLoadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import org.springframework.dao.DataAccessResourceFailureException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Each row of the shipped tables (DOMAIN.md's reference policy), decided by the real compiled
 * workbooks, including the first-match boundaries between neighbouring rows. The registry is mocked.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class ShippedPolicyTests {

    private static LiveDecisionTables tables;

    @Mock
    Customers customers;

    RoutingDecisions decisions;

    @BeforeAll
    static void loadShippedTables() {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(TableFiles.fromFolder(Path.of("decision-tables")));
        assertThat(result.problems()).isEmpty();
        tables = new LiveDecisionTables(result.tables());
    }

    @BeforeEach
    void decide() {
        when(customers.find(anyString())).thenReturn(Optional.empty());
        decisions = new RoutingDecisions(tables, new CustomerProfiles(customers),
                Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC));
    }

    /** Arrives Friday 2026-11-20 09:15 Shanghai. */
    static RoutingItem item(String type, String source, String customerClass, String accountManager, String product,
                            String stage, String faultCategory, String severity) {
        return RoutingItem.from(new RoutingRequest(type, null, source, "2026-11-20T01:15:00Z",
                new RoutingRequest.Customer("GC-1", null, customerClass, accountManager), blank(product), blank(stage), null,
                blank(faultCategory), blank(severity), null), Instant.EPOCH);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @ParameterizedTest(name = "{0}: {2} {3} tag={4} {5} {6} from {1} -> {8}")
    @CsvSource(nullValues = "-", value = {
            // row, source, type, class, account manager, product, stage, owner, second transfer, target, assist
            "L1, GROUP_HOTLINE, LEAD, A, AM-1, DEDICATED_LINE, OPPORTUNITY, ACCOUNT_MANAGER, false, -, EXPERIENCE_HALL",
            "L1, GROUP_HOTLINE, LEAD, B, AM-1, VPMN, OPPORTUNITY, ACCOUNT_MANAGER, false, -, -",
            "L1, WEBSITE, LEAD, D, AM-1, ENTERPRISE_MAIL, OPPORTUNITY, ACCOUNT_MANAGER, false, -, -",
            "L1, BI_SYSTEM, LEAD, A, AM-1, -, CLUE, ACCOUNT_MANAGER, false, -, -",
            "L1, SERVICE_HALL, LEAD, C, AM-1, INDUSTRY_APP, OPPORTUNITY, ACCOUNT_MANAGER, false, -, -",
            "L2, GROUP_HOTLINE, LEAD, A, -, MAS, OPPORTUNITY, OPERATIONS_CENTER, true, ACCOUNT_MANAGER, -",
            "L2, WEBSITE, LEAD, B, -, -, CLUE, OPERATIONS_CENTER, true, ACCOUNT_MANAGER, -",
            "L3, HOTLINE_10086, LEAD, C, -, VPMN, CLUE, PHONE_ACCOUNT_MANAGER, false, -, -",
            "L3, WEBSITE, LEAD, POTENTIAL, -, -, CLUE, PHONE_ACCOUNT_MANAGER, false, -, -",
            "L4, CORE_AGENT, LEAD, C, -, SHORT_NUMBER_CLUSTER, OPPORTUNITY, PHONE_ACCOUNT_MANAGER, false, -, -",
            "L4, WEBSITE, LEAD, C, -, VPMN, OPPORTUNITY, PHONE_ACCOUNT_MANAGER, false, -, -",
            "L5, WEBSITE, LEAD, D, -, ENTERPRISE_SMS, OPPORTUNITY, WEBSITE, false, -, -",
            "L5, WEBSITE, LEAD, POTENTIAL, -, ENTERPRISE_CARD, OPPORTUNITY, WEBSITE, false, -, -",
            "L6, GROUP_HOTLINE, LEAD, D, -, ENTERPRISE_SMS, OPPORTUNITY, CORE_AGENT, false, -, PHONE_ACCOUNT_MANAGER",
            "L6, WEBSITE, LEAD, C, -, ENTERPRISE_MAIL, OPPORTUNITY, CORE_AGENT, false, -, PHONE_ACCOUNT_MANAGER",
            "L6, WEBSITE, LEAD, D, -, VPMN, OPPORTUNITY, CORE_AGENT, false, -, PHONE_ACCOUNT_MANAGER",
            "A1, HOTLINE_10086, ALERT, D, AM-1, -, -, OPERATIONS_CENTER, true, ACCOUNT_MANAGER, -",
            "A1, GROUP_HOTLINE, ALERT, A, AM-1, -, -, OPERATIONS_CENTER, true, ACCOUNT_MANAGER, -",
            "A2, BI_SYSTEM, ALERT, B, AM-1, -, -, ACCOUNT_MANAGER, false, -, -",
            "A3, BI_SYSTEM, ALERT, A, -, -, -, OPERATIONS_CENTER, true, ACCOUNT_MANAGER, -",
            "A3, HOTLINE_10086, ALERT, B, -, -, -, OPERATIONS_CENTER, true, ACCOUNT_MANAGER, -",
            "A4, SERVICE_HALL, ALERT, C, -, -, -, PHONE_ACCOUNT_MANAGER, false, -, -",
            "A4, GROUP_HOTLINE, ALERT, D, -, -, -, PHONE_ACCOUNT_MANAGER, false, -, -",
    })
    void routingRow(String row, String source, String type, String customerClass, String accountManager, String product,
                    String stage, String owner, boolean secondTransfer, String target, String assist) {
        RoutingDecision decision = decisions.evaluate(item(type, source, customerClass, accountManager, product,
                type.equals("LEAD") ? stage : null, null, null));

        assertThat(decision.routingRule()).isEqualTo(row);
        assertThat(decision.ownerChannel().name()).isEqualTo(owner);
        assertThat(decision.secondTransfer()).isEqualTo(secondTransfer);
        assertThat(decision.targetChannel() == null ? null : decision.targetChannel().name()).isEqualTo(target);
        assertThat(decision.assistChannels()).map(Enum::name).isEqualTo(assist == null ? List.of() : Arrays.asList(assist.split("\\|")));
    }

    @ParameterizedTest(name = "{0}: {1} {2} tag={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "F1, NETWORK, C, -, NETWORK_MAINTENANCE, false",
            "F1, EQUIPMENT, A, AM-1, NETWORK_MAINTENANCE, false",
            "F2, BILLING, B, AM-1, BILLING_SUPPORT, false",
            "F3, BUSINESS, D, AM-1, ACCOUNT_MANAGER, false",
            "F4, BUSINESS, A, -, GROUP_HOTLINE, false",
            "F5, UNKNOWN, C, AM-1, OPERATIONS_CENTER, true",
    })
    void faultRow(String row, String category, String customerClass, String accountManager, String owner, boolean secondTransfer) {
        RoutingDecision decision = decisions.evaluate(item("FAULT", "GROUP_HOTLINE", customerClass, accountManager, "VPMN",
                null, category, null));

        assertThat(decision.routingRule()).isEqualTo(row);
        assertThat(decision.ownerChannel().name()).isEqualTo(owner);
        assertThat(decision.secondTransfer()).isEqualTo(secondTransfer);
        assertThat(decision.targetChannel()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1} class {2} {3} {4}")
    @CsvSource(nullValues = "-", value = {
            // row, type, class, product, severity, clock, response, resolve
            "S1, FAULT, A, DEDICATED_LINE, CRITICAL, ROUND_THE_CLOCK, 60, 120",
            "S1, FAULT, B, DEDICATED_LINE, MINOR, ROUND_THE_CLOCK, 60, 120",
            "S2, FAULT, C, DEDICATED_LINE, CRITICAL, ROUND_THE_CLOCK, 60, 480",
            "S2, FAULT, A, VPMN, CRITICAL, ROUND_THE_CLOCK, 60, 480",
            "S3, FAULT, D, VPMN, MAJOR, ROUND_THE_CLOCK, 120, 1440",
            "S3, FAULT, A, MAS, -, ROUND_THE_CLOCK, 120, 1440",
            "S4, ALERT, A, -, -, BUSINESS_HOURS, 240, 2880",
            "S4, ALERT, B, DEDICATED_LINE, -, BUSINESS_HOURS, 240, 2880",
            "S5, ALERT, C, -, -, BUSINESS_HOURS, 480, 4320",
            "S6, LEAD, A, VPMN, -, BUSINESS_HOURS, 240, 1440",
            "S7, LEAD, POTENTIAL, VPMN, -, BUSINESS_HOURS, 480, 2880",
            "S7, LEAD, D, DEDICATED_LINE, -, BUSINESS_HOURS, 480, 2880",
    })
    void slaRow(String row, String type, String customerClass, String product, String severity, String clock,
                int response, int resolve) {
        RoutingDecision decision = decisions.evaluate(item(type, "GROUP_HOTLINE", customerClass, "AM-1", product,
                null, type.equals("FAULT") ? "NETWORK" : null, severity));

        assertThat(decision.sla().rule()).isEqualTo(row);
        assertThat(decision.sla().clock().name()).isEqualTo(clock);
        assertThat(decision.sla().responseMinutes()).isEqualTo(response);
        assertThat(decision.sla().resolveMinutes()).isEqualTo(resolve);
    }

    @Test
    void secondTransferGetsADispatchDeadlineOnTheItemsOwnClock() {
        RoutingDecision alert = decisions.evaluate(item("ALERT", "BI_SYSTEM", "A", null, null, null, null, null));

        assertThat(alert.sla().dispatchMinutes()).isEqualTo(60);
        assertThat(alert.sla().dispatchDueAt()).isEqualTo(Instant.parse("2026-11-20T02:15:00Z")); // Fri 10:15 Shanghai
        assertThat(alert.sla().responseDueAt()).isEqualTo(Instant.parse("2026-11-20T05:15:00Z")); // Fri 13:15
    }

    @Test
    void registryIsNotAskedWhenTheRequestSaysEverything() {
        decisions.evaluate(item("LEAD", "GROUP_HOTLINE", "C", "", "VPMN", null, null, null));

        verify(customers, never()).find(anyString());
    }

    @Test
    void registryFillsWhatTheRequestLeftOut() {
        when(customers.find("GC-1")).thenReturn(Optional.of(new Customer("GC-1", "x", CustomerClass.B, "AM-9", Instant.EPOCH)));

        RoutingDecision decision = decisions.evaluate(item("ALERT", "BI_SYSTEM", null, null, null, null, null, null));

        assertThat(decision.customerClass()).isEqualTo(CustomerClass.B);
        assertThat(decision.accountManagerTagged()).isTrue();
        assertThat(decision.routingRule()).isEqualTo("A2");
    }

    @Test
    void evaluationGoesOnWhenTheRegistryIsDown() {
        when(customers.find(anyString())).thenThrow(new DataAccessResourceFailureException("down"));

        RoutingDecision decision = decisions.evaluate(item("LEAD", "GROUP_HOTLINE", "C", null, "VPMN", null, null, null));

        assertThat(decision.routingRule()).isEqualTo("L4");
        assertThat(decision.explanation().get(0)).contains("could not be reached");
    }
}
