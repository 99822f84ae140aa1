package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Each stored item paid for index entries no query reads. A decision is read only by its item, so
 * {@code routing_decision} is keyed by {@code work_item_id}, and its own {@code decision_id} (a UUIDv7,
 * unique as generated, in the answer for reference) is no longer indexed. A feed place is read only by its
 * recipient, from a cursor on ({@code GET /api/v1/events}), so {@code feed_event} is keyed by
 * {@code (recipient_channel, feed_seq)}, the order of that read, and the index that repeated it goes. Three
 * index entries less per item (its ROUTED event has two recipients). Places stay unique in each feed; relays
 * take them one after another under the feed head's row lock (OutboxRelay).
 * <p>
 * In Java because the two databases need the change written differently. MySQL and MariaDB change a
 * primary key in one {@code ALTER TABLE}: a server may refuse to leave a table without one even between two
 * statements ({@code sql_require_primary_key}, {@code innodb_force_primary_key}), and one statement rebuilds
 * the table once, with writes going on. H2 takes one change per {@code ALTER TABLE}, in a transaction.
 */
public class V10__Key_decisions_and_feed_places_by_how_they_are_read extends BaseJavaMigration {

    private static final List<String> MYSQL = List.of(
            "ALTER TABLE routing_decision DROP PRIMARY KEY, ADD CONSTRAINT pk_routing_decision PRIMARY KEY (work_item_id),"
                    + " DROP INDEX uq_routing_decision_item",
            "ALTER TABLE feed_event DROP PRIMARY KEY, ADD CONSTRAINT pk_feed_event PRIMARY KEY (recipient_channel, feed_seq),"
                    + " DROP INDEX ix_feed_event_recipient");

    private static final List<String> H2 = List.of(
            "ALTER TABLE routing_decision DROP PRIMARY KEY",
            "ALTER TABLE routing_decision ADD CONSTRAINT pk_routing_decision PRIMARY KEY (work_item_id)",
            "ALTER TABLE routing_decision DROP INDEX uq_routing_decision_item",
            "ALTER TABLE feed_event DROP PRIMARY KEY",
            "ALTER TABLE feed_event ADD CONSTRAINT pk_feed_event PRIMARY KEY (recipient_channel, feed_seq)",
            "DROP INDEX ix_feed_event_recipient ON feed_event");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String sql : h2 ? H2 : MYSQL) {
                statement.execute(sql);
            }
        }
    }
}
