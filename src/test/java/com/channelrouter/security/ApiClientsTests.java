package com.channelrouter.security;

import com.channelrouter.domain.SourceChannel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which keys authenticate whom, with and without the demo clients. */
class ApiClientsTests {

    private static final String KEY = "s3cret-key-of-the-hotline-crm";

    static SecurityProperties.Client hotlineCrm(String hash) {
        return new SecurityProperties.Client("hotline-crm", hash, Set.of(Role.ROUTER, Role.CHANNEL), SourceChannel.GROUP_HOTLINE);
    }

    @Test
    void demoClientsFollowTheContractsNaming() {
        ApiClients clients = new ApiClients(new SecurityProperties(true, false, List.of()));

        assertThat(clients.authenticate("dev-hotline-10086")).get()
                .satisfies(c -> assertThat(c.channel()).isEqualTo(SourceChannel.HOTLINE_10086))
                .satisfies(c -> assertThat(c.roles()).containsExactlyInAnyOrder(Role.ROUTER, Role.CHANNEL));
        assertThat(clients.authenticate("dev-operations-center").orElseThrow().roles()).contains(Role.DISPATCHER);
        assertThat(clients.authenticate("dev-bi-system").orElseThrow().id()).isEqualTo("dev-bi-system");
        assertThat(clients.authenticate("dev-table-owner").orElseThrow().roles()).containsExactly(Role.TABLE_OWNER);
        assertThat(clients.authenticate("dev-qa").orElseThrow().roles()).containsExactlyInAnyOrder(Role.QA, Role.ROUTER);
        assertThat(clients.authenticate("dev-qa").orElseThrow().channel()).isNull();
        assertThat(clients.authenticate("dev-admin").orElseThrow().roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(clients.size()).isEqualTo(SourceChannel.values().length + 3);
    }

    @Test
    void withoutDemoClientsOnlyConfiguredKeysWork() {
        ApiClients clients = new ApiClients(new SecurityProperties(false, false, List.of(hotlineCrm(ApiClients.sha256(KEY)))));

        assertThat(clients.authenticate("dev-admin")).isEmpty();
        assertThat(clients.authenticate(KEY).orElseThrow().id()).isEqualTo("hotline-crm");
        assertThat(clients.authenticate(ApiClients.sha256(KEY))).as("the hash itself is not a key").isEmpty();
        assertThat(clients.size()).isEqualTo(1);
    }

    @Test
    void configuredKeysMustBeHashes() {
        assertThatThrownBy(() -> new ApiClients(new SecurityProperties(false, false, List.of(hotlineCrm(KEY)))))
                .hasMessageContaining("hotline-crm").hasMessageContaining("key-sha256");
    }

    @Test
    void twoClientsCannotShareAKey() {
        String hash = ApiClients.sha256(KEY);
        assertThatThrownBy(() -> new ApiClients(new SecurityProperties(false, false, List.of(hotlineCrm(hash), hotlineCrm(hash)))))
                .hasMessageContaining("share one key");
    }
}
