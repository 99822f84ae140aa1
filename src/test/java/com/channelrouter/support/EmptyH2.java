package com.channelrouter.support;

import org.h2.jdbcx.JdbcDataSource;

import java.util.UUID;

/** Empty in-memory H2 databases in the service's MySQL mode, for tests that migrate a database of their own. */
public final class EmptyH2 {

    private EmptyH2() {
    }

    /**
     * A database of its own, named {@code name} and a random suffix, kept until the JVM ends: the migrations
     * only ever run forwards, so each test needs one.
     */
    public static JdbcDataSource database(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return h2;
    }
}
