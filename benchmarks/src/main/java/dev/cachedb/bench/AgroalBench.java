package dev.cachedb.bench;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Agroal's borrow and return: the shared pool advice on the {@code ConnectionPool}'s getConnection
 * and on the return of its handler, usage timed on that handler. Agroal pools take no name.
 */
public class AgroalBench extends AbstractPoolBench {

  @Override
  protected DataSource open() throws SQLException {
    Map<String, String> settings = new HashMap<>();
    settings.put(AgroalPropertiesReader.JDBC_URL, JDBC_URL);
    settings.put(AgroalPropertiesReader.PRINCIPAL, USER);
    settings.put(AgroalPropertiesReader.CREDENTIAL, PASSWORD);
    settings.put(AgroalPropertiesReader.INITIAL_SIZE, String.valueOf(SIZE));
    settings.put(AgroalPropertiesReader.MIN_SIZE, String.valueOf(SIZE));
    settings.put(AgroalPropertiesReader.MAX_SIZE, String.valueOf(SIZE));
    return AgroalDataSource.from(new AgroalPropertiesReader().readProperties(settings));
  }
}
