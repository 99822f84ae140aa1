package com.channelrouter.support;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MariaDB/MySQL server the "mariadb" tests use, for tests that connect without the application context
 * (which reads the same variables and defaults in application-mariadb.yml): .ci/run creates the database
 * and user.
 */
public final class TestDatabaseServer {

    public static final String URL = System.getenv().getOrDefault("CHANNEL_ROUTER_TEST_DB_URL",
            "jdbc:mysql://127.0.0.1:3306/channel_router_test?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                    + "&allowPublicKeyRetrieval=true&sslMode=DISABLED&connectTimeout=3000");
    public static final String USER = System.getenv().getOrDefault("CHANNEL_ROUTER_TEST_DB_USER", "channel_router");
    public static final String PASSWORD = System.getenv().getOrDefault("CHANNEL_ROUTER_TEST_DB_PASSWORD", "channel_router");

    private TestDatabaseServer() {
    }

    /**
     * An empty database for a migration test: the test database's name with {@code _migration} added (.ci/run
     * grants the test user that database too), dropped and created again, since the shared test database is
     * already at the latest version and migrations only run forwards.
     */
    public static DataSource emptyMigrationDatabase() throws SQLException {
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
