package com.channelrouter.engine;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.ProductCategory;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;

/** A property of {@link RoutingFacts} that a decision-table column may test, with the type of its values. */
public enum FactField {
    ITEM_TYPE("itemType", ItemType.class, "Item type"),
    CUSTOMER_CLASS("customerClass", CustomerClass.class, "Customer class"),
    ACCOUNT_MANAGER_TAGGED("accountManagerTagged", Boolean.class, "Account-manager tag"),
    LEAD_STAGE("leadStage", LeadStage.class, "Lead stage"),
    PRODUCT_CATEGORY("productCategory", ProductCategory.class, "Product category"),
    PRODUCT("productCode", String.class, "Product"),
    PRODUCT_OPENED_ONLINE("productOpenedOnline", Boolean.class, "Opened online"),
    SOURCE_CHANNEL("sourceChannel", SourceChannel.class, "Source channel"),
    ALERT_KIND("alertKind", AlertKind.class, "Alert kind"),
    FAULT_CATEGORY("faultCategory", FaultCategory.class, "Fault category"),
    SEVERITY("severity", Severity.class, "Severity");

    private final String property;
    private final Class<?> valueType;
    private final String label;

    FactField(String property, Class<?> valueType, String label) {
        this.property = property;
        this.valueType = valueType;
        this.label = label;
    }

    /** The column header business owners know this fact by. */
    public String label() {
        return label;
    }

    /** The bean property of {@link RoutingFacts} that rules test. */
    public String property() {
        return property;
    }

    public Class<?> valueType() {
        return valueType;
    }
}
