package com.channelrouter.support;

import org.junit.jupiter.api.Tag;

import javax.sql.DataSource;
import java.sql.SQLException;

/** {@link KnownMigrationEditsTests} on the real MariaDB/MySQL server, each test on a database of its own. */
@Tag("mariadb")
class KnownMigrationEditsOnMariaDbTests extends KnownMigrationEditsTests {

    @Override
    DataSource emptyDatabase() throws SQLException {
        return TestDatabaseServer.emptyMigrationDatabase();
    }
}
