package com.channelrouter.workitem;

import org.junit.jupiter.api.Tag;

/** {@link TwoInstancesIntegrationTests} with both instances on the real MariaDB/MySQL server. */
@Tag("mariadb")
class TwoInstancesOnMariaDbIntegrationTests extends TwoInstancesIntegrationTests {

    @Override
    String[] profiles() {
        return new String[]{"test", "mariadb"};
    }

    @Override
    String sharedDatabaseUrl() {
        return null;
    }
}
