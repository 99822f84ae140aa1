package com.channelrouter.support;

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
}
