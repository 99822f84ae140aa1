package com.channelrouter.events;

import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static com.channelrouter.support.TestDatabaseServer.PASSWORD;
import static com.channelrouter.support.TestDatabaseServer.URL;
import static com.channelrouter.support.TestDatabaseServer.USER;

/**
 * {@link FeedMigrationTests} on the real MariaDB/MySQL server, where InnoDB's own rules for copying rows and
 * continuing an AUTO_INCREMENT counter apply. Each test migrates a database of its own, the test database's
 * name with {@code _migration} added (.ci/run grants the test user that database too), since the shared
 * test database is already at the latest version and migrations only run forwards.
 */
@Tag("mariadb")
class FeedMigrationOnMariaDbTests extends FeedMigrationTests {

    @Override
    DataSource emptyDatabase() throws SQLException {
        // jdbc:mysql://host:port/<name>?options
        int nameStart = URL.indexOf('/', "jdbc:mysql://".length()) + 1;
        int nameEnd = URL.indexOf('?', nameStart) < 0 ? URL.length() : URL.indexOf('?', nameStart);
        String name = URL.substring(nameStart, nameEnd) + "_migration";
        DataSource server = new DriverManagerDataSource(URL, USER, PASSWORD);
        try (Connection connection = server.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS `" + name + "`");
            sql.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return new DriverManagerDataSource(URL.substring(0, nameStart) + name + URL.substring(nameEnd), USER, PASSWORD);
    }
}
