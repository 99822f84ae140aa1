package com.channelrouter.replay;

import com.channelrouter.routing.RoutingDecision;
import com.channelrouter.routing.RoutingDecisions;
import com.channelrouter.routing.RoutingItem;
import com.channelrouter.routing.RoutingRequest;
import com.channelrouter.tables.DecisionTables;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.UnprocessableException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one case against a given table version the way /routings/evaluate would answer it, but from the
 * case's own fields only (no registry, no database), and says whether it passed and how not.
 */
@Component
public class CaseRunner {

    private final RoutingDecisions decisions;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;

    public CaseRunner(RoutingDecisions decisions, Validator validator, JsonMapper json, Clock clock) {
        this.decisions = decisions;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What came of a case: the HTTP status the API would answer, the decision (for 200) or why it was
     * refused, and each field that differs from the expectation.
     */
    public record Outcome(ReplayCase replayCase, int status, JsonNode decision, String refusal,
                          List<Expectations.Difference> differences) {

        public boolean passed() {
            return differences.isEmpty();
        }

        public String routingRule() {
            return decision == null || decision.get("routingRule") == null ? null : decision.get("routingRule").asString();
        }

        public String slaRule() {
            return decision == null || decision.get("sla") == null ? null : decision.get("sla").get("rule").asString();
        }
    }

    public Outcome run(ReplayCase replayCase, DecisionTables tables) {
        int status;
        JsonNode decision = null;
        String refusal = null;
        try {
            RoutingRequest request = json.treeToValue(replayCase.request(), RoutingRequest.class);
            Set<ConstraintViolation<RoutingRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                status = 400;
                refusal = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; "));
            } else {
                RoutingDecision decided = decisions.decideWith(tables, RoutingItem.from(request, clock.instant()));
                decision = json.valueToTree(decided);
                status = 200;
            }
        } catch (InvalidRequestException e) {
            status = 400;
            refusal = e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        } catch (UnprocessableException e) {
            status = 422;
            refusal = e.getMessage();
        } catch (JacksonException e) {
            status = 400;
            refusal = "the request is not a routing request: " + CaseFiles.plainMessage(e);
        }
        return new Outcome(replayCase, status, decision, refusal, compare(replayCase, status, decision, refusal));
    }

    /**
     * The status first; when a decision was expected (no expectStatus, or 200) and given, the expected fields too,
     * so "200 and these fields" checks both. A case that checks nothing fails: it would pass whatever is decided.
     */
    private static List<Expectations.Difference> compare(ReplayCase replayCase, int status, JsonNode decision, String refusal) {
        if (CaseColumns.checksNothing(null, replayCase.expect(), replayCase.expectStatus()) != null) {
            return List.of(new Expectations.Difference("expect", "at least one expect. field or expectStatus", "nothing to check"));
        }
        int expectedStatus = replayCase.expectStatus() == null ? 200 : replayCase.expectStatus();
        if (status != expectedStatus) {
            return List.of(new Expectations.Difference("status", Integer.toString(expectedStatus),
                    status + (refusal == null ? "" : " (" + refusal + ")")));
        }
        return status == 200 && replayCase.expect() != null ? Expectations.differences(replayCase.expect(), decision) : List.of();
    }
}
