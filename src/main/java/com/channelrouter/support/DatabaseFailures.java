package com.channelrouter.support;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.Predicate;

/**
 * Whether a failure means the database is unreachable or too slow now, so the caller gets 503 with Retry-After
 * (RELIABILITY.md: never a 500, never a 201 not stored). It looks down the causes: the same lost connection
 * arrives wrapped by MyBatis (MyBatisSystemException around CannotGetJdbcConnectionException), as a failed
 * rollback on a closed connection (TransactionSystemException), or as the driver's communications failure.
 */
public final class DatabaseFailures {

    private static final int MAX_DEPTH = 10;
    /** MySQL's and MariaDB's ER_LOCK_WAIT_TIMEOUT. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private DatabaseFailures() {
    }

    /**
     * Whether another transaction held a row for the whole lock-wait limit (MySQL's and MariaDB's 1205). Connector/J
     * gives it a deadlock's SQLSTATE, 40001, and Spring a deadlock's exception class; but a deadlock's victim may
     * be tried again at once, while trying this again would wait as long again.
     */
    public static boolean lockWaitTimedOut(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && sql.getErrorCode() == LOCK_WAIT_TIMEOUT);
    }

    public static boolean unavailable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof CannotGetJdbcConnectionException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                || cause instanceof QueryTimeoutException || cause instanceof RecoverableDataAccessException
                || cause instanceof TransactionSystemException || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException);
    }

    /** Whether the failure or one of its first {@value #MAX_DEPTH} causes is such. */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> such) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (such.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
