package com.channelrouter.events;

import com.channelrouter.support.TestDatabaseServer;
import org.junit.jupiter.api.Tag;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * {@link FeedMigrationTests} on the real MariaDB/MySQL server, where InnoDB's own rules for copying rows and
 * continuing an AUTO_INCREMENT counter apply. Each test migrates a database of its own.
 */
@Tag("mariadb")
class FeedMigrationOnMariaDbTests extends FeedMigrationTests {

    @Override
    DataSource emptyDatabase() throws SQLException {
        return TestDatabaseServer.emptyMigrationDatabase();
    }
}
