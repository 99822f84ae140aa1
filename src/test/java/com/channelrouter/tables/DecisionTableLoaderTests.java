package com.channelrouter.tables;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.ProductCategory;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.engine.CompiledRules;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.FactField;
import com.channelrouter.engine.RoutingFacts;
import com.channelrouter.engine.RoutingRow;
import com.channelrouter.engine.RuleCompiler;
import com.channelrouter.engine.RuleOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static com.channelrouter.tables.Workbooks.ALERT_SHEET;
import static com.channelrouter.tables.Workbooks.CALENDAR;
import static com.channelrouter.tables.Workbooks.DAYS_SHEET;
import static com.channelrouter.tables.Workbooks.HOURS_SHEET;
import static com.channelrouter.tables.Workbooks.LEAD_SHEET;
import static com.channelrouter.tables.Workbooks.PRODUCTS;
import static com.channelrouter.tables.Workbooks.ROUTING;
import static com.channelrouter.tables.Workbooks.SLA;
import static com.channelrouter.tables.Workbooks.SLA_SHEET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a business owner sees when loading decision-table workbooks: the shipped ones load cleanly, and
 * every mistake or hostile cell is reported at its sheet, cell and column, with nothing turned into code.
 */
class DecisionTableLoaderTests {

    /** Han characters: a Chinese message must contain some, not just repeat the English. */
    private static final String HAN = ".*\\p{IsHan}.*";

    private static DecisionTableLoader loader;
    private static Workbooks shipped;
    private static DecisionTables shippedTables;

    @BeforeAll
    static void loadShippedTables() {
        loader = new DecisionTableLoader(new RuleCompiler());
        shipped = Workbooks.shipped();
        shippedTables = loader.load(shipped.source()).tables();
    }

    private static TableLoadResult load(Workbooks workbooks) {
        return loader.load(workbooks.source());
    }

    private static List<TableProblem> problemsAt(TableLoadResult result, String sheet, String cell) {
        return result.problems().stream().filter(p -> sheet.equals(p.sheet()) && cell.equals(p.cell())).toList();
    }

    private static RoutingRow routingRow(TableLoadResult result, String ruleId) {
        return result.tables().rules().routingRows().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no routing rule " + ruleId));
    }

    private static RoutingFacts untaggedClassCLeadFor(String product, ProductCategory category) {
        return RoutingFacts.builder(ItemType.LEAD)
                .customer(CustomerClass.C, false)
                .leadStage(LeadStage.OPPORTUNITY)
                .product(product, category, false)
                .source(SourceChannel.HOTLINE_10086)
                .build();
    }

    // ---- the shipped tables ------------------------------------------------------------------

    @Test
    void shippedTablesLoadWithoutProblems() {
        TableLoadResult result = load(shipped);

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.publishable()).isTrue();
        CompiledRules rules = result.tables().rules();
        assertThat(rules.routingRows()).hasSize(15);
        assertThat(rules.routingRows()).extracting(RoutingRow::ruleId).containsExactly(
                "L1", "L2", "L3", "L4", "L5", "L6", "A1", "A2", "A3", "A4", "F1", "F2", "F3", "F4", "F5");
        assertThat(rules.slaRows()).hasSize(7);
        assertThat(result.tables().products().products()).hasSize(12);
        assertThat(result.tables().calendar()).isNotNull();
    }

    @Test
    void versionIsStableForIdenticalBytesAndChangesWhenOneCellChanges() {
        TableLoadResult first = load(shipped);
        TableLoadResult again = load(Workbooks.shipped());
        TableLoadResult changed = load(shipped.setText(ROUTING, LEAD_SHEET, "I9", "SERVICE_HALL"));

        assertThat(first.tables().version()).matches("[0-9a-f]{12}")
                .isEqualTo(again.tables().version())
                .isEqualTo(first.tables().rules().version());
        assertThat(changed.problems()).isEmpty();
        assertThat(changed.tables().version()).isNotEqualTo(first.tables().version());
    }

    @Test
    void versionDoesNotDependOnTheOrderWorkbooksArriveIn() {
        List<WorkbookFile> files = shipped.source().workbooks();
        List<WorkbookFile> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);

        assertThat(new TableSource(reversed).version()).isEqualTo(new TableSource(files).version());
    }

    // ---- codes ---------------------------------------------------------------------------------

    @Test
    void ownerChannelTypoIsReportedAtItsCellWithASuggestion() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "I4", "ACOUNT_MANAGER"));

        assertThat(result.tables()).isNull();
        assertThat(result.problems())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::cell, TableProblem::row,
                        TableProblem::column, TableProblem::value)
                .containsExactly(tuple(ROUTING, LEAD_SHEET, "I4", 4, "Owner channel", "ACOUNT_MANAGER"));
        TableProblem problem = result.problems().get(0);
        assertThat(problem.message()).contains("\"ACOUNT_MANAGER\" is not a channel").contains("Did you mean ACCOUNT_MANAGER?");
        assertThat(problem.messageZh()).isNotBlank().matches(HAN).contains("ACCOUNT_MANAGER").isNotEqualTo(problem.message());
        assertThat(problem.describe()).startsWith("Routing LEAD!I4 (Owner channel): ");
    }

    /**
     * A sheet headed in Chinese alone has no "Owner channel" for its owner to find: problems name the column
     * as the header does, both where a value is wrong and where a formula is refused.
     */
    @Test
    void aSheetHeadedInChineseAloneHasItsColumnsNamedInChinese() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "I3", "归属渠道")
                .setText(ROUTING, LEAD_SHEET, "I4", "ACOUNT_MANAGER")
                .setText(ROUTING, LEAD_SHEET, "K3", "建议目标渠道")
                .setFormula(ROUTING, LEAD_SHEET, "K5", "\"ACCOUNT_MANAGER\"", "ACCOUNT_MANAGER"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column)
                .contains(tuple(LEAD_SHEET, "I4", "归属渠道"), tuple(LEAD_SHEET, "K5", "建议目标渠道"));
        assertThat(result.problems()).extracting(TableProblem::column).doesNotContain("Owner channel", "Target channel");
        TableProblem typo = result.problems().stream().filter(p -> "I4".equals(p.cell())).findFirst().orElseThrow();
        assertThat(typo.describe()).startsWith("Routing LEAD!I4 (归属渠道): ");
    }

    /** A header in both languages, broken over two lines in Excel (Alt+Enter), is still named by its English part. */
    @Test
    void aHeaderInBothLanguagesIsNamedInEnglish() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "I3", "owner channel\n归属渠道")
                .setText(ROUTING, LEAD_SHEET, "I4", "ACOUNT_MANAGER"));

        assertThat(result.problems())
                .extracting(TableProblem::cell, TableProblem::column)
                .containsExactly(tuple("I4", "Owner channel"));
    }

    @Test
    void unknownCodeWithNoNearMatchListsTheAllowedCodes() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "I4", "PIGEON_POST"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "I4", "Owner channel", "PIGEON_POST"));
        TableProblem problem = result.problems().get(0);
        assertThat(problem.message()).doesNotContain("Did you mean").contains("Allowed: ");
        for (Channel channel : Channel.values()) {
            assertThat(problem.message()).contains(channel.name());
            assertThat(problem.messageZh()).contains(channel.name());
        }
    }

    @Test
    void unknownCodeInAListIsReportedAloneAtItsCell() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "C5", "A, B, VIP"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "C5", "Customer class", "VIP"));
        assertThat(result.problems().get(0).message()).contains("\"VIP\" is not a customer class");
    }

    @Test
    void codesForgiveCaseSpacesAndHyphens() {
        TableLoadResult result = load(shipped
                .setText(ROUTING, LEAD_SHEET, "I4", "account manager")
                .setText(ROUTING, LEAD_SHEET, "I6", " Phone-Account-Manager ")
                .setText(ROUTING, LEAD_SHEET, "C5", "a，b"));

        assertThat(result.problems()).isEmpty();
        assertThat(routingRow(result, "L1").ownerChannel()).isEqualTo(Channel.ACCOUNT_MANAGER);
        assertThat(routingRow(result, "L3").ownerChannel()).isEqualTo(Channel.PHONE_ACCOUNT_MANAGER);
        assertThat(routingRow(result, "L2").conditions())
                .contains(Condition.of(FactField.CUSTOMER_CLASS, Set.of(CustomerClass.A, CustomerClass.B)));
    }

    @Test
    void yesAndNoAcceptChineseShiAndFou() {
        TableLoadResult result = load(shipped
                .setText(ROUTING, LEAD_SHEET, "B4", "是")
                .setText(ROUTING, LEAD_SHEET, "J5", "是")
                .setText(ROUTING, LEAD_SHEET, "B5", "否")
                .setText(ROUTING, LEAD_SHEET, "J4", "否"));

        assertThat(result.problems()).isEmpty();
        RoutingRow l1 = routingRow(result, "L1");
        RoutingRow l2 = routingRow(result, "L2");
        assertThat(l1.conditions()).contains(Condition.of(FactField.ACCOUNT_MANAGER_TAGGED, Set.of(true)));
        assertThat(l1.secondTransfer()).isFalse();
        assertThat(l2.conditions()).contains(Condition.of(FactField.ACCOUNT_MANAGER_TAGGED, Set.of(false)));
        assertThat(l2.secondTransfer()).isTrue();
        assertThat(result.tables().rules().drl()).isEqualTo(
                shippedTables.rules().drl().replace(shippedTables.version(), result.tables().version()));
    }

    @Test
    void yesNoCellWithAnotherWordIsAProblem() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "J4", "maybe"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "J4", "Second transfer", "maybe"));
        assertThat(result.problems().get(0).message()).contains("yes or no");
    }

    @Test
    void anyInChineseMeansNotTestedInOrdinaryConditionColumns() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "C4", "不限"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables().rules().drl()).isEqualTo(
                shippedTables.rules().drl().replace(shippedTables.version(), result.tables().version()));
    }

    /** "all" is the dangerous one: it is also a well-formed product code, which would only be warned about. */
    @ParameterizedTest
    @ValueSource(strings = {"不限", "任意", "*", "all"})
    void everyWordForAnyMeansNotTestedInTheProductColumnToo(String any) {
        TableLoadResult result = load(shipped.setText(SLA, SLA_SHEET, "D5", any));

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.tables().rules().slaRows().get(1).conditions())
                .extracting(Condition::field).doesNotContain(FactField.PRODUCT);
    }

    // ---- formulas ------------------------------------------------------------------------------

    @Test
    void formulaCellIsRefusedAtItsCellAndNeverEvaluated() {
        TableLoadResult result = load(shipped
                .setFormula(ROUTING, LEAD_SHEET, "I4", "CONCATENATE(\"ACCOUNT\",\"_MANAGER\")", "ACCOUNT_MANAGER"));

        assertThat(result.tables()).isNull();
        assertThat(result.problems()).as("the cached result ACCOUNT_MANAGER is not used either, so the cell reads as blank")
                .allSatisfy(p -> assertThat(p.cell()).isEqualTo("I4"));
        assertThat(result.problems())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::cell, TableProblem::row, TableProblem::value)
                .contains(tuple(ROUTING, LEAD_SHEET, "I4", 4, "=CONCATENATE(\"ACCOUNT\",\"_MANAGER\")"));
        TableProblem problem = result.problems().get(0);
        assertThat(problem.message()).contains("Formulas are not allowed").doesNotContain("ACCOUNT_MANAGER");
        assertThat(problem.messageZh()).matches(HAN).contains("公式");
    }

    @Test
    void formulaInANumberColumnIsRefusedEvenWhenItsResultWouldBeValid() {
        TableLoadResult result = load(shipped.setFormula(SLA, SLA_SHEET, "F4", "30*2", "60"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::value)
                .contains(tuple(SLA_SHEET, "F4", "=30*2"));
        assertThat(result.tables()).isNull();
    }

    @Test
    void formulaProblemNamesItsColumn() {
        TableLoadResult result = load(shipped.setFormula(ROUTING, LEAD_SHEET, "K5", "\"ACCOUNT_MANAGER\"", "ACCOUNT_MANAGER"));

        assertThat(result.problems())
                .extracting(TableProblem::cell, TableProblem::column)
                .containsExactly(tuple("K5", "Target channel"));
    }

    // ---- columns -------------------------------------------------------------------------------

    @Test
    void unknownColumnHeaderIsAProblemAtItsHeaderCell() {
        TableLoadResult result = load(shipped.addColumnHeader(ROUTING, LEAD_SHEET, "Region 区域"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::row, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "P3", 3, "Region 区域", "Region 区域"));
        TableProblem problem = result.problems().get(0);
        assertThat(problem.message()).contains("not one the sheet understands").contains("Owner channel").contains("Customer class");
        assertThat(problem.messageZh()).matches(HAN);
    }

    /** A column of another item type's sheet, headed in Chinese alone, is refused under the name the sheet gives it. */
    @Test
    void aColumnForAnotherItemTypeIsRefusedUnderItsOwnHeader() {
        TableLoadResult result = load(shipped.addColumnHeader(ROUTING, "Routing FAULT", "商机阶段"));

        assertThat(result.problems())
                .filteredOn(p -> p.message().contains("does not apply to FAULT items"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.column()).isEqualTo("商机阶段");
                    assertThat(p.row()).isEqualTo(3);
                });
    }

    /** The columns suggested are those the sheet can have: Lead stage does not apply to faults, so it is not offered there. */
    @Test
    void anUnknownHeaderIsOfferedOnlyTheColumnsOfItsSheetInBothLanguages() {
        TableLoadResult result = load(shipped.addColumnHeader(ROUTING, "Routing FAULT", "Region 区域"));

        TableProblem problem = result.problems().get(0);
        assertThat(problem.message()).contains("Fault category").doesNotContain("Lead stage").doesNotContain("Alert kind");
        assertThat(problem.messageZh()).contains("Fault category 故障类别").doesNotContain("Lead stage");
    }

    /** A second download of routing.xlsx saved by a browser as "routing (1).xlsx" is told what it is. */
    @Test
    void aBrowsersCopyOfAWorkbookIsToldToTakeItsName() {
        TableLoadResult result = load(shipped.withFile("routing (1).xlsx", shipped.bytes(ROUTING)));

        assertThat(result.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.message()).contains("routing (1).xlsx looks like a copy").contains("rename it to routing.xlsx");
            assertThat(problem.messageZh()).contains("请改名为 routing.xlsx");
        });
        assertThat(DecisionTableLoader.copyOf("路由（2）.xlsx", "路由.xlsx")).isEqualTo("路由.xlsx");
        assertThat(DecisionTableLoader.copyOf("routing.xlsx", "sla.xlsx")).isNull();
    }

    /** The owners' guide prints the Chinese names beside the codes, so owners type them. */
    @Test
    void codesMayBeTypedAsTheirChineseNames() {
        TableLoadResult result = load(shipped
                .setText(ROUTING, LEAD_SHEET, "I4", "客户经理")
                .setText(ROUTING, LEAD_SHEET, "C6", "C, D, 潜在客户")
                .setText(ROUTING, LEAD_SHEET, "D6", "线索"));

        assertThat(result.problems()).isEmpty();
        assertThat(routingRow(result, "L1").ownerChannel()).isEqualTo(Channel.ACCOUNT_MANAGER);
        assertThat(routingRow(result, "L3").conditions())
                .contains(Condition.of(FactField.CUSTOMER_CLASS, Set.of(CustomerClass.C, CustomerClass.D, CustomerClass.POTENTIAL)))
                .contains(Condition.of(FactField.LEAD_STAGE, Set.of(LeadStage.CLUE)));
    }

    @Test
    void severalChannelsInTheOwnerCellAreToldThatItTakesOne() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "I4", "CORE_AGENT, PHONE_ACCOUNT_MANAGER"));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("I4");
            assertThat(problem.message()).contains("takes one channel, not several");
            assertThat(problem.messageZh()).contains("只能填写一个渠道");
        });
    }

    @Test
    void misspeltConditionHeaderIsAProblemRatherThanAnIgnoredCondition() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "C3", "Custmer class"));

        assertThat(result.tables()).isNull();
        assertThat(problemsAt(result, LEAD_SHEET, "C3")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Customer class"));
    }

    @Test
    void duplicateColumnIsAProblem() {
        TableLoadResult result = load(shipped.addColumnHeader(ROUTING, LEAD_SHEET, "Owner channel 归属渠道"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "P3", "Owner channel 归属渠道", "Owner channel 归属渠道"));
        assertThat(result.problems().get(0).message()).contains("\"Owner channel\" appears twice");
    }

    @Test
    void chineseHeaderAloneNamesTheColumn() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "I3", "归属渠道"));

        assertThat(result.problems()).isEmpty();
        assertThat(routingRow(result, "L6").ownerChannel()).isEqualTo(Channel.CORE_AGENT);
    }

    @Test
    void valueOutsideTheTableIsAProblem() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "P6", "SERVICE_HALL"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::row, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "P6", 6, null, "SERVICE_HALL"));
        assertThat(result.problems().get(0).message()).contains("outside the table");
    }

    @Test
    void deletingARowRemovesItsRule() {
        TableLoadResult result = load(shipped.deleteRow(ROUTING, LEAD_SHEET, 9));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables().rules().routingRows()).hasSize(14).extracting(RoutingRow::ruleId).doesNotContain("L6");
        assertThat(result.tables().rules().evaluate(untaggedClassCLeadFor("MAS", ProductCategory.COMPLEX)).routing()).isNull();
    }

    @Test
    void titleStartingWithTheWordRuleIsNotTakenForTheHeader() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "A1", "Rule book for LEADs 商机规则表"));

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void sheetWithoutItsHeaderRowIsAProblem() {
        TableLoadResult result = load(shipped.deleteRow(SLA, SLA_SHEET, Workbooks.HEADER_ROW));

        assertThat(result.problems())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::cell)
                .containsExactly(tuple(SLA, SLA_SHEET, null));
        assertThat(result.problems().get(0).message()).contains("No header row").contains("\"Rule\"");
    }

    // ---- sheets and workbooks ------------------------------------------------------------------

    @Test
    void missingRequiredSheetIsAProblem() {
        TableLoadResult result = load(shipped.renameSheet(SLA, SLA_SHEET, "Old SLA").addSheet(SLA, "Readme", "x")
                .removeSheet(SLA, "Old SLA"));

        assertThat(result.tables()).isNull();
        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell)
                .containsExactly(tuple(SLA_SHEET, null));
        assertThat(result.problems().get(0).message()).contains("\"SLA\" is missing");
        assertThat(result.problems().get(0).messageZh()).contains("SLA").matches(HAN);
    }

    @Test
    void missingWorkbookIsReportedAsItsMissingSheets() {
        TableLoadResult result = load(shipped.without(CALENDAR));

        assertThat(result.problems()).extracting(TableProblem::sheet).containsExactly(HOURS_SHEET);
    }

    @Test
    void extraUnknownSheetIsOnlyAWarningAndChangesNothing() {
        TableLoadResult result = load(shipped.addSheet(ROUTING, "Scratch",
                "Rule", "ACCOUNT_MANAGER\"); System.exit(1); //", "*/ rule x when then end /*"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::cell)
                .containsExactly(tuple(ROUTING, "Scratch", null));
        assertThat(result.warnings().get(0).message()).contains("does not read this sheet");
        assertThat(result.tables().rules().routingRows()).isEqualTo(shippedTables.rules().routingRows());
        assertThat(result.tables().rules().slaRows()).isEqualTo(shippedTables.rules().slaRows());
        assertThat(result.tables().rules().drl()).isEqualTo(
                shippedTables.rules().drl().replace(shippedTables.version(), result.tables().version()));
    }

    @Test
    void sheetNamesIgnoreCaseAndSurroundingSpaces() {
        TableLoadResult result = load(shipped.renameSheet(SLA, SLA_SHEET, " sla "));

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.tables().rules().slaRows()).hasSize(7);
    }

    @Test
    void sameSheetInTwoWorkbooksIsAProblem() {
        TableLoadResult result = load(shipped.withFile("sla-2026.xlsx", shipped.bytes(SLA)));

        assertThat(result.tables()).isNull();
        // workbooks are read in name order, so sla-2026.xlsx comes first and sla.xlsx holds the second copies
        assertThat(result.problems())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::cell)
                .containsExactly(tuple(SLA, SLA_SHEET, null), tuple(SLA, "Escalation", null));
        assertThat(result.problems().get(0).message()).contains("\"SLA\" is also in sla-2026.xlsx; keep one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/xl/externalLinks/externalLink1.xml", "/xl/embeddings/oleObject1.bin", "/xl/activeX/activeX1.xml"})
    void workbookReachingOutsideItselfIsRefused(String part) {
        TableLoadResult result = load(shipped.withPart(ROUTING, part, "application/octet-stream"));

        assertThat(result.tables()).isNull();
        assertThat(result.problems()).filteredOn(p -> ROUTING.equals(p.workbook()))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("links to other files or embeds objects"));
    }

    @Test
    void workbookWithMacrosIsRefused() {
        TableLoadResult result = load(shipped.withMacros(PRODUCTS));

        assertThat(result.tables()).isNull();
        assertThat(result.problems()).filteredOn(p -> PRODUCTS.equals(p.workbook()))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("macros"));
    }

    // ---- rule ids ------------------------------------------------------------------------------

    @Test
    void duplicateRuleIdAcrossSheetsIsAProblem() {
        TableLoadResult result = load(shipped.setText(ROUTING, ALERT_SHEET, "A5", "l1"));

        assertThat(result.problems())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::cell, TableProblem::row,
                        TableProblem::column, TableProblem::value)
                .containsExactly(tuple(ROUTING, ALERT_SHEET, "A5", 5, "Rule", "l1"));
        assertThat(result.problems().get(0).message()).contains("l1").contains("already used in Routing LEAD!A4");
        assertThat(result.problems().get(0).messageZh()).contains("已在 Routing LEAD!A4 使用");
    }

    @Test
    void duplicateRuleIdBetweenRoutingAndSlaIsAProblem() {
        TableLoadResult result = load(shipped.setText(SLA, SLA_SHEET, "A10", "F5"));

        assertThat(result.problems())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::cell, TableProblem::value)
                .containsExactly(tuple(SLA, SLA_SHEET, "A10", "F5"));
        assertThat(result.problems().get(0).message()).contains("Routing FAULT!A8");
    }

    @Test
    void duplicateRuleIdIsReportedInTheRuleColumnWhereverItIs() {
        TableLoadResult result = load(shipped.swapColumns(ROUTING, ALERT_SHEET, "A", "B")
                .setText(ROUTING, ALERT_SHEET, "B5", "L1"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(ALERT_SHEET, "B5", "Rule", "L1"));
    }

    @Test
    void movedRuleColumnStillLoads() {
        TableLoadResult result = load(shipped.swapColumns(ROUTING, ALERT_SHEET, "A", "B"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables().rules().routingRows()).extracting(RoutingRow::ruleId).contains("A1", "A4");
    }

    @Test
    void missingRuleIdIsAProblemAtItsCell() {
        TableLoadResult result = load(shipped.clear(ROUTING, LEAD_SHEET, "A6"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "A6", "Rule", null));
        assertThat(result.problems().get(0).message()).contains("needs a rule id");
    }

    @Test
    void missingRuleIdsOnTheSameRowOfTwoSheetsAreReportedOnlyAsMissing() {
        TableLoadResult result = load(shipped.clear(ROUTING, LEAD_SHEET, "A4").clear(ROUTING, ALERT_SHEET, "A4"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell)
                .containsExactlyInAnyOrder(tuple(LEAD_SHEET, "A4"), tuple(ALERT_SHEET, "A4"));
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("row4"));
    }

    // ---- routing outcome columns ---------------------------------------------------------------

    @Test
    void targetChannelWithoutSecondTransferIsAProblem() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "J5", "no"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::row, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "K5", 5, "Target channel", "ACCOUNT_MANAGER"));
        assertThat(result.problems().get(0).message()).contains("Second transfer is yes");
    }

    // ---- SLA minutes ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "-5", "two hours"})
    void minutesThatAreNotAWholePositiveNumberAreProblems(String typed) {
        TableLoadResult result = load(shipped.setText(SLA, SLA_SHEET, "F4", typed));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::row, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(SLA_SHEET, "F4", 4, "Response within (min)", typed));
        assertThat(result.problems().get(0).message()).contains("whole number of minutes from 1 to 525600");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 525_601, 999_999_999, 1e12})
    void minutesOutsideOneMinuteToAYearAreProblems(double minutes) {
        TableLoadResult result = load(shipped.setNumber(SLA, SLA_SHEET, "G5", minutes));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(SLA_SHEET, "G5", "Resolve within (min)", Long.toString((long) minutes)));
    }

    @Test
    void oneYearOfMinutesIsAccepted() {
        TableLoadResult result = load(shipped.setNumber(SLA, SLA_SHEET, "G5", 525_600));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables().rules().slaRows().get(1).terms().resolveMinutes()).isEqualTo(525_600);
    }

    @Test
    void resolveShorterThanResponseIsOnlyAWarning() {
        TableLoadResult result = load(shipped.setNumber(SLA, SLA_SHEET, "G4", 30));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).isNotNull();
        assertThat(result.warnings())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(SLA_SHEET, "G4", "Resolve within (min)", "30"));
        assertThat(result.warnings().get(0).message()).contains("shorter than Response within");
    }

    // ---- calendar ------------------------------------------------------------------------------

    @Test
    void unknownTimeZoneIsAProblemAtItsCell() {
        TableLoadResult result = load(shipped.setText(CALENDAR, HOURS_SHEET, "B4", "Beijing"));

        assertThat(result.tables()).isNull();
        assertThat(problemsAt(result, HOURS_SHEET, "B4"))
                .extracting(TableProblem::column, TableProblem::value)
                .containsExactly(tuple("Value", "Beijing"));
        assertThat(problemsAt(result, HOURS_SHEET, "B4").get(0).message()).contains("Asia/Shanghai");
    }

    @Test
    void closingBeforeOpeningIsAProblem() {
        TableLoadResult result = load(shipped.setText(CALENDAR, HOURS_SHEET, "B6", "08:00"));

        assertThat(result.tables()).isNull();
        assertThat(result.problems())
                .extracting(TableProblem::workbook, TableProblem::sheet, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(CALENDAR, HOURS_SHEET, "Value", "08:00"));
        assertThat(result.problems().get(0).message()).contains("Closing time must be after opening time");
    }

    @Test
    void closingBeforeOpeningPointsAtTheClosingCell() {
        TableLoadResult result = load(shipped.setText(CALENDAR, HOURS_SHEET, "B6", "08:00"));

        assertThat(result.problems()).extracting(TableProblem::cell).containsExactly("B6");
    }

    @Test
    void unreadableTimeIsAProblemAtItsCell() {
        TableLoadResult result = load(shipped.setText(CALENDAR, HOURS_SHEET, "B5", "9 am"));

        assertThat(problemsAt(result, HOURS_SHEET, "B5"))
                .extracting(TableProblem::column, TableProblem::value)
                .containsExactly(tuple("Value", "9 am"));
        assertThat(problemsAt(result, HOURS_SHEET, "B5").get(0).message()).contains("HH:MM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13-01", "2025-02-30", "01/10/2026", "National Day"})
    void badDateIsAProblemAtItsCell(String typed) {
        TableLoadResult result = load(shipped.setText(CALENDAR, DAYS_SHEET, "A20", typed));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::row, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(DAYS_SHEET, "A20", 20, "Date", typed));
        assertThat(result.problems().get(0).message()).contains("YYYY-MM-DD");
    }

    @Test
    void dateTypedAsAnExcelDateIsAccepted() {
        TableLoadResult result = load(shipped.setDate(CALENDAR, DAYS_SHEET, "A20", LocalDate.of(2025, 5, 2)));

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void unknownDayTypeIsAProblemListingTheDayTypes() {
        TableLoadResult result = load(shipped.setText(CALENDAR, DAYS_SHEET, "B20", "VACATION"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(DAYS_SHEET, "B20", "Day type", "VACATION"));
        assertThat(result.problems().get(0).message()).contains("not a day type").contains("HOLIDAY").contains("WORKDAY");
    }

    @Test
    void duplicateDateIsAProblemAtTheSecondRow() {
        TableLoadResult result = load(shipped.setText(CALENDAR, DAYS_SHEET, "A5", "2025-01-01"));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(DAYS_SHEET, "A5", "Date", "2025-01-01"));
        assertThat(result.problems().get(0).message()).contains("listed twice (first in row 4)");
    }

    // ---- products ------------------------------------------------------------------------------

    @Test
    void productMissingFromTheCatalogueIsOnlyAWarningWithASuggestion() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "F7", "MASS"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).isNotNull();
        assertThat(result.warnings())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "F7", "Product", "MASS"));
        TableProblem warning = result.warnings().get(0);
        assertThat(warning.message()).contains("not in the catalogue").contains("Did you mean MAS?");
        assertThat(warning.messageZh()).matches(HAN).contains("MAS？");
    }

    @Test
    void productCodeWithForbiddenCharactersIsAProblem() {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "F7", "MAS\""));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell, TableProblem::column, TableProblem::value)
                .containsExactly(tuple(LEAD_SHEET, "F7", "Product", "MAS\""));
    }

    // ---- hostile text --------------------------------------------------------------------------

    static Stream<Arguments> hostileTextInDataCells() {
        List<String> payloads = List.of(
                "ACCOUNT_MANAGER\"); System.exit(1); //",
                "*/ rule x when then end /*",
                "java.lang.Runtime.getRuntime().exec(\"touch /tmp/pwned\")",
                "A\" || true || \"",
                "MAS\" ) eval( true");
        List<List<String>> cells = List.of(
                List.of("A5", "Rule"),
                List.of("C5", "Customer class"),
                List.of("F5", "Product"),
                List.of("I5", "Owner channel"),
                List.of("K5", "Target channel"));
        return payloads.stream().flatMap(p -> cells.stream().map(c -> Arguments.of(p, c.get(0), c.get(1))));
    }

    @ParameterizedTest(name = "{1} ({2}): {0}")
    @MethodSource("hostileTextInDataCells")
    void hostileTextInADataCellIsRefusedAtThatCell(String payload, String cell, String column) {
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, cell, payload));

        assertThat(result.tables()).as("no rules are built, so no DRL exists").isNull();
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.sheet()).isEqualTo(LEAD_SHEET);
            assertThat(p.cell()).isEqualTo(cell);
            assertThat(p.column()).isEqualTo(column);
        });
    }

    @Test
    void hostileTextInNotesIsIgnoredAndNeverReachesTheRules(@TempDir Path dir) {
        Path marker = dir.resolve("pwned");
        String[] payloads = {
                "ACCOUNT_MANAGER\"); System.exit(1); //",
                "*/ rule x when then end /*",
                "java.lang.Runtime.getRuntime().exec(\"touch " + marker + "\")",
                "end\nrule \"evil\" when eval(java.lang.Runtime.getRuntime().exec(\"touch " + marker + "\") != null) then end"};
        Workbooks hostile = shipped;
        for (int i = 0; i < payloads.length; i++) {
            hostile = hostile.setText(ROUTING, LEAD_SHEET, "O" + (4 + i), payloads[i]);
        }
        hostile = hostile.setText(SLA, SLA_SHEET, "J4", payloads[3]).setText(ROUTING, ALERT_SHEET, "J4", payloads[1]);

        TableLoadResult result = load(hostile);

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        String drl = result.tables().rules().drl();
        assertThat(drl).isEqualTo(shippedTables.rules().drl().replace(shippedTables.version(), result.tables().version()));
        assertThat(drl).doesNotContain("System.exit", "*/", "rule x", "Runtime", "exec(", "evil", marker.toString());
        RuleOutcome outcome = result.tables().rules().evaluate(untaggedClassCLeadFor("MAS", ProductCategory.COMPLEX));
        assertThat(outcome.routing().ownerChannel()).isEqualTo(Channel.CORE_AGENT);
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void hostileTextInHeadersAndSheetNamesNeverReachesTheRules() {
        TableLoadResult result = load(shipped
                .addColumnHeader(ROUTING, LEAD_SHEET, "Owner channel\"); System.exit(1); //")
                .addSheet(SLA, "\"); System.exit(1); rule y", "Rule"));

        assertThat(result.tables()).isNull();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.cell()).isEqualTo("P3"));
        assertThat(result.warnings()).extracting(TableProblem::sheet).containsExactly("\"); System.exit(1); rule y");
    }

    @Test
    void overlongCellIsRefusedAtItsCell() {
        String text = "ACCOUNT_MANAGER " + "x".repeat(WorkbookReader.MAX_CELL_CHARS);
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "O4", text));

        assertThat(result.problems())
                .extracting(TableProblem::sheet, TableProblem::cell)
                .containsExactly(tuple(LEAD_SHEET, "O4"));
        assertThat(result.problems().get(0).message()).contains("longer than 2000 characters");
        assertThat(result.problems().get(0).value()).hasSizeLessThan(50);
    }

    // ---- files that are not workbooks ----------------------------------------------------------

    static Stream<Arguments> notWorkbooks() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[] truncated = Arrays.copyOf(Workbooks.shipped().bytes(ROUTING), 3000);
        byte[] legacyXls = new byte[512];
        byte[] oleHeader = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(oleHeader, 0, legacyXls, 0, oleHeader.length);
        return Stream.of(
                Arguments.of("random bytes", random),
                Arguments.of("a text file renamed .xlsx", "Rule,Owner channel\nL1,ACCOUNT_MANAGER\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("an empty file", new byte[0]),
                Arguments.of("a truncated workbook", truncated),
                Arguments.of("a legacy .xls renamed .xlsx", legacyXls));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWorkbooks")
    void fileThatIsNotAWorkbookIsAClearProblemNotAnException(String what, byte[] content) {
        Workbooks broken = shipped.replaceContent(ROUTING, content);

        assertThatCode(() -> load(broken)).doesNotThrowAnyException();
        TableLoadResult result = load(broken);
        assertThat(result.tables()).isNull();
        assertThat(result.problems()).filteredOn(p -> ROUTING.equals(p.workbook()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.sheet()).isNull();
                    assertThat(p.message()).contains("not an .xlsx workbook").contains("Excel Workbook (.xlsx)");
                    assertThat(p.messageZh()).matches(HAN);
                });
        assertThat(result.problems()).extracting(TableProblem::sheet)
                .as("no follow-on 'missing sheet' noise for the sheets the unreadable file held")
                .doesNotContain(LEAD_SHEET, ALERT_SHEET, "Routing FAULT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.xlsx", "..\\evil.xlsx", "/etc/evil.xlsx", "routing.xlsm", "routing.xls", "routing", "~$routing.xlsx", "C:routing.xlsx"})
    void badFileNameIsAProblem(String name) {
        TableLoadResult result = load(shipped.renameFile(ROUTING, name));

        assertThat(result.tables()).isNull();
        assertThat(result.problems()).filteredOn(p -> name.equals(p.workbook()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.sheet()).isNull();
                    assertThat(p.message()).contains(".xlsx workbook whose name");
                });
    }

    @Test
    void fileNameInChineseIsAccepted() {
        TableLoadResult result = load(shipped.renameFile(ROUTING, "路由表（2026）.xlsx"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables().rules().routingRows()).hasSize(15)
                .allSatisfy(row -> assertThat(row.location().workbook()).isEqualTo("路由表（2026）.xlsx"));
    }

    // ---- a change takes effect -----------------------------------------------------------------

    @Test
    void changedOwnerChannelRoutesTheNextLeadThere() {
        RoutingFacts lead = untaggedClassCLeadFor("MAS", ProductCategory.COMPLEX);
        TableLoadResult result = load(shipped.setText(ROUTING, LEAD_SHEET, "I9", "SERVICE_HALL"));

        assertThat(shippedTables.rules().evaluate(lead).routing().ownerChannel()).isEqualTo(Channel.CORE_AGENT);
        assertThat(result.problems()).isEmpty();
        RuleOutcome outcome = result.tables().rules().evaluate(lead);
        assertThat(outcome.routing().ruleId()).isEqualTo("L6");
        assertThat(outcome.routing().ownerChannel()).isEqualTo(Channel.SERVICE_HALL);
        assertThat(outcome.sla().ruleId()).isEqualTo("S7");
    }
}
