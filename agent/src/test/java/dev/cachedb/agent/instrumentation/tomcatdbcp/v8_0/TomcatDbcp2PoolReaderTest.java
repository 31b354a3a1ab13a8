package dev.cachedb.agent.instrumentation.tomcatdbcp.v8_0;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class TomcatDbcp2PoolReaderTest {

  @Test
  void jndiNameOfAWebApplicationResource() throws Exception {
    assertThat(TomcatDbcp2PoolReader.jndiName(new ObjectName("Catalina:type=DataSource,"
        + "host=localhost,context=/shop,class=javax.sql.DataSource,name=\"jdbc/orders\"")))
        .isEqualTo("jdbc/orders");
  }

  @Test
  void jndiNameOfAGlobalResource() throws Exception {
    assertThat(TomcatDbcp2PoolReader.jndiName(new ObjectName(
        "Catalina:type=DataSource,class=javax.sql.DataSource,name=\"jdbc/global\"")))
        .isEqualTo("jdbc/global");
  }

  @Test
  void jndiNameUnderAnotherEngineDomain() throws Exception {
    assertThat(TomcatDbcp2PoolReader.jndiName(new ObjectName(
        "Standalone:type=DataSource,class=javax.sql.DataSource,name=\"jdbc/a,b=c\"")))
        .isEqualTo("jdbc/a,b=c");
  }

  @Test
  void unquotedNameKeptAsItIs() throws Exception {
    assertThat(TomcatDbcp2PoolReader.jndiName(
        new ObjectName("Catalina:type=DataSource,name=orders"))).isEqualTo("orders");
  }

  @Test
  void noJndiNameInANameTheApplicationChose() throws Exception {
    assertThat(TomcatDbcp2PoolReader.jndiName(new ObjectName("com.example:type=pool,name=orders")))
        .isNull();
  }

  @Test
  void noJndiNameWithoutANameKey() throws Exception {
    assertThat(TomcatDbcp2PoolReader.jndiName(new ObjectName("Catalina:type=DataSource,id=7")))
        .isNull();
  }
}
