package com.channelrouter.workitem;

import com.channelrouter.web.ConflictException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which actions each status allows, from the guidance: the owner claims or returns a routed item, the
 * operations centre re-dispatches what waits for it, the owner of a claimed item closes it or returns it,
 * and a closed item is done.
 */
final class LifecyclePolicy {

    private static final Map<WorkItemStatus, Set<WorkItemAction>> ALLOWED = Map.of(
            WorkItemStatus.ROUTED, EnumSet.of(WorkItemAction.CLAIM, WorkItemAction.RETURN),
            WorkItemStatus.AWAITING_DISPATCH, EnumSet.of(WorkItemAction.DISPATCH),
            WorkItemStatus.CLAIMED, EnumSet.of(WorkItemAction.CLOSE, WorkItemAction.RETURN),
            WorkItemStatus.CLOSED, EnumSet.noneOf(WorkItemAction.class));

    private LifecyclePolicy() {
    }

    static Set<WorkItemAction> allowedIn(WorkItemStatus status) {
        return ALLOWED.get(status);
    }

    /** Refuses (409) an action the item's status does not allow, saying what the status is and what it allows. */
    static void requireAllowed(WorkItemAction action, WorkItemStatus status, String workItemId) {
        if (allowedIn(status).contains(action)) {
            return;
        }
        Set<WorkItemAction> allowed = allowedIn(status);
        String statuses = ALLOWED.entrySet().stream().filter(e -> e.getValue().contains(action)).map(e -> e.getKey().name())
                .sorted().collect(Collectors.joining(" or "));
        throw new ConflictException("illegal-transition", "Not allowed in this status",
                "Work item " + workItemId + " is " + status + "; " + verb(action) + " is allowed only when it is " + statuses + ". "
                        + (allowed.isEmpty() ? "Nothing more can be done to it."
                        : "Now it can be: " + allowed.stream().map(LifecyclePolicy::verb).collect(Collectors.joining(", ")) + "."));
    }

    static String verb(WorkItemAction action) {
        return switch (action) {
            case CLAIM -> "claimed";
            case RETURN -> "returned";
            case DISPATCH -> "dispatched";
            case CLOSE -> "closed";
        };
    }
}
