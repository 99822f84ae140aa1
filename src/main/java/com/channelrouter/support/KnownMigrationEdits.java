package com.channelrouter.support;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Migrations already applied are never edited, with the exceptions listed here: edits that change no table on
 * a database where the migration already ran, made because the migration could not run at all somewhere
 * else. Flyway compares each applied migration's checksum with the script's and refuses to start on a
 * difference; before it validates, the recorded checksum of such a migration is moved from the old script's
 * to the new one's, and only from exactly that old checksum, so that any other edit is still refused.
 */
@Component
public class KnownMigrationEdits implements Callback {

    private static final Logger log = LoggerFactory.getLogger(KnownMigrationEdits.class);

    record Edit(String version, int before, int after, String why) {
    }

    static final List<Edit> EDITS = List.of(
            new Edit("5", -2041553927, -626750083,
                    "routing_batch.stored quoted: STORED is a reserved word in MySQL 8, so V5 failed there (not in MariaDB or H2)"));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE; // migrate validates first, and fires this then too
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Configuration configuration = context.getConfiguration();
        if (configuration.getDefaultSchema() != null || configuration.getSchemas().length > 0) {
            // the service leaves Flyway in the connection's own schema; anywhere else, the history is not looked for
            log.warn("Flyway is configured with schemas; known edits of applied migrations are not recorded ({})", EDITS);
            return;
        }
        Connection connection = context.getConnection();
        String table = configuration.getTable();
        try {
            String quote = connection.getMetaData().getIdentifierQuoteString().strip();
            String history = quote + table + quote; // exactly as Flyway created it, whatever the database does to case
            if (!historyExists(connection, table)) {
                return; // a new database: every migration runs as it is now
            }
            for (Edit edit : EDITS) {
                record(connection, history, edit);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not record the known edits of applied migrations in " + table, e);
        }
    }

    private static void record(Connection connection, String history, Edit edit) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + history + " SET checksum = ? WHERE version = ? AND checksum = ? AND success = ?")) {
            update.setInt(1, edit.after());
            update.setString(2, edit.version());
            update.setInt(3, edit.before());
            update.setBoolean(4, true);
            if (update.executeUpdate() > 0) {
                log.info("Migration V{} was applied before a known edit ({}); its recorded checksum now matches the script",
                        edit.version(), edit.why());
            }
        }
        // where the old script failed (MySQL, which cannot roll DDL back, records the failure), it runs again as edited;
        // it failed on its first statement, so it left nothing behind
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + history + " WHERE version = ? AND checksum = ? AND success = ?")) {
            delete.setString(1, edit.version());
            delete.setInt(2, edit.before());
            delete.setBoolean(3, false);
            if (delete.executeUpdate() > 0) {
                log.info("Migration V{} had failed before a known edit ({}); it runs again as edited", edit.version(), edit.why());
            }
        }
    }

    /** The history table in the connection's own catalog and schema, where Flyway keeps it when given no schema. */
    private static boolean historyExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), table,
                new String[]{"TABLE"})) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "known migration edits";
    }
}
