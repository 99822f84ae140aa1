package com.channelrouter.tables;

import com.channelrouter.domain.ItemType;
import com.channelrouter.engine.Condition;
import com.channelrouter.engine.FactField;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The columns that test a fact about the item, shared by the routing sheets and the SLA sheet. */
enum ConditionColumn {
    ITEM_TYPE("工单类型", FactField.ITEM_TYPE),
    ACCOUNT_MANAGER_TAG("客户经理标识", FactField.ACCOUNT_MANAGER_TAGGED),
    CUSTOMER_CLASS("客户等级", FactField.CUSTOMER_CLASS),
    LEAD_STAGE("商机阶段", FactField.LEAD_STAGE),
    PRODUCT_CATEGORY("产品类别", FactField.PRODUCT_CATEGORY),
    PRODUCT("产品", FactField.PRODUCT),
    OPENED_ONLINE("可线上开通", FactField.PRODUCT_OPENED_ONLINE),
    SOURCE_CHANNEL("来源渠道", FactField.SOURCE_CHANNEL),
    ALERT_KIND("预警类型", FactField.ALERT_KIND),
    FAULT_CATEGORY("故障类别", FactField.FAULT_CATEGORY),
    SEVERITY("严重程度", FactField.SEVERITY);

    private final Column column;
    private final FactField field;

    ConditionColumn(String chinese, FactField field) {
        this.column = new Column(field.label(), chinese);
        this.field = field;
    }

    Column column() {
        return column;
    }

    static List<Column> columns() {
        return Arrays.stream(values()).map(ConditionColumn::column).toList();
    }

    static Optional<ConditionColumn> of(Column column) {
        return Arrays.stream(values()).filter(c -> c.column.equals(column)).findFirst();
    }

    /** Whether items of this type carry the fact at all: a FAULT has no lead stage. */
    boolean appliesTo(ItemType type) {
        return switch (this) {
            case ITEM_TYPE -> false;
            case LEAD_STAGE -> type == ItemType.LEAD;
            case ALERT_KIND -> type == ItemType.ALERT;
            case FAULT_CATEGORY, SEVERITY -> type == ItemType.FAULT;
            default -> true;
        };
    }

    /** The condition this row's cell states, or empty when the cell says any. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Optional<Condition> read(TableRecord record, ProductCatalogue catalogue) {
        Set<?> values;
        if (field.valueType() == Boolean.class) {
            Boolean flag = record.yesNoAny(column);
            values = flag == null ? Set.of() : Set.of(flag);
        } else if (field == FactField.PRODUCT) {
            values = ProductSheet.productCodes(record, column, catalogue);
        } else {
            values = record.codes(column, (Class<? extends Enum>) field.valueType());
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(Condition.of(field, values));
    }
}
