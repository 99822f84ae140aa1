package com.channelrouter.routing;

import com.channelrouter.domain.Codes;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.ForbiddenException;
import com.channelrouter.web.InvalidRequestException;
import jakarta.validation.Validator;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** The routing API: route and store an item, or only evaluate what the tables would decide. */
@RestController
@RequestMapping("/api/v1/routings")
class RoutingController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final Routings routings;
    private final RoutingDecisions decisions;
    private final Clock clock;
    private final Validator validator;

    RoutingController(Routings routings, RoutingDecisions decisions, Clock clock, Validator validator) {
        this.routings = routings;
        this.decisions = decisions;
        this.clock = clock;
        this.validator = validator;
    }

    /**
     * Routes and stores the item; a repeat answers the same 201 and says it was replayed. The decision is
     * answered as stored, as UTF-8 bytes: as a String it was encoded twice, once only to count its length.
     */
    @PostMapping
    ResponseEntity<byte[]> route(@RequestBody RoutingRequest request,
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                 @AuthenticationPrincipal ApiClient client) {
        admit(request, client);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw InvalidRequestException.of(IDEMPOTENCY_KEY, "must be 1 to 255 characters");
        }
        Routings.Routed routed = routings.route(request, idempotencyKey, client);
        return ResponseEntity.created(URI.create("/api/v1/work-items/" + routed.workItemId()))
                .header(REPLAYED, Boolean.toString(routed.replayed()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(routed.decisionJson().getBytes(StandardCharsets.UTF_8));
    }

    /** What the live tables would decide; stores nothing and needs the database only for the registry. */
    @PostMapping("/evaluate")
    RoutingDecision evaluate(@RequestBody RoutingRequest request, @AuthenticationPrincipal ApiClient client) {
        admit(request, client);
        return decisions.evaluate(RoutingItem.from(request.normalized(), clock.instant()));
    }

    /**
     * Who may submit comes before what was submitted: a key bound to a channel may only submit items from
     * that channel (403), whatever else is wrong with the body; then the body is validated (400).
     */
    private void admit(RoutingRequest request, ApiClient client) {
        SourceChannel source = Codes.parse(SourceChannel.class, request.sourceChannel()).orElse(null);
        if (client.channel() != null && source != null && client.channel() != source) {
            throw new ForbiddenException("Your API key speaks for " + client.channel() + " and may only submit items whose "
                    + "sourceChannel is " + client.channel() + ", not " + source + ".");
        }
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
