package com.channelrouter.tables;

import com.channelrouter.support.TestDatabaseServer;
import org.junit.jupiter.api.Tag;

import javax.sql.DataSource;
import java.sql.SQLException;

/** {@link UploadMigrationTests} on the real MariaDB/MySQL server, each test on a database of its own. */
@Tag("mariadb")
class UploadMigrationOnMariaDbTests extends UploadMigrationTests {

    @Override
    DataSource emptyDatabase() throws SQLException {
        return TestDatabaseServer.emptyMigrationDatabase();
    }
}
