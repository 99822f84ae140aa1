package com.channelrouter.tables;

import com.channelrouter.domain.ItemType;
import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.web.JsonConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis finds what a business owner would miss: items no row covers, rows that never decide. */
class TableAnalysisTests {

    private final Workbooks shipped = Workbooks.shipped();

    TableAnalysis.Report analyse(Workbooks workbooks) {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(workbooks.source());
        assertThat(result.problems()).isEmpty();
        return TableAnalysis.analyse(result.tables().rules(), result.tables().products());
    }

    @Test
    void theShippedPolicyCoversEveryItemAndEveryRowDecidesSomething() {
        TableAnalysis.Report report = analyse(shipped);

        assertThat(report.combinations()).isEqualTo(25_464);
        assertThat(report.routingGaps()).isEmpty();
        assertThat(report.slaGaps()).isEmpty();
        assertThat(report.deadRows()).isEmpty();
    }

    /** Out of time: what was found so far, no row called dead on part of the items, and a warning that says so. */
    @Test
    void anAnalysisOutOfTimeStopsAndSaysSo() {
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(shipped.deleteRow("routing.xlsx", "Routing LEAD", 9).source());

        TableAnalysis.Report report = TableAnalysis.analyse(result.tables().rules(), result.tables().products(), Duration.ZERO);

        assertThat(report.stoppedEarly()).isTrue();
        assertThat(report.combinations()).isLessThan(25_464);
        assertThat(report.deadRows()).isEmpty();
        assertThat(TableAnalysis.warnings(report, result.tables().rules())).first().satisfies(w -> {
            assertThat(w.message()).contains("stopped after " + TableAnalysis.TIME_ALLOWED.toSeconds() + " s");
            assertThat(w.messageZh()).contains("秒后停止");
        });
        assertThat(TableAnalysis.analyse(result.tables().rules(), result.tables().products()).stoppedEarly()).isFalse();
    }

    /** Versions stored before reports said whether the analysis stopped early still read, as complete. */
    @Test
    void aReportStoredBeforeItCouldStopEarlyStillReads() {
        String stored = "{\"combinations\":25464,\"routingGaps\":[],\"slaGaps\":[],\"deadRows\":[]}";

        TableAnalysis.Report report = JsonConfiguration.mapper().readValue(stored, TableAnalysis.Report.class);

        assertThat(report.combinations()).isEqualTo(25_464);
        assertThat(report.stoppedEarly()).isFalse();
    }

    @Test
    void removingTheCatchAllLeadRowLeavesGapsWithExamples() {
        TableAnalysis.Report report = analyse(shipped.deleteRow("routing.xlsx", "Routing LEAD", 9));

        assertThat(report.routingGaps()).isNotEmpty().allMatch(gap -> gap.itemType() == ItemType.LEAD && !gap.accountManagerTagged());
        TableAnalysis.Gap classD = report.routingGaps().stream().filter(g -> g.customerClass().name().equals("D")).findFirst().orElseThrow();
        assertThat(classD.count()).isPositive().isLessThan(classD.of());
        assertThat(classD.example()).contains("product").contains("from");
    }

    /** A copy of L4 (class C, simple products) as L7 in row 10, after L6, which already takes every untagged C lead. */
    static Workbooks withRowL7ShadowedByL4(Workbooks workbooks) {
        return workbooks.setText("routing.xlsx", "Routing LEAD", "A10", "L7")
                .setText("routing.xlsx", "Routing LEAD", "B10", "no")
                .setText("routing.xlsx", "Routing LEAD", "C10", "C")
                .setText("routing.xlsx", "Routing LEAD", "E10", "SIMPLE")
                .setText("routing.xlsx", "Routing LEAD", "I10", "WEBSITE");
    }

    @Test
    void aRowShadowedByEarlierRowsIsDeadAndSaysWhoTakesItsItems() {
        Workbooks shadowed = withRowL7ShadowedByL4(shipped);

        TableAnalysis.Report report = analyse(shadowed);

        assertThat(report.deadRows()).singleElement().satisfies(dead -> {
            assertThat(dead.rule()).isEqualTo("L7");
            assertThat(dead.row()).isEqualTo(10);
            assertThat(dead.takenBy()).containsOnlyKeys("L3", "L4");
        });
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(shadowed.source());
        assertThat(TableAnalysis.warnings(report, result.tables().rules()))
                .anySatisfy(w -> {
                    assertThat(w.message()).contains("L7 can never decide").contains("L4");
                    assertThat(w.describe()).startsWith("Routing LEAD!A10 (Rule): ");
                    assertThat(w.workbook()).isEqualTo("routing.xlsx");
                });
    }

    /** An SLA row after the rows that take all its items is pointed at by its rule id's cell on the SLA sheet. */
    @Test
    void aDeadSlaRowIsPointedAtByItsCell() {
        // critical faults of any customer, after S2, which takes every critical fault not taken by S1 before it
        Workbooks shadowed = shipped.setText("sla.xlsx", "SLA", "A11", "S8")
                .setText("sla.xlsx", "SLA", "B11", "FAULT")
                .setText("sla.xlsx", "SLA", "E11", "CRITICAL")
                .setNumber("sla.xlsx", "SLA", "F11", 30)
                .setNumber("sla.xlsx", "SLA", "G11", 240)
                .setNumber("sla.xlsx", "SLA", "H11", 30)
                .setText("sla.xlsx", "SLA", "I11", "ROUND_THE_CLOCK");
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(shadowed.source());

        TableAnalysis.Report report = TableAnalysis.analyse(result.tables().rules(), result.tables().products());

        assertThat(TableAnalysis.warnings(report, result.tables().rules()))
                .filteredOn(w -> "S8".equals(w.value()))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.describe()).startsWith("SLA!A11 (Rule): Rule S8 can never decide").contains("S2");
                    assertThat(w.workbook()).isEqualTo("sla.xlsx");
                });
    }

    /** The Rule column headed in Chinese alone: its dead rows are pointed at under the header its owner reads. */
    @Test
    void aDeadRowUnderARuleColumnHeadedInChineseIsNamedByItsHeader() {
        Workbooks shadowed = withRowL7ShadowedByL4(shipped.setText("routing.xlsx", "Routing LEAD", "A3", "规则"));
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(shadowed.source());

        TableAnalysis.Report report = TableAnalysis.analyse(result.tables().rules(), result.tables().products());

        assertThat(TableAnalysis.warnings(report, result.tables().rules()))
                .filteredOn(w -> "L7".equals(w.value()))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.cell()).isEqualTo("A10");
                    assertThat(w.column()).isEqualTo("规则");
                });
    }

    @Test
    void withMoreDeadRowsThanAreListedEachListedRowStillSaysWhoTakesItsItems() {
        // 36 copies of the shadowed row of the test above: only the first 30 are listed, and those fully
        Workbooks shadowed = shipped;
        for (int row = 10; row < 46; row++) {
            shadowed = shadowed.setText("routing.xlsx", "Routing LEAD", "A" + row, "L" + (row - 3))
                    .setText("routing.xlsx", "Routing LEAD", "B" + row, "no")
                    .setText("routing.xlsx", "Routing LEAD", "C" + row, "C")
                    .setText("routing.xlsx", "Routing LEAD", "E" + row, "SIMPLE")
                    .setText("routing.xlsx", "Routing LEAD", "I" + row, "WEBSITE");
        }

        TableAnalysis.Report report = analyse(shadowed);

        assertThat(report.deadRows()).hasSize(30);
        assertThat(report.deadRows()).extracting(TableAnalysis.DeadRow::row).containsExactlyElementsOf(
                IntStream.range(10, 40).boxed().toList());
        assertThat(report.deadRows()).allSatisfy(dead -> assertThat(dead.takenBy()).containsOnlyKeys("L3", "L4"));
    }
}
