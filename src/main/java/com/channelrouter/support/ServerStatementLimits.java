package com.channelrouter.support;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * On MySQL and MariaDB the server keeps the statement time limit ({@code spring.jdbc.template.query-timeout},
 * 5 s; MyBatis' {@code default-statement-timeout} is the same), not a driver timer per statement: Connector/J
 * scheduled and cancelled a cancel task around every statement and woke its timer thread for it (2% of the
 * service's CPU under {@code /routings} load, docs/PERFORMANCE.md). Each connection of a {@code jdbc:mysql:} pool
 * starts with the limit ({@link #initSql}), and the driver's timers are off ({@code enableQueryTimeouts=false}):
 * <ul>
 * <li>a lock wait ends with 1205 on both servers (innodb_lock_wait_timeout, whole seconds);</li>
 * <li>any statement on MariaDB with 1969 ({@code max_statement_time}, in a comment only MariaDB runs);</li>
 * <li>a SELECT on MySQL 8 with 3024 ({@code max_execution_time}, in a comment only MySQL 8 runs; it bounds
 * read-only SELECTs only).</li>
 * </ul>
 * Each is answered 503 with Retry-After, as the driver's cancel was. The URL's {@code socketTimeout} still ends a
 * wait on a server that stopped answering, and {@link MigrationsWithoutTimeLimits} lifts the limit for
 * migrations. A pool given a {@code connection-init-sql} of its own is left as it is, with the driver's timers.
 * Embedded H2 keeps its query timeouts itself, without a timer thread.
 */
@Component
class ServerStatementLimits implements BeanPostProcessor {

    /** The limits lifted, for a migration: the server's own lock wait (an operator may have chosen it), no statement limit. */
    static final String LIFTED = limits("DEFAULT", "0", "0");

    private static final String LIMIT_PROPERTY = "spring.jdbc.template.query-timeout";
    private static final Logger log = LoggerFactory.getLogger(ServerStatementLimits.class);

    private final Duration limit;

    @Autowired
    ServerStatementLimits(Environment environment) {
        this(Binder.get(environment).bind(LIMIT_PROPERTY, Duration.class).orElse(Duration.ZERO));
    }

    ServerStatementLimits(Duration limit) {
        this.limit = limit;
    }

    /** After the pool's properties are bound (spring.datasource.hikari.*), before it opens a connection. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && onMySqlOrMariaDb(pool) && !limit.isZero() && !limit.isNegative()) {
            if (pool.getConnectionInitSql() != null) {
                log.info("The pool runs a connection-init-sql of its own: the {} statement limit stays with the driver's timers", limit);
            } else {
                pool.setConnectionInitSql(initSql(limit));
                pool.addDataSourceProperty("enableQueryTimeouts", "false");
            }
        }
        return bean;
    }

    private static boolean onMySqlOrMariaDb(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:mysql:");
    }

    /** The limits for a new connection. */
    static String initSql(Duration limit) {
        long lockWaitSeconds = Math.max(1, (limit.toMillis() + 999) / 1000); // whole seconds only
        String seconds = BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
        return limits(String.valueOf(lockWaitSeconds), seconds, String.valueOf(limit.toMillis()));
    }

    /**
     * One statement both servers accept: MariaDB runs {@code /*M! … *}{@code /} and not MySQL's versioned
     * {@code /*!80000 … *}{@code /}; MySQL 8 the reverse (checked on MariaDB 10.11).
     */
    private static String limits(String lockWaitSeconds, String statementSeconds, String selectMillis) {
        return "SET SESSION innodb_lock_wait_timeout = " + lockWaitSeconds + " /*M!, max_statement_time = " + statementSeconds + " */"
                + " /*!80000 , max_execution_time = " + selectMillis + " */";
    }
}
