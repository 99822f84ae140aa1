package com.channelrouter.routing;

import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.ProblemTypes;
import com.channelrouter.workitem.NewWorkItem;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of the batch: its decided item until it is stored, then its answer. */
final class BatchLine {
    final long line;
    CheckedRequest request;
    /** The item decided for this line, once decided; {@code item} is the one stored for it (an earlier line's, for a repeat). */
    NewWorkItem own;
    NewWorkItem item;
    BatchLine repeatOf;
    String answer;
    int status;
    boolean replayed;

    private final JsonMapper json;

    BatchLine(long line, JsonMapper json) {
        this.line = line;
        this.json = json;
    }

    void decided(NewWorkItem decided) {
        this.own = decided;
        this.item = decided;
    }

    /** Back to decided, for its repeats to be sorted out again. */
    void unsorted() {
        item = own;
        repeatOf = null;
        answer = null;
        status = 0;
        replayed = false;
    }

    BatchLine refused(int problemStatus, String type, String title, String detail, List<FieldProblem> errors) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", this.line);
        line.put("status", problemStatus);
        line.put("problem", BatchProblems.problem(problemStatus, type, title, detail, errors));
        this.status = problemStatus;
        this.answer = json.writeValueAsString(line);
        this.item = null;
        return this;
    }

    /** Its externalId already names a different request. */
    BatchLine conflicting() {
        RoutingItem item = request.item();
        return refused(422, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency conflict", "The externalId " + item.externalId()
                + " from " + item.sourceChannel() + " already names a different item. Nothing was stored.",
                List.of(new FieldProblem("externalId", "was already used for a different request")));
    }

    BatchLine invalidFields(List<FieldProblem> errors) {
        return refused(400, ProblemTypes.INVALID_REQUEST, "Invalid request", "This line has invalid fields; it was not stored.", errors);
    }

    /** The decision is written as stored, byte for byte, without parsing it again. */
    void answered(String workItemId, String decisionJson, boolean wasReplayed) {
        this.status = 201;
        this.replayed = wasReplayed;
        this.answer = "{\"line\":" + line + ",\"status\":201,\"workItemId\":\"" + workItemId + "\",\"replayed\":" + wasReplayed
                + ",\"decision\":" + decisionJson + "}";
    }
}
