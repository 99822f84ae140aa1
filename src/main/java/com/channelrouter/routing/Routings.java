package com.channelrouter.routing;

import com.channelrouter.security.ApiClient;
import com.channelrouter.web.ConflictException;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.ProblemTypes;
import com.channelrouter.web.UnprocessableException;
import com.channelrouter.workitem.PriorRouting;
import com.channelrouter.workitem.WorkItems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes an item and stores it as a work item, exactly once: a repeat (same Idempotency-Key from the
 * same client, or same sourceChannel and externalId) gets the earlier decision back and creates
 * nothing; the same key with a different request is refused (422); a repeat still in flight is 409.
 * The decision and the storage happen in {@link RoutingRecorder}'s groups; this is the request's side.
 */
@Service
class Routings {

    private final WorkItemDrafts drafts;
    private final RoutingRecorder recorder;
    private final WorkItems workItems;
    private final IdempotencyKeyMapper idempotencyKeys;
    private final InFlightRequests inFlight;
    private final Clock clock;

    Routings(WorkItemDrafts drafts, RoutingRecorder recorder, WorkItems workItems, IdempotencyKeyMapper idempotencyKeys,
             InFlightRequests inFlight, Clock clock) {
        this.drafts = drafts;
        this.recorder = recorder;
        this.workItems = workItems;
        this.idempotencyKeys = idempotencyKeys;
        this.inFlight = inFlight;
        this.clock = clock;
    }

    /**
     * The stored decision of a routed item, as the JSON stored with it, answered as it is (writing the 2.4 KB
     * decision again for the answer was about 7% of the service's CPU under /routings load); {@code replayed}
     * when an earlier request had already stored it.
     */
    public record Routed(String workItemId, String decisionJson, boolean replayed) {
    }

    public Routed route(RoutingRequest request, String idempotencyKey, ApiClient client) {
        CheckedRequest checked = drafts.check(request);
        InFlightRequests.Claim claim;
        try {
            claim = inFlight.claim(inFlightKeys(client, idempotencyKey, checked.item()));
        } catch (ConflictException inFlightNow) {
            // a repeat of an item stored long ago is answered even while another repeat of it is in flight
            return findEarlier(client, idempotencyKey, checked).orElseThrow(() -> inFlightNow);
        }
        try (claim) {
            Optional<Routed> earlier = idempotencyKey == null ? Optional.empty() : findByIdempotencyKey(client, idempotencyKey, checked);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            // an external id stored before is found by the recorder, with the rest of its group
            RoutingRecorder.Outcome outcome = recorder.route(new RoutingRecorder.Routing(checked, client, idempotencyKey));
            if (outcome instanceof RoutingRecorder.Earlier prior) {
                return keyed(client, idempotencyKey, checked, replay(prior.workItemId(), prior.requestHash(), prior.decisionJson(),
                        checked, "externalId", externalIdConflict(checked.item())));
            }
            RoutingRecorder.Stored stored = (RoutingRecorder.Stored) outcome;
            return new Routed(stored.workItemId(), stored.decisionJson(), false);
        } catch (DuplicateKeyException storedByAnotherInstance) {
            return findEarlier(client, idempotencyKey, checked).orElseThrow(() -> storedByAnotherInstance);
        }
    }

    private Optional<Routed> findEarlier(ApiClient client, String idempotencyKey, CheckedRequest checked) {
        if (idempotencyKey != null) {
            Optional<Routed> prior = findByIdempotencyKey(client, idempotencyKey, checked);
            if (prior.isPresent()) {
                return prior;
            }
        }
        RoutingItem item = checked.item();
        if (item.externalId() != null) {
            Optional<PriorRouting> prior = workItems.findByExternalId(item.sourceChannel(), item.externalId());
            if (prior.isPresent()) {
                return Optional.of(keyed(client, idempotencyKey, checked, replay(prior.get(), checked, "externalId",
                        externalIdConflict(item))));
            }
        }
        return Optional.empty();
    }

    /**
     * An answer replayed for the external id is also the first answer of the request's Idempotency-Key, if it has
     * one: the key is stored with it, so that the key replays this item from now on and refuses another body.
     * If another request stored the key meanwhile, the key answers as it says.
     */
    private Routed keyed(ApiClient client, String idempotencyKey, CheckedRequest checked, Routed replayed) {
        if (idempotencyKey == null) {
            return replayed;
        }
        try {
            idempotencyKeys.insert(client.id(), idempotencyKey, checked.fingerprint(), replayed.workItemId(), clock.instant());
            return replayed;
        } catch (DuplicateKeyException storedMeanwhile) {
            return findByIdempotencyKey(client, idempotencyKey, checked).orElseThrow(() -> storedMeanwhile);
        }
    }

    private Optional<Routed> findByIdempotencyKey(ApiClient client, String idempotencyKey, CheckedRequest checked) {
        return idempotencyKeys.find(client.id(), idempotencyKey).map(prior -> replay(prior, checked, "Idempotency-Key",
                "This Idempotency-Key was already used for a different request. Use a new key for a new item."));
    }

    private static String externalIdConflict(RoutingItem item) {
        return "The externalId " + item.externalId() + " from " + item.sourceChannel() + " already names a different item.";
    }

    private Routed replay(PriorRouting prior, CheckedRequest checked, String field, String conflict) {
        return replay(prior.workItemId(), prior.requestHash(), null, checked, field, conflict);
    }

    /** The stored item if the request is the one that stored it; refused (422) if it is another. */
    private Routed replay(String workItemId, String requestHash, String decisionJson, CheckedRequest checked, String field,
                          String conflict) {
        if (!requestHash.equals(checked.fingerprint())) {
            throw new UnprocessableException(ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency conflict", conflict + " Nothing was stored.",
                    List.of(new FieldProblem(field, "was already used for a different request")));
        }
        String stored = decisionJson != null ? decisionJson : workItems.decisionJson(workItemId).orElseThrow();
        return new Routed(workItemId, stored, true);
    }

    private static List<String> inFlightKeys(ApiClient client, String idempotencyKey, RoutingItem item) {
        List<String> keys = new ArrayList<>();
        if (idempotencyKey != null) {
            keys.add("idem:" + client.id() + ":" + idempotencyKey);
        }
        if (item.externalId() != null) {
            keys.add("ext:" + item.sourceChannel() + ":" + item.externalId());
        }
        return keys;
    }
}
