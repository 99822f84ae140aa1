package com.channelrouter.routing;

import com.channelrouter.web.ConflictException;
import com.channelrouter.web.ProblemTypes;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency keys and external ids of requests this instance is processing right now, so that a
 * repeat arriving meanwhile is told 409 instead of waiting. Across instances the database's unique keys
 * decide; a repeat that loses that race is answered with the stored item.
 */
@Component
class InFlightRequests {

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /** Claims every key or none; the returned claim releases them when closed. */
    Claim claim(List<String> keys) {
        List<String> claimed = new ArrayList<>();
        for (String key : keys) {
            if (!inFlight.add(key)) {
                claimed.forEach(inFlight::remove);
                throw new ConflictException(ProblemTypes.REQUEST_IN_FLIGHT, "Request in flight",
                        "An identical request (same " + (key.startsWith("idem:") ? "Idempotency-Key" : "sourceChannel and externalId")
                                + ") is still being processed. Retry in a moment to get its result.");
            }
            claimed.add(key);
        }
        return () -> claimed.forEach(inFlight::remove);
    }

    /** Releases the claimed keys. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }
}
