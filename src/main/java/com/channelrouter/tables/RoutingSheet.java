package com.channelrouter.tables;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.ProductCategory;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.FactField;
import com.channelrouter.engine.RoutingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one routing sheet ("Routing LEAD", "Routing ALERT", "Routing FAULT"): condition columns, then
 * the owner, the second-transfer flag, the suggested target and the assist channels.
 */
final class RoutingSheet {

    static final Column OWNER = new Column("Owner channel", "归属渠道");
    static final Column SECOND_TRANSFER = new Column("Second transfer", "二次转移");
    static final Column TARGET = new Column("Target channel", "建议目标渠道");
    static final Column ASSIST = new Column("Assist channels", "协同渠道");
    static final Column ASSIST_CLASS = new Column("Assist only for class", "协同限客户等级");
    static final Column ASSIST_CATEGORY = new Column("Assist only for product category", "协同限产品类别");

    private RoutingSheet() {
    }

    static String sheetName(ItemType type) {
        return "Routing " + type.name();
    }

    static List<RoutingRow> read(SheetCells sheet, ItemType type, ProductCatalogue catalogue, TableProblems problems) {
        List<Column> allowed = Stream.concat(
                Stream.of(Column.RULE, OWNER, SECOND_TRANSFER, TARGET, ASSIST, ASSIST_CLASS, ASSIST_CATEGORY, Column.NOTES),
                ConditionColumn.columns().stream()).toList();
        List<Column> applying = allowed.stream()
                .filter(column -> ConditionColumn.of(column).map(condition -> condition.appliesTo(type)).orElse(true)).toList();
        List<RoutingRow> rows = new ArrayList<>();
        HeaderedSheet.locate(sheet, Column.RULE, allowed, applying, problems).ifPresent(table -> {
            checkColumns(table, type, problems);
            for (TableRecord record : table.records()) {
                rows.add(readRow(record, table, type, catalogue));
            }
            if (table.records().isEmpty()) {
                problems.error(new TableProblem(sheet.workbook(), sheet.name(), null, null, null, null,
                        "The sheet has no rules, so no " + type + " could be routed. Add at least one row.",
                        "此工作表没有规则，任何 " + type + " 都无法分配。请至少添加一行。"));
            }
        });
        return rows;
    }

    private static void checkColumns(HeaderedSheet table, ItemType type, TableProblems problems) {
        if (!table.has(OWNER)) {
            problems.error(new TableProblem(table.sheet().workbook(), table.sheet().name(), null, null, OWNER.english(), null,
                    "The sheet needs an \"Owner channel\" column.", "此工作表需要“Owner channel 归属渠道”列。"));
        }
        for (Column column : table.columns()) {
            ConditionColumn.of(column).filter(c -> !c.appliesTo(type)).ifPresent(c ->
                    problems.error(new TableProblem(table.sheet().workbook(), table.sheet().name(), table.headerAddress(column),
                            table.headerRow(), table.headerName(column), null,
                            "The column \"" + table.headerName(column) + "\" does not apply to " + type + " items; remove it.",
                            "“" + column.chinese() + "”列不适用于 " + type + "，请删除该列。")));
        }
    }

    private static RoutingRow readRow(TableRecord record, HeaderedSheet table, ItemType type, ProductCatalogue catalogue) {
        String ruleId = record.ruleId(Column.RULE);
        List<Condition> conditions = new ArrayList<>();
        for (Column column : table.columns()) {
            ConditionColumn.of(column).filter(c -> c.appliesTo(type))
                    .flatMap(c -> c.read(record, catalogue)).ifPresent(conditions::add);
        }
        Channel owner = record.code(OWNER, Channel.class, table.has(OWNER));
        Boolean secondTransferCell = record.yesNo(SECOND_TRANSFER, false);
        boolean secondTransfer = Boolean.TRUE.equals(secondTransferCell);
        Channel target = record.code(TARGET, Channel.class, false);
        if (target != null && Boolean.FALSE.equals(secondTransferCell)) {
            record.error(TARGET, target.name(), "A target channel is only used when Second transfer is yes. Clear it, or set Second transfer to yes.",
                    "只有二次转移为 yes 时才使用建议目标渠道。请清空该单元格，或将二次转移设为 yes。");
        }
        if (secondTransfer && owner != null && owner != Channel.OPERATIONS_CENTER) {
            record.warning(OWNER, owner.name(), "Second transfer is yes, so the owner re-dispatches the item by hand; that is normally OPERATIONS_CENTER.",
                    "二次转移为 yes 时由归属渠道人工转派，通常应为 OPERATIONS_CENTER。");
        }
        Set<Channel> assist = record.codes(ASSIST, Channel.class);
        List<Condition> assistConditions = new ArrayList<>();
        Set<CustomerClass> assistClasses = record.codes(ASSIST_CLASS, CustomerClass.class);
        Set<ProductCategory> assistCategories = record.codes(ASSIST_CATEGORY, ProductCategory.class);
        if (!assistClasses.isEmpty()) {
            assistConditions.add(Condition.of(FactField.CUSTOMER_CLASS, assistClasses));
        }
        if (!assistCategories.isEmpty()) {
            assistConditions.add(Condition.of(FactField.PRODUCT_CATEGORY, assistCategories));
        }
        if (assist.isEmpty() && !assistConditions.isEmpty()) {
            record.error(ASSIST, null, "Assist conditions are set but no assist channel is named.",
                    "设置了协同条件，但未填写协同渠道。");
        }
        return new RoutingRow(ruleId, type, record.location(),
                conditions, owner, secondTransfer, target, List.copyOf(assist), assistConditions);
    }
}
