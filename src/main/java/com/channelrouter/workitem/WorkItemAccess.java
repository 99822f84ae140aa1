package com.channelrouter.workitem;

import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.web.ForbiddenException;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may see and touch a work item (OWASP API1: object-level authorization). The owner channel, the
 * source channel, dispatchers, admins and the client that routed it may see it; to anyone else it does
 * not exist. Only the owner channel's key claims, returns and closes; only a dispatcher dispatches.
 */
final class WorkItemAccess {

    private WorkItemAccess() {
    }

    static boolean seesEverything(ApiClient caller) {
        return caller.has(Role.ADMIN) || caller.has(Role.DISPATCHER);
    }

    /**
     * The ways the caller may see items, as list branches. A channel key's own submissions are always
     * sourced by its channel (it may submit no other), so the source branch covers them.
     */
    static List<WorkItemQuery.Branch> visibility(ApiClient caller) {
        if (seesEverything(caller)) {
            return List.of(WorkItemQuery.Branch.ALL);
        }
        String channel = channelOf(caller);
        if (channel != null && caller.channel().name().equals(channel)) {
            return List.of(new WorkItemQuery.Branch("OWNER", channel), new WorkItemQuery.Branch("SOURCE", channel));
        }
        return List.of(new WorkItemQuery.Branch("CREATOR", caller.id()));
    }

    /** The channel whose items the caller sees as a channel system, or null. */
    static String channelOf(ApiClient caller) {
        return caller.has(Role.CHANNEL) && caller.channel() != null ? caller.channel().name() : null;
    }

    static boolean mayRead(ApiClient caller, WorkItemRecord item) {
        if (seesEverything(caller) || caller.id().equals(item.createdBy())) {
            return true;
        }
        String channel = channelOf(caller);
        return channel != null && (channel.equals(item.sourceChannel().name()) || channel.equals(item.ownerChannel().name()));
    }

    /** Refuses (403) a claim, return or close by anyone but the owning channel's key. */
    static void requireOwner(ApiClient caller, WorkItemRecord item, WorkItemAction action) {
        if (!caller.has(Role.CHANNEL) || !caller.speaksFor(item.ownerChannel())) {
            throw new ForbiddenException("Only " + item.ownerChannel() + ", which owns work item " + item.workItemId()
                    + ", may have it " + LifecyclePolicy.verb(action) + ".");
        }
    }

    /** What the caller may do to the item now: what its status allows and the caller's key permits. */
    static List<WorkItemAction> actionsFor(ApiClient caller, WorkItemRecord item) {
        List<WorkItemAction> actions = new ArrayList<>();
        for (WorkItemAction action : LifecyclePolicy.allowedIn(item.status())) {
            boolean permitted = action == WorkItemAction.DISPATCH ? caller.has(Role.DISPATCHER)
                    : caller.has(Role.CHANNEL) && caller.speaksFor(item.ownerChannel());
            if (permitted) {
                actions.add(action);
            }
        }
        actions.sort(null);
        return actions;
    }

    static void requireDispatcher(ApiClient caller) {
        if (!caller.has(Role.DISPATCHER)) {
            throw new ForbiddenException("Only the operations centre's dispatchers (role DISPATCHER) may dispatch work items.");
        }
    }
}
