package com.channelrouter.support;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB's "query execution was interrupted" (1317) and MySQL's "maximum statement execution time exceeded" (3024)
 * are the timeouts they are, for JdbcTemplate and for MyBatis alike.
 */
class SqlErrorTranslationTests {

    private static final SQLException INTERRUPTED = new SQLException("Query execution was interrupted", "70100", 1317);
    private static final SQLException MYSQL_TIME_EXCEEDED = new SQLException(
            "Query execution was interrupted, maximum statement execution time exceeded", "HY000", 3024);
    private static final SQLException MARIADB_TIME_EXCEEDED = new SQLException(
            "Query execution was interrupted (max_statement_time exceeded)", "70100", 1969);

    @Test
    void jdbcTemplatesTranslatorTakesAnInterruptedStatementForATimeoutAndLeavesTheRestToSpring() {
        var translator = SqlErrorTranslation.sqlExceptionTranslator();

        assertThat(translator.translate("insert", "INSERT …", INTERRUPTED)).isInstanceOf(QueryTimeoutException.class);
        assertThat(translator.translate("select", "SELECT …", MYSQL_TIME_EXCEEDED)).isInstanceOf(QueryTimeoutException.class);
        assertThat(translator.translate("select", "SELECT …", MARIADB_TIME_EXCEEDED)).isInstanceOf(QueryTimeoutException.class);
        assertThat(translator.translate("insert", "INSERT …", new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theErrorCodeTranslatorMyBatisUsesDoesTooOnceRegistered() throws Exception {
        SqlErrorTranslation.interruptedStatementsAsTimeouts().afterPropertiesSet();

        assertThat(new SQLErrorCodeSQLExceptionTranslator("MySQL").translate("select", "SELECT …", INTERRUPTED))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(new SQLErrorCodeSQLExceptionTranslator("MySQL").translate("select", "SELECT …", MYSQL_TIME_EXCEEDED))
                .isInstanceOf(QueryTimeoutException.class);
    }
}
