package com.channelrouter.security;

import com.channelrouter.domain.SourceChannel;
import com.channelrouter.support.Hashes;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The known clients, looked up by the SHA-256 of the key they present. */
final class ApiClients {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, ApiClient> byKeyHash;

    ApiClients(SecurityProperties properties) {
        Map<String, ApiClient> clients = new HashMap<>();
        if (properties.demoClients()) {
            demoClients().forEach((key, client) -> clients.put(sha256(key), client));
        }
        for (SecurityProperties.Client configured : properties.clients()) {
            String hash = configured.keySha256() == null ? "" : configured.keySha256().toLowerCase(Locale.ROOT);
            if (configured.id() == null || configured.id().isBlank() || configured.id().length() > 64
                    || !SHA256_HEX.matcher(hash).matches()
                    || configured.roles() == null || configured.roles().isEmpty()) {
                throw new IllegalStateException("API client '" + configured.id()
                        + "' needs an id of at most 64 characters, a key-sha256 of 64 hex digits and at least one role");
            }
            if (clients.putIfAbsent(hash, new ApiClient(configured.id(), configured.roles(), configured.channel())) != null) {
                throw new IllegalStateException("two API clients share one key; client '" + configured.id() + "'");
            }
        }
        this.byKeyHash = Map.copyOf(clients);
    }

    public Optional<ApiClient> authenticate(String key) {
        return key == null || key.isBlank() ? Optional.empty() : Optional.ofNullable(byKeyHash.get(sha256(key)));
    }

    public int size() {
        return byKeyHash.size();
    }

    /**
     * The demo clients of the contract: one per channel and source code, keyed "dev-" and the code in
     * lower case with '-' for '_', with ROUTER and CHANNEL (the operations centre also DISPATCHER);
     * plus dev-table-owner, dev-qa and dev-admin. A demo client's id is its key.
     */
    static Map<String, ApiClient> demoClients() {
        Map<String, ApiClient> demo = new HashMap<>();
        for (SourceChannel channel : SourceChannel.values()) {
            String key = "dev-" + channel.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Set<Role> roles = channel == SourceChannel.OPERATIONS_CENTER
                    ? EnumSet.of(Role.ROUTER, Role.CHANNEL, Role.DISPATCHER)
                    : EnumSet.of(Role.ROUTER, Role.CHANNEL);
            demo.put(key, new ApiClient(key, roles, channel));
        }
        demo.put("dev-table-owner", new ApiClient("dev-table-owner", EnumSet.of(Role.TABLE_OWNER), null));
        demo.put("dev-qa", new ApiClient("dev-qa", EnumSet.of(Role.QA, Role.ROUTER), null));
        demo.put("dev-admin", new ApiClient("dev-admin", EnumSet.allOf(Role.class), null));
        return demo;
    }

    static String sha256(String key) {
        return Hashes.sha256Hex(key);
    }
}
