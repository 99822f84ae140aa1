package com.channelrouter.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.support.CustomSQLExceptionTranslatorRegistrar;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import java.util.Map;
import java.util.Set;

/**
 * A statement that Connector/J cancels at its query timeout (a lock wait behind another instance, say) can come
 * back from MariaDB as error 1317, "Query execution was interrupted", rather than as the driver's timeout
 * exception. Spring leaves 1317 uncategorized, so callers got a 500 where a slow database gets 503 with
 * Retry-After. It is translated as the timeout it is, by JdbcTemplate and by MyBatis; so are what a server's own
 * statement time limit raises: MariaDB's 1969 ({@code max_statement_time}) and MySQL 8's 3024
 * ({@code max_execution_time}).
 */
@Configuration(proxyBeanMethods = false)
class SqlErrorTranslation {

    /** Query interrupted (1317), MariaDB's max_statement_time exceeded (1969), MySQL's max_execution_time exceeded (3024). */
    static final Set<Integer> TIMEOUT_CODES = Set.of(1317, 1969, 3024);

    private static final SQLExceptionTranslator INTERRUPTED_AS_TIMEOUT = (task, sql, ex) -> TIMEOUT_CODES.contains(ex.getErrorCode())
            ? new QueryTimeoutException(task + "; " + ex.getMessage(), ex) : null;

    /** JdbcTemplate's (Spring Boot gives it the one translator bean): the default, by exception class, after this one. */
    @Bean
    static SQLExceptionTranslator sqlExceptionTranslator() {
        SQLExceptionTranslator byExceptionClass = new SQLExceptionSubclassTranslator();
        return (task, sql, ex) -> {
            var timeout = INTERRUPTED_AS_TIMEOUT.translate(task, sql, ex);
            return timeout != null ? timeout : byExceptionClass.translate(task, sql, ex);
        };
    }

    /**
     * MyBatis' (by error codes, where "MySQL" is Spring's name for MySQL and MariaDB); static, so that it is
     * registered before any statement can fail.
     */
    @Bean
    static CustomSQLExceptionTranslatorRegistrar interruptedStatementsAsTimeouts() {
        CustomSQLExceptionTranslatorRegistrar registrar = new CustomSQLExceptionTranslatorRegistrar();
        registrar.setTranslators(Map.of("MySQL", INTERRUPTED_AS_TIMEOUT));
        return registrar;
    }
}
