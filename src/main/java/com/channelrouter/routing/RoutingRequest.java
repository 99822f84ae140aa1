package com.channelrouter.routing;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.support.UtcText;
import com.channelrouter.web.KnownCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A routing request as a channel system sends it (see the contract). Codes arrive as strings so that
 * every bad field is reported at once, each with the codes it allows, rather than the first one only.
 */
@RoutableRequest
public record RoutingRequest(
        @NotBlank(message = "is required") @KnownCode(ItemType.class) String itemType,
        @Size(max = 128, message = "must be at most 128 characters") String externalId,
        @NotBlank(message = "is required") @KnownCode(SourceChannel.class) String sourceChannel,
        @IsoInstant @Schema(format = "date-time", description = "When it arrived, with an offset; SLA clocks start here (default: now)",
                example = "2026-11-20T01:15:00Z") String occurredAt,
        @NotNull(message = "is required") @Valid Customer customer,
        @Schema(description = "A code from the product catalogue, which its owners edit (so not an enum here); required for an "
                + "OPPORTUNITY lead", example = "DEDICATED_LINE")
        @Size(max = 64, message = "must be at most 64 characters") String productCode,
        @KnownCode(LeadStage.class) String leadStage,
        @KnownCode(AlertKind.class) String alertKind,
        @KnownCode(FaultCategory.class) String faultCategory,
        @KnownCode(Severity.class) String severity,
        @Size(max = 4000, message = "must be at most 4000 characters") String description) {

    /** Who the item is about; missing class and tag are filled from the customer registry. */
    @Schema(name = "RoutingRequestCustomer") // not "Customer": the registry's entry is another shape
    public record Customer(
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String id,
            @Size(max = 200, message = "must be at most 200 characters") String name,
            @KnownCode(CustomerClass.class) String customerClass,
            @Size(max = 64, message = "must be at most 64 characters") String accountManagerId) {
    }

    /** The request as it was routed: with the arrival time the service used, which a replay must use too. */
    RoutingRequest arrivedAt(java.time.Instant arrival) {
        return new RoutingRequest(itemType, externalId, sourceChannel, UtcText.iso(arrival), customer, productCode, leadStage,
                alertKind, faultCategory, severity, description);
    }

    /** The same request with its arrival time written in UTC, so equal requests compare equal. */
    RoutingRequest normalized() {
        String instant = occurredAt == null ? null : IsoInstant.Validator.parse(occurredAt).map(UtcText::iso).orElse(occurredAt);
        return new RoutingRequest(itemType, externalId, sourceChannel, instant, customer, productCode, leadStage,
                alertKind, faultCategory, severity, description);
    }
}
