package com.channelrouter.routing;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.Codes;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A validated routing request in domain terms, with the contract's defaults applied (arrival now,
 * stage OPPORTUNITY, kind CHURN_RISK, severity MAJOR) and only the fields its item type uses. Customer
 * class and account manager stay null when the request left them out, to be filled from the registry.
 */
public record RoutingItem(ItemType itemType, String externalId, SourceChannel sourceChannel, Instant occurredAt,
                          String customerId, CustomerClass customerClass, String accountManagerId, String productCode,
                          LeadStage leadStage, AlertKind alertKind, FaultCategory faultCategory, Severity severity) {

    /** Converts a request that passed Bean Validation; {@code now} is the arrival when it names none. */
    public static RoutingItem from(RoutingRequest request, Instant now) {
        ItemType type = code(ItemType.class, request.itemType());
        RoutingRequest.Customer customer = request.customer();
        return new RoutingItem(
                type,
                blankToNull(request.externalId()),
                code(SourceChannel.class, request.sourceChannel()),
                (request.occurredAt() == null ? now : IsoInstant.Validator.parse(request.occurredAt()).orElseThrow())
                        .truncatedTo(ChronoUnit.MICROS), // what DATETIME(6) keeps
                customer.id().strip(),
                code(CustomerClass.class, customer.customerClass()),
                customer.accountManagerId(),
                blankToNull(request.productCode()),
                type == ItemType.LEAD ? codeOr(LeadStage.class, request.leadStage(), LeadStage.OPPORTUNITY) : null,
                type == ItemType.ALERT ? codeOr(AlertKind.class, request.alertKind(), AlertKind.CHURN_RISK) : null,
                type == ItemType.FAULT ? code(FaultCategory.class, request.faultCategory()) : null,
                type == ItemType.FAULT ? codeOr(Severity.class, request.severity(), Severity.MAJOR) : null);
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value) {
        return Codes.parse(type, value).orElse(null);
    }

    private static <E extends Enum<E>> E codeOr(Class<E> type, String value, E fallback) {
        return Codes.parse(type, value).orElse(fallback);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
