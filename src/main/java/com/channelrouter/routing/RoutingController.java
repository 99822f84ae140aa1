package com.channelrouter.routing;

import com.channelrouter.domain.Codes;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.ForbiddenException;
import com.channelrouter.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(summary = "Route an item and store it as a work item")
    @ApiResponse(responseCode = "201", description = "Routed and stored; a repeat (same Idempotency-Key, or same sourceChannel "
            + "and externalId) also answers 201, with the earlier decision, and stores nothing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RoutingDecision.class)),
            headers = {
                    @Header(name = "Location", description = "The stored work item: /api/v1/work-items/{workItemId}",
                            schema = @Schema(type = "string", format = "uri-reference")),
                    @Header(name = REPLAYED, description = "true when this answers a repeat of an earlier request",
                            schema = @Schema(type = "boolean"))})
    @ApiResponse(responseCode = "409", description = "A repeat of a request that is still being processed")
    @ApiResponse(responseCode = "422", description = "Not routable by the rules of the domain, or the Idempotency-Key (or the "
            + "sourceChannel and externalId) already used for a different request")
    @PostMapping
    ResponseEntity<byte[]> route(@RequestBody RoutingRequest request,
                                 @Parameter(description = "Makes a retry safe: a repeat with the same key (per client) answers "
                                         + "the earlier decision and stores nothing", schema = @Schema(minLength = 1, maxLength = 255))
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
    @Operation(summary = "What the live tables would decide for an item; stores nothing")
    @ApiResponse(responseCode = "200", description = "The decision, without a workItemId")
    @ApiResponse(responseCode = "422", description = "Not routable by the rules of the domain")
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
        List<FieldProblem> problems = FieldProblem.of(validator.validate(request));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
