package com.channelrouter.security;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.SourceChannel;

import java.util.Set;

/**
 * A caller identified by its API key: its id (shown as who did what), its roles, and for channel
 * systems the channel it speaks for (null for clients bound to no channel).
 */
public record ApiClient(String id, Set<Role> roles, SourceChannel channel) {

    public ApiClient {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this client speaks for the given owning channel. */
    public boolean speaksFor(Channel owner) {
        return channel != null && channel.is(owner);
    }
}
