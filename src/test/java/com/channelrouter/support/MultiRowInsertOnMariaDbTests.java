package com.channelrouter.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;

/**
 * The same on the real server, with the driver settings of the mysql profile: statements prepared on the
 * server and cached, so a statement bound and executed for several parts is one the driver re-sends with
 * new values, and the keys of each execution come back in order.
 */
@Tag("mariadb")
class MultiRowInsertOnMariaDbTests extends MultiRowInsertTests {

    @Override
    DataSource database() {
        return new SingleConnectionDataSource(TestDatabaseServer.URL
                + "&useServerPrepStmts=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=65536",
                TestDatabaseServer.USER, TestDatabaseServer.PASSWORD, true);
    }

    @AfterEach
    void dropTablesAndConnection() {
        jdbc.execute("DROP TABLE IF EXISTS sample");
        jdbc.execute("DROP TABLE IF EXISTS named");
        ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
    }

    @Override
    String datetimeText(int id) {
        return jdbc.queryForObject("SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') FROM sample WHERE id = ?", String.class, id);
    }
}
