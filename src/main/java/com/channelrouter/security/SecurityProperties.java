package com.channelrouter.security;

import com.channelrouter.domain.SourceChannel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Set;

/**
 * API clients from configuration. Keys are kept only as SHA-256 hex digests (API keys are long random
 * strings, so a fast hash is enough and keeps authentication cheap). The demo clients are a switch:
 * on in the embedded default, off in every production-like profile.
 *
 * @param demoClients                whether the documented dev-* demo keys work
 * @param demoClientsOnAnyDatabase   lets the demo keys work on a database other than the embedded H2;
 *                                   only the MariaDB tests set it
 * @param clients                    real clients, typically from the environment
 */
@ConfigurationProperties("channel-router.security")
record SecurityProperties(boolean demoClients, boolean demoClientsOnAnyDatabase, List<Client> clients) {

    public SecurityProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * @param id        shown as the actor of what the client does
     * @param keySha256 SHA-256 of the key, 64 hex digits ({@code printf %s "$KEY" | sha256sum})
     * @param roles     what it may do
     * @param channel   the channel it speaks for, if any
     */
    public record Client(String id, String keySha256, Set<Role> roles, SourceChannel channel) {
    }
}
