package com.channelrouter.support;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's Flyway runs each migration without its time limits (what that changes, on the real
 * server: MigrationsWithoutTimeLimitsOnMariaDbTests) and accepts the known edits of applied migrations
 * (KnownMigrationEditsTests).
 */
@IntegrationTest
class FlywayCallbacksTests {

    @Autowired
    Flyway flyway;

    @Test
    void areFlywayCallbacksOfTheApplication() {
        assertThat(flyway.getConfiguration().getCallbacks()).hasAtLeastOneElementOfType(MigrationsWithoutTimeLimits.class)
                .hasAtLeastOneElementOfType(KnownMigrationEdits.class);
    }
}
