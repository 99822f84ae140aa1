package com.channelrouter.engine;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.ProductCategory;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;

import java.util.Objects;

/**
 * The facts about one item that decision-table rows test, already resolved (customer registry,
 * product catalogue, defaults). A JavaBean because Drools' constraint language reads getters.
 */
public final class RoutingFacts {

    private final ItemType itemType;
    private final CustomerClass customerClass;
    private final boolean accountManagerTagged;
    private final LeadStage leadStage;
    private final String productCode;
    private final ProductCategory productCategory;
    private final Boolean productOpenedOnline;
    private final SourceChannel sourceChannel;
    private final AlertKind alertKind;
    private final FaultCategory faultCategory;
    private final Severity severity;
    private final int hash;

    private RoutingFacts(Builder b) {
        this.itemType = b.itemType;
        this.customerClass = b.customerClass;
        this.accountManagerTagged = b.accountManagerTagged;
        this.leadStage = b.leadStage;
        this.productCode = b.productCode;
        this.productCategory = b.productCategory;
        this.productOpenedOnline = b.productOpenedOnline;
        this.sourceChannel = b.sourceChannel;
        this.alertKind = b.alertKind;
        this.faultCategory = b.faultCategory;
        this.severity = b.severity;
        this.hash = Objects.hash(itemType, customerClass, accountManagerTagged, leadStage, productCode, productCategory,
                productOpenedOnline, sourceChannel, alertKind, faultCategory, severity);
    }

    public static Builder builder(ItemType itemType) {
        return new Builder(itemType);
    }

    public ItemType getItemType() {
        return itemType;
    }

    public CustomerClass getCustomerClass() {
        return customerClass;
    }

    public boolean isAccountManagerTagged() {
        return accountManagerTagged;
    }

    public LeadStage getLeadStage() {
        return leadStage;
    }

    public String getProductCode() {
        return productCode;
    }

    public ProductCategory getProductCategory() {
        return productCategory;
    }

    public Boolean getProductOpenedOnline() {
        return productOpenedOnline;
    }

    public SourceChannel getSourceChannel() {
        return sourceChannel;
    }

    public AlertKind getAlertKind() {
        return alertKind;
    }

    public FaultCategory getFaultCategory() {
        return faultCategory;
    }

    public Severity getSeverity() {
        return severity;
    }

    /**
     * Facts are equal when every field a row can test is equal: two such items get the same rows from the
     * same rules, which is what lets {@link CompiledRules} look decided facts up instead of deciding again.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RoutingFacts that
                && itemType == that.itemType && customerClass == that.customerClass
                && accountManagerTagged == that.accountManagerTagged && leadStage == that.leadStage
                && Objects.equals(productCode, that.productCode) && productCategory == that.productCategory
                && Objects.equals(productOpenedOnline, that.productOpenedOnline) && sourceChannel == that.sourceChannel
                && alertKind == that.alertKind && faultCategory == that.faultCategory && severity == that.severity;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The value a condition on {@code field} tests, for explanations and analysis outside Drools. */
    public Object valueOf(FactField field) {
        return switch (field) {
            case ITEM_TYPE -> itemType;
            case CUSTOMER_CLASS -> customerClass;
            case ACCOUNT_MANAGER_TAGGED -> accountManagerTagged;
            case LEAD_STAGE -> leadStage;
            case PRODUCT_CATEGORY -> productCategory;
            case PRODUCT -> productCode;
            case PRODUCT_OPENED_ONLINE -> productOpenedOnline;
            case SOURCE_CHANNEL -> sourceChannel;
            case ALERT_KIND -> alertKind;
            case FAULT_CATEGORY -> faultCategory;
            case SEVERITY -> severity;
        };
    }

    /** Collects the facts of one item. */
    public static final class Builder {
        private final ItemType itemType;
        private CustomerClass customerClass;
        private boolean accountManagerTagged;
        private LeadStage leadStage;
        private String productCode;
        private ProductCategory productCategory;
        private Boolean productOpenedOnline;
        private SourceChannel sourceChannel;
        private AlertKind alertKind;
        private FaultCategory faultCategory;
        private Severity severity;

        private Builder(ItemType itemType) {
            this.itemType = itemType;
        }

        public Builder customer(CustomerClass customerClass, boolean accountManagerTagged) {
            this.customerClass = customerClass;
            this.accountManagerTagged = accountManagerTagged;
            return this;
        }

        public Builder product(String code, ProductCategory category, Boolean openedOnline) {
            this.productCode = code;
            this.productCategory = category;
            this.productOpenedOnline = openedOnline;
            return this;
        }

        public Builder source(SourceChannel sourceChannel) {
            this.sourceChannel = sourceChannel;
            return this;
        }

        public Builder leadStage(LeadStage leadStage) {
            this.leadStage = leadStage;
            return this;
        }

        public Builder alertKind(AlertKind alertKind) {
            this.alertKind = alertKind;
            return this;
        }

        public Builder fault(FaultCategory faultCategory, Severity severity) {
            this.faultCategory = faultCategory;
            this.severity = severity;
            return this;
        }

        public RoutingFacts build() {
            return new RoutingFacts(this);
        }

        /** A builder with the same facts so far, to vary the rest. */
        public Builder copy() {
            Builder copy = new Builder(itemType);
            copy.customerClass = customerClass;
            copy.accountManagerTagged = accountManagerTagged;
            copy.leadStage = leadStage;
            copy.productCode = productCode;
            copy.productCategory = productCategory;
            copy.productOpenedOnline = productOpenedOnline;
            copy.sourceChannel = sourceChannel;
            copy.alertKind = alertKind;
            copy.faultCategory = faultCategory;
            copy.severity = severity;
            return copy;
        }
    }
}
