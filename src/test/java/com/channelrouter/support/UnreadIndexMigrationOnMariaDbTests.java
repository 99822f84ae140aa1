package com.channelrouter.support;

import org.junit.jupiter.api.Tag;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * {@link UnreadIndexMigrationTests} on the real MariaDB/MySQL server, where InnoDB made an index of its own
 * for idempotency_key's foreign key and kept it when V9 dropped the key. Each test migrates a database of
 * its own.
 */
@Tag("mariadb")
class UnreadIndexMigrationOnMariaDbTests extends UnreadIndexMigrationTests {

    @Override
    DataSource emptyDatabase() throws SQLException {
        return TestDatabaseServer.emptyMigrationDatabase();
    }
}
