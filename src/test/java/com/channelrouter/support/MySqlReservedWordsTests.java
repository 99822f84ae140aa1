package com.channelrouter.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema runs on MySQL 8 as well as on MariaDB and H2, and MySQL reserves words the others do not (V5 named a
 * column {@code stored} and failed on MySQL only; CI has no MySQL server). Every table, column and index the
 * migrations name is checked against MySQL 8.4's reserved words: a reserved one must be quoted where it is
 * defined and everywhere the mappers use it.
 */
class MySqlReservedWordsTests {

    /** MySQL 8.0 and 8.4 reserved words (the manual's list of keywords marked R). */
    static final Set<String> RESERVED = Set.of(("ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE BEFORE BETWEEN BIGINT BINARY "
            + "BLOB BOTH BY CALL CASCADE CASE CHANGE CHAR CHARACTER CHECK COLLATE COLUMN CONDITION CONSTRAINT CONTINUE CONVERT "
            + "CREATE CROSS CUBE CUME_DIST CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES "
            + "DAY_HOUR DAY_MICROSECOND DAY_MINUTE DAY_SECOND DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DENSE_RANK DESC DESCRIBE "
            + "DETERMINISTIC DISTINCT DISTINCTROW DIV DOUBLE DROP DUAL EACH ELSE ELSEIF EMPTY ENCLOSED ESCAPED EXCEPT EXISTS EXIT "
            + "EXPLAIN FALSE FETCH FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR FORCE FOREIGN FROM FULLTEXT FUNCTION GENERATED GET GRANT "
            + "GROUP GROUPING GROUPS HAVING HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF IGNORE IN INDEX INFILE INNER "
            + "INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERSECT INTERVAL INTO IO_AFTER_GTIDS IO_BEFORE_GTIDS "
            + "IS ITERATE JOIN JSON_TABLE KEY KEYS KILL LAG LAST_VALUE LATERAL LEAD LEADING LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD "
            + "LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP LOW_PRIORITY MANUAL MASTER_BIND MASTER_SSL_VERIFY_SERVER_CERT "
            + "MATCH MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT MIDDLEINT MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES NATURAL NOT "
            + "NO_WRITE_TO_BINLOG NTH_VALUE NTILE NULL NUMERIC OF ON OPTIMIZE OPTIMIZER_COSTS OPTION OPTIONALLY OR ORDER OUT OUTER "
            + "OUTFILE OVER PARALLEL PARTITION PERCENT_RANK PRECISION PRIMARY PROCEDURE PURGE QUALIFY RANGE RANK READ READS "
            + "READ_WRITE REAL RECURSIVE REFERENCES REGEXP RELEASE RENAME REPEAT REPLACE REQUIRE RESIGNAL RESTRICT RETURN REVOKE "
            + "RIGHT RLIKE ROW ROWS ROW_NUMBER SCHEMA SCHEMAS SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL SMALLINT "
            + "SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT SSL STARTING "
            + "STORED STRAIGHT_JOIN SYSTEM TABLE TABLESAMPLE TERMINATED THEN TINYBLOB TINYINT TINYTEXT TO TRAILING TRIGGER TRUE UNDO "
            + "UNION UNIQUE UNLOCK UNSIGNED UPDATE USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUES VARBINARY VARCHAR "
            + "VARCHARACTER VARYING VIRTUAL WHEN WHERE WHILE WINDOW WITH WRITE XOR YEAR_MONTH ZEROFILL").split(" "));

    private static final String NAME = "(`?)([A-Za-z_][A-Za-z0-9_]*)`?";
    /** Words that open a line or follow ADD without naming anything new. */
    private static final String NOT_A_NAME = "(?!(?i:CONSTRAINT|PRIMARY|UNIQUE|KEY|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL)\\b)";
    /** What the migrations name: tables, indexes, and columns where they are defined, added or renamed. */
    private static final List<Pattern> DEFINITIONS = List.of(
            Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME),
            Pattern.compile("(?i)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+" + NAME),
            Pattern.compile("(?i)\\bADD\\s+(?:COLUMN\\s+)?" + NOT_A_NAME + NAME),
            Pattern.compile("(?i)\\bRENAME\\s+(?:COLUMN\\s+)?\\S+\\s+TO\\s+" + NAME),
            Pattern.compile("(?i)\\bCHANGE\\s+(?:COLUMN\\s+)?\\S+\\s+" + NAME),
            // a column line of a CREATE TABLE: a name, then its type, whatever the type (read inside CREATE TABLE only)
            Pattern.compile("(?m)^[ \\t]+" + NOT_A_NAME + NAME + "[ \\t]+[A-Za-z]+(?:\\(|\\s|,|$)"));
    private static final int COLUMN_LINE = 5;
    private static final Pattern CREATE_TABLE_BODY = Pattern.compile("(?is)CREATE\\s+TABLE\\b[^(]*\\((.*?)\\)\\s*(?:ENGINE\\b|;)");
    private static final Pattern COMMENTS = Pattern.compile("(?s)--[^\\n]*|//[^\\n]*|/\\*.*?\\*/");

    @Test
    void noNameTheMigrationsDefineIsAMySqlReservedWordUnlessQuoted() throws IOException {
        List<String> unquoted = new ArrayList<>();
        for (Path migration : migrations()) {
            String text = COMMENTS.matcher(Files.readString(migration)).replaceAll(" ");
            List<String> searched = new ArrayList<>(List.of(text));
            for (int i = 0; i < DEFINITIONS.size(); i++) {
                List<String> where = i == COLUMN_LINE ? CREATE_TABLE_BODY.matcher(text).results().map(m -> m.group(1)).toList() : searched;
                for (String part : where) {
                    Matcher name = DEFINITIONS.get(i).matcher(part);
                    while (name.find()) {
                        if (RESERVED.contains(name.group(2).toUpperCase(Locale.ROOT)) && name.group(1).isEmpty()) {
                            unquoted.add(migration.getFileName() + ": " + name.group(2));
                        }
                    }
                }
            }
        }
        assertThat(unquoted).isEmpty();
    }

    @Test
    void reservedNamesAreQuotedWhereverTheMappersUseThem() throws IOException {
        Set<String> reservedNames = new TreeSet<>();
        for (Path migration : migrations()) {
            Matcher quoted = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)`").matcher(Files.readString(migration));
            while (quoted.find()) {
                if (RESERVED.contains(quoted.group(1).toUpperCase(Locale.ROOT))) {
                    reservedNames.add(quoted.group(1));
                }
            }
        }
        assertThat(reservedNames).as("the check below has something to look for").contains("stored");
        List<String> unquoted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/com/channelrouter"))) {
            for (Path mapper : files.filter(f -> f.toString().endsWith("Mapper.xml")).toList()) {
                // SQL only: not MyBatis parameters (#{stored}), attributes (property="stored") or comments
                String sql = Files.readString(mapper).replaceAll("(?s)<!--.*?-->", "").replaceAll("[#$]\\{[^}]*}", "")
                        .replaceAll("\\w+=\"[^\"]*\"", "").replaceAll("`[^`]*`", "");
                for (String name : reservedNames) {
                    if (Pattern.compile("(?i)\\b" + name + "\\b").matcher(sql).find()) {
                        unquoted.add(mapper.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertThat(unquoted).isEmpty();
    }

    private static List<Path> migrations() throws IOException {
        List<Path> migrations = new ArrayList<>();
        for (Path folder : List.of(Path.of("db/migration"), Path.of("src/main/java/db/migration"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".sql") || f.toString().endsWith(".java")).sorted().forEach(migrations::add);
            }
        }
        assertThat(migrations).hasSizeGreaterThan(9);
        return migrations;
    }
}
