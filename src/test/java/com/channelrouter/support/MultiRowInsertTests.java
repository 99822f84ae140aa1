package com.channelrouter.support;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Multi-row INSERTs on H2; {@link MultiRowInsertOnMariaDbTests} runs the same through Connector/J's server-side statements. */
class MultiRowInsertTests {

    record Row(int id, String name, Instant at, Boolean flag, DayOfWeek day) {
    }

    static final MultiRowInsert<Row> ROWS = MultiRowInsert.<Row>into("sample")
            .column("id", Row::id).column("name", Row::name).column("at", Row::at).column("flag", Row::flag)
            .column("day_code", Row::day).build();

    final JdbcTemplate jdbc = new JdbcTemplate(database());

    MultiRowInsertTests() {
        jdbc.execute("DROP TABLE IF EXISTS sample");
        jdbc.execute("DROP TABLE IF EXISTS named");
        jdbc.execute("CREATE TABLE sample (id INT PRIMARY KEY, name VARCHAR(40), at DATETIME(6), flag BOOLEAN, day_code VARCHAR(9))");
    }

    /** A fresh in-memory H2 database per test. */
    DataSource database() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:rows-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        return database;
    }

    /** What comes back of a DATETIME(6) value, as text. */
    String datetimeText(int id) {
        return jdbc.queryForObject("SELECT CAST(at AS VARCHAR) FROM sample WHERE id = ?", String.class, id);
    }

    @Test
    void oneStatementPerHundredRows() {
        assertThat(ROWS.sql(2)).isEqualTo("INSERT INTO sample (id, name, at, flag, day_code) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)");
    }

    @Test
    void everyRowArrivesWithItsValuesWhateverTheCount() {
        List<Row> rows = IntStream.range(0, 250).mapToObj(i -> new Row(i, i % 7 == 0 ? null : "name's \"quoted\" \\ 名" + i,
                Instant.parse("2026-11-26T05:00:00.123456Z").plusSeconds(i), i % 2 == 0, DayOfWeek.of(i % 7 + 1))).toList();

        ROWS.insert(jdbc, rows);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sample", Integer.class)).isEqualTo(250);
        assertThat(jdbc.queryForMap("SELECT * FROM sample WHERE id = 201"))
                .containsEntry("name", "name's \"quoted\" \\ 名201").containsEntry("flag", false).containsEntry("day_code", "SATURDAY");
        assertThat(datetimeText(201)).isEqualTo("2026-11-26 05:03:21.123456");
        assertThat(jdbc.queryForObject("SELECT name FROM sample WHERE id = 7", String.class)).isNull();
    }

    @Test
    void aDuplicateKeyIsSpringsDuplicateKeyException() {
        ROWS.insert(jdbc, List.of(new Row(1, "a", null, true, DayOfWeek.MONDAY)));

        assertThatThrownBy(() -> ROWS.insert(jdbc, List.of(new Row(1, "b", null, true, DayOfWeek.MONDAY))))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aDuplicateKeyInALaterPartOfTheSameStatementStillFailsTheInsert() {
        ROWS.insert(jdbc, List.of(new Row(150, "a", null, true, DayOfWeek.MONDAY)));
        List<Row> rows = IntStream.range(0, 250).mapToObj(i -> new Row(i, "n" + i, null, false, DayOfWeek.FRIDAY)).toList();

        assertThatThrownBy(() -> ROWS.insert(jdbc, rows)).isInstanceOf(DuplicateKeyException.class);
    }

    record Named(String name) {
    }

    @Test
    void generatedKeysComeBackOnePerRowInTheRowsOrder() {
        jdbc.execute("CREATE TABLE named (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40))");
        MultiRowInsert<Named> named = MultiRowInsert.<Named>into("named").column("name", Named::name).build();
        named.insert(jdbc, List.of(new Named("before")));
        List<Named> rows = IntStream.range(0, 250).mapToObj(i -> new Named("n" + i)).toList();

        List<Long> keys = named.insertReturningKeys(jdbc, rows, "id");

        assertThat(keys).hasSize(250).doesNotHaveDuplicates();
        for (int i = 0; i < rows.size(); i += 49) {
            assertThat(jdbc.queryForObject("SELECT name FROM named WHERE id = ?", String.class, keys.get(i))).isEqualTo("n" + i);
        }
    }
}
