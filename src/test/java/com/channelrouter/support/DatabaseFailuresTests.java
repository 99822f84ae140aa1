package com.channelrouter.support;

import org.junit.jupiter.api.Test;
import org.mybatis.spring.MyBatisSystemException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;

import static org.assertj.core.api.Assertions.assertThat;

/** The wrappings a lost database arrived in during a real outage (two instances behind a proxy that dropped it). */
class DatabaseFailuresTests {

    @Test
    void aLostDatabaseIsRecognisedHoweverItIsWrapped() {
        assertThat(DatabaseFailures.unavailable(new MyBatisSystemException("querying",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))).isTrue();
        assertThat(DatabaseFailures.unavailable(new TransactionSystemException("JDBC rollback failed"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new RecoverableDataAccessException("Communications link failure"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("storing",
                new SQLNonTransientConnectionException("Connection is closed")))).isTrue();
    }

    /** As Connector/J and Spring give them: both SQLSTATE 40001, both a PessimisticLockingFailureException. */
    @Test
    void aLockWaitThatTimedOutIsToldFromADeadlockByItsCode() {
        assertThat(DatabaseFailures.lockWaitTimedOut(new CannotAcquireLockException("insert",
                new SQLTransactionRollbackException("Lock wait timeout exceeded; try restarting transaction", "40001", 1205)))).isTrue();
        assertThat(DatabaseFailures.lockWaitTimedOut(new CannotAcquireLockException("insert",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)))).isFalse();
        assertThat(DatabaseFailures.lockWaitTimedOut(new DuplicateKeyException("uk_work_item_external"))).isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.unavailable(new DuplicateKeyException("uk_work_item_external"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("a bug of ours"))).isFalse();
    }
}
