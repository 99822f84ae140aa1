package com.channelrouter.routing;

import com.channelrouter.security.ApiClient;
import com.channelrouter.web.InvalidRequestException;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

/** The routing API: route and store an item, or only evaluate what the tables would decide. */
@RestController
@RequestMapping("/api/v1/routings")
class RoutingController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final Routings routings;
    private final RoutingDecisions decisions;
    private final Clock clock;

    RoutingController(Routings routings, RoutingDecisions decisions, Clock clock) {
        this.routings = routings;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Routes and stores the item; a repeat answers the same 201 and says it was replayed. */
    @PostMapping
    ResponseEntity<Object> route(@Valid @RequestBody RoutingRequest request,
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                 @AuthenticationPrincipal ApiClient client) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw InvalidRequestException.of(IDEMPOTENCY_KEY, "must be 1 to 255 characters");
        }
        Routings.Routed routed = routings.route(request, idempotencyKey, client);
        return ResponseEntity.created(URI.create("/api/v1/work-items/" + routed.workItemId()))
                .header(REPLAYED, Boolean.toString(routed.replayed()))
                .body(routed.body());
    }

    /** What the live tables would decide; stores nothing and never needs the database to answer. */
    @PostMapping("/evaluate")
    RoutingDecision evaluate(@Valid @RequestBody RoutingRequest request) {
        return decisions.evaluate(RoutingItem.from(request.normalized(), clock.instant()));
    }
}
