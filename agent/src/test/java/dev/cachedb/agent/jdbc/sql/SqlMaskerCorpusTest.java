package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Literal shapes per dialect, each literal holding {@link #MARKER} (or its first three letters
 * where a literal is split): they must never reach the masker's output. Account DDL is here with
 * its unquoted forms (OpenTelemetry's SQL sanitizer tests list those).
 */
class SqlMaskerCorpusTest {

  static final String MARKER = "Zq7SECRET";

  static final String[] H2 = {
    "CREATE USER bob PASSWORD 'Zq7SECRET'",
    "CREATE USER IF NOT EXISTS bob PASSWORD 'Zq7SECRET' ADMIN",
    "CREATE USER bob IDENTIFIED BY \"Zq7SECRET\"",
    "ALTER USER bob SET PASSWORD 'Zq7SECRET'",
    "CREATE USER bob SALT X'Zq7SECRET' HASH X'Zq7SECRET'",
    "SELECT $$Zq7SECRET$$, U&'Zq7SECRET', X'Zq7SECRET', N'Zq7SECRET' FROM t",
    "SELECT JSON '{\"a\": \"Zq7SECRET\"}', DATE 'Zq7SECRET', INTERVAL 'Zq7SECRET' DAY",
    "CREATE LINKED TABLE t('org.h2.Driver', 'jdbc:h2:mem:x', 'sa', 'Zq7SECRET', 'tbl')",
  };

  static final String[] MYSQL = {
    "SELECT AES_ENCRYPT(name, \"Zq7SECRET\") FROM t",
    "SELECT * FROM t WHERE a BETWEEN \"Zq7SECRET\" AND \"Zq7SECRET\"",
    "SELECT * FROM t WHERE (\"Zq7SECRET\" = a)",
    "SELECT \"Zq7SECRET\", CONCAT(\"x\", \"Zq7SECRET\") FROM t",
    "SELECT TRIM(BOTH \"x\" FROM \"Zq7SECRET\"), EXTRACT(YEAR FROM \"Zq7SECRET\") FROM t",
    "SELECT * FROM t WHERE a = \"O\\\"Brien\" AND b = \"Zq7SECRET\"",
    "SELECT * FROM t WHERE a = 'O\\'Brien' AND b = 'Zq7SECRET'",
    "SELECT _utf8mb4'Zq7SECRET', _binary\"Zq7SECRET\", b'Zq7SECRET', x'Zq7SECRET', 0x7Ab",
    "SELECT 'Zq7' 'SECRET', 'Zq7SECRET' COLLATE utf8mb4_bin FROM t",
    "INSERT INTO t (a) VALUES (\"Zq7SECRET\") ON DUPLICATE KEY UPDATE a = \"Zq7SECRET\"",
    "CREATE USER bob IDENTIFIED BY \"Zq7SECRET\"",
    "CREATE USER 'bob'@'%' IDENTIFIED BY 'Zq7SECRET'",
    "CREATE USER bob IDENTIFIED WITH caching_sha2_password BY 'Zq7SECRET'",
    "CREATE USER bob IDENTIFIED WITH mysql_native_password AS \"Zq7SECRET\"",
    "CREATE USER bob IDENTIFIED WITH mysql_native_password BY Zq7SECRET",
    "ALTER USER bob IDENTIFIED BY 'Zq7SECRET' PASSWORD EXPIRE NEVER",
    "GRANT ALL ON db.* TO bob IDENTIFIED BY PASSWORD '*Zq7SECRET'",
    "SET PASSWORD FOR bob = PASSWORD(\"Zq7SECRET\")",
    "SET PASSWORD FOR 'bob'@'%' = 'Zq7SECRET'",
    "CREATE USER a IDENTIFIED BY 'Zq7SECRET', b IDENTIFIED BY \"Zq7SECRET\"",
    "CREATE USER bob IDENTIFIED VIA ed25519 USING PASSWORD('Zq7SECRET')",
    "CREATE USER bob IDENTIFIED VIA mysql_native_password USING \"*Zq7SECRET\"",
    "CHANGE MASTER TO MASTER_USER='r', MASTER_PASSWORD=\"Zq7SECRET\"",
    "SELECT * FROM t WHERE a = \"x\" /* \" */ OR b = \"Zq7SECRET\"",
  };

  static final String[] POSTGRES = {
    "SELECT E'Zq7\\'SECRET', e'Zq7SECRET', B'Zq7SECRET', X'Zq7SECRET' FROM t",
    "SELECT $$Zq7SECRET$$, $fn$ it's Zq7SECRET $fn$ FROM t",
    "SELECT U&'d\\0061Zq7SECRET' UESCAPE '!', 'Zq7SECRET'::text FROM t",
    "SELECT * FROM t WHERE path = 'C:\\' AND key = 'Zq7SECRET'",
    "SELECT * FROM t WHERE a = 'x\\' OR b = ' OR c = 'Zq7SECRET'",
    "SELECT * FROM \"dir\\\" WHERE a = 'Zq7SECRET'",
    "CREATE ROLE bob WITH LOGIN PASSWORD 'Zq7SECRET' VALID UNTIL 'Zq7SECRET'",
    "ALTER ROLE bob ENCRYPTED PASSWORD 'Zq7SECRET'",
    "ALTER USER bob WITH PASSWORD 'Zq7SECRET'",
    "CREATE USER MAPPING FOR bob SERVER s OPTIONS (user 'bob', password 'Zq7SECRET')",
    "CREATE USER u PASSWORD Zq7SECRET",
    "SELECT ARRAY['Zq7SECRET'], '{Zq7SECRET}'::text[], 42 FROM t",
  };

  static final String[] ORACLE = {
    "SELECT q'[Zq7SECRET]', Q'{Zq7 'SECRET}', q'(Zq7SECRET)', q'<Zq7SECRET>' FROM dual",
    "SELECT q'!Zq7 'x' SECRET!', q'#Zq7SECRET#', nq'[Zq7SECRET]', NQ'|Zq7SECRET|' FROM dual",
    "SELECT * FROM t WHERE a = q'[it's Zq7SECRET]' AND b = 1",
    "CREATE USER bob IDENTIFIED BY Zq7SECRET",
    "CREATE USER bob IDENTIFIED BY \"Zq7SECRET\" DEFAULT TABLESPACE users",
    "ALTER USER bob IDENTIFIED BY Zq7SECRET REPLACE Zq7SECRET",
    "ALTER USER bob IDENTIFIED BY Zq7SECRET ACCOUNT UNLOCK",
    "CREATE USER bob IDENTIFIED EXTERNALLY AS 'CN=Zq7SECRET'",
    "CREATE DATABASE LINK l CONNECT TO bob IDENTIFIED BY Zq7SECRET USING 'Zq7SECRET'",
    "CONNECT bob PASSWORD Zq7SECRET",
    "SELECT TO_DATE('Zq7SECRET', 'YYYY'), DATE 'Zq7SECRET', TIMESTAMP 'Zq7SECRET' FROM dual",
  };

  static final String[] SQL_SERVER = {
    "SELECT N'Zq7SECRET', 'Zq7SECRET', 0xZq7 FROM t",
    "CREATE LOGIN bob WITH PASSWORD = 'Zq7SECRET' MUST_CHANGE, CHECK_POLICY = ON",
    "ALTER LOGIN bob WITH PASSWORD = 'Zq7SECRET' OLD_PASSWORD = 'Zq7SECRET'",
    "ALTER LOGIN bob WITH PASSWORD = Zq7SECRET OLD_PASSWORD = Zq7SECRET",
    "CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Zq7SECRET'",
    "CREATE CREDENTIAL c WITH IDENTITY = 'bob', SECRET = 'Zq7SECRET'",
    "SELECT * FROM [t] WHERE [a] = \"Zq7SECRET\" AND {fn UCASE('Zq7SECRET')} = 'x'",
    "SELECT * FROM t WHERE d = {ts 'Zq7SECRET'}",
  };

  static Stream<Arguments> corpus() {
    List<Arguments> all = new ArrayList<>();
    for (String[] dialect : new String[][] {H2, MYSQL, POSTGRES, ORACLE, SQL_SERVER}) {
      for (String sql : dialect) {
        all.add(Arguments.of(sql));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void noMarkerSurvives(String sql) {
    assertThat(sql).contains(MARKER.substring(0, 3));
    String masked = SqlMasker.mask(sql, 10_000);
    assertThat(masked).doesNotContain("Zq7");
  }

  @Test
  void zeroMarkersLeakFromTheWholeCorpus() {
    List<String> leaks = new ArrayList<>();
    corpus().forEach(a -> {
      String masked = SqlMasker.mask((String) a.get()[0], 10_000);
      if (masked.contains("Zq7")) {
        leaks.add(masked);
      }
    });
    assertThat(corpus().count()).isGreaterThan(50);
    assertThat(leaks).isEmpty();
  }
}
