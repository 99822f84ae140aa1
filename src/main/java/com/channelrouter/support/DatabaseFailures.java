package com.channelrouter.support;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure means the database is unreachable or too slow now, so the caller gets 503 with Retry-After
 * (RELIABILITY.md: never a 500, never a 201 not stored). It looks down the causes: the same lost connection
 * arrives wrapped by MyBatis (MyBatisSystemException around CannotGetJdbcConnectionException), as a failed
 * rollback on a closed connection (TransactionSystemException), or as the driver's communications failure.
 */
public final class DatabaseFailures {

    private static final int MAX_DEPTH = 10;

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof QueryTimeoutException || cause instanceof RecoverableDataAccessException
                    || cause instanceof TransactionSystemException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
