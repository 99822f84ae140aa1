package com.channelrouter.support;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * Lets each migration run as long as it needs. The service's connections give up on a statement after a few
 * seconds (the mysql profile's {@code socketTimeout}: fail fast when the database hangs), and Flyway
 * migrates on one of them; a migration that rebuilds a large table (V10 rebuilds {@code routing_decision},
 * the largest) takes minutes, and cut off it would fail the upgrade. Before each migration the connection's
 * network timeout is lifted; the pool restores it when the connection comes back.
 */
@Component
class MigrationsWithoutNetworkTimeout implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            context.getConnection().setNetworkTimeout(Runnable::run, 0);
        } catch (SQLFeatureNotSupportedException noNetwork) {
            // an embedded database has no socket to time out
        } catch (SQLException e) {
            throw new FlywayException("Could not lift the network timeout for migration " + context.getMigrationInfo(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "migrations without network timeout";
    }
}
