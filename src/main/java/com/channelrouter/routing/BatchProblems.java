package com.channelrouter.routing;

import com.channelrouter.support.DatabaseFailures;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problems a batch answers in its lines: a refused line's, and the last line of a batch that broke off. */
final class BatchProblems {

    private static final Logger log = LoggerFactory.getLogger(BatchProblems.class);

    private BatchProblems() {
    }

    /** A problem as a batch line carries it: the fields of application/problem+json. */
    static Map<String, Object> problem(int status, String type, String title, String detail, List<FieldProblem> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.uri(type).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return problem;
    }

    /**
     * The last line of a batch that broke off after {@code lastLine} was answered: a problem, without a line
     * number (so that no client takes it for a line's answer), saying why, and that sending the batch again is
     * safe. Logged as its kind deserves: a body that could not be read is the client's, the database's is a
     * warning, anything else an error.
     */
    static Map<String, Object> brokenOff(long lastLine, Exception failure) {
        String rest = " Lines after line " + lastLine + " were not answered and may or may not be stored: send the batch"
                + " again; lines already stored are answered as replays, and nothing is stored twice.";
        Map<String, Object> problem;
        if (failure instanceof InvalidRequestException unreadable) {
            problem = problem(400, ProblemTypes.INVALID_REQUEST, "Invalid request", "The rest of the body could not be read." + rest,
                    unreadable.errors());
        } else if (failure instanceof DataAccessException || DatabaseFailures.unavailable(failure)) {
            log.warn("Batch broke off after line {}: {}", lastLine, failure.getMessage());
            problem = problem(503, ProblemTypes.UNAVAILABLE, "Service unavailable", "The database did not store the next lines." + rest,
                    List.of());
        } else {
            log.error("Batch broke off after line {}", lastLine, failure);
            problem = problem(500, ProblemTypes.INTERNAL, "Internal error", "The service failed; the failure has been logged." + rest,
                    List.of());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("brokeOffAfterLine", lastLine);
        line.put("status", problem.get("status"));
        line.put("problem", problem);
        return line;
    }
}
