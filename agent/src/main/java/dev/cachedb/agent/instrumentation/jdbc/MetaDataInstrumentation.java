package dev.cachedb.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.DatabaseMetaData} or {@code ResultSetMetaData}: each public method is a
 * scope whose statements are the driver's, not counted. MariaDB, MySQL Connector/J and pgjdbc
 * answer {@code getTables}, {@code getColumns} and the like by executing catalog queries on
 * Statements of their own, and pgjdbc's ResultSetMetaData fetches column facts the same way
 * ({@code isAutoIncrement}, {@code isNullable}); H2 answers them inside its engine. Counted, they
 * would be queries of Hibernate's start-up (or of any tool reading the schema) on some drivers
 * and not on others.
 */
final class MetaDataInstrumentation implements TypeInstrumentation {
  private final String jdbcInterface;
  private final String[] landmarkMethods;

  private MetaDataInstrumentation(String jdbcInterface, String... landmarkMethods) {
    this.jdbcInterface = jdbcInterface;
    this.landmarkMethods = landmarkMethods;
  }

  /**
   * The landmark names are many because drivers split their metadata: MySQL Connector/J's abstract
   * base class declares getUserName, getSchemas and getTypeInfo (the first runs {@code SELECT
   * USER()}), its subclasses getTables and getColumns.
   */
  static MetaDataInstrumentation databaseMetaData() {
    return new MetaDataInstrumentation("java.sql.DatabaseMetaData",
        "getTables", "getColumns", "getPrimaryKeys", "getIndexInfo", "getImportedKeys",
        "getExportedKeys", "getCrossReference", "getSchemas", "getCatalogs", "getTableTypes",
        "getTypeInfo", "getUserName", "getProcedures", "getFunctions", "getSQLKeywords",
        "getDatabaseProductVersion", "getClientInfoProperties");
  }

  static MetaDataInstrumentation resultSetMetaData() {
    return new MetaDataInstrumentation("java.sql.ResultSetMetaData",
        "isAutoIncrement", "isNullable", "getTableName", "getSchemaName", "getCatalogName",
        "getColumnName", "getColumnLabel", "getColumnType", "getColumnCount");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return JdbcTypes.implementing(jdbcInterface, landmarkMethods);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isMethod().and(isPublic()).and(not(isAbstract())).and(not(isStatic())),
        ConnectionInstrumentation.class.getName() + "$DriverWorkAdvice");
  }
}
