package dev.cachedb.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedList;
import org.junit.jupiter.api.Test;

class PoolReadersTest {
  private final PoolReaders readers = new PoolReaders();

  @Test
  void aPoolIsReadByTheReaderOfItsClassOrASuperclass() {
    PoolReader lists = new StubReader(AbstractList.class.getName(), "list");
    readers.register(lists);
    assertThat(readers.of(new ArrayList<>())).isSameAs(lists);
    assertThat(readers.of(new Object())).isNull();
  }

  @Test
  void aClassLookedUpBeforeItsReaderRegisteredIsLookedUpAgain() {
    assertThat(readers.of(new LinkedList<>())).isNull();
    PoolReader linked = new StubReader(LinkedList.class.getName(), "linked");
    readers.register(linked);
    assertThat(readers.of(new LinkedList<>())).isSameAs(linked);
  }

  @Test
  void registeringAPoolClassTwiceKeepsTheFirstReader() {
    PoolReader first = new StubReader(ArrayList.class.getName(), "a");
    readers.register(first);
    readers.register(new StubReader(ArrayList.class.getName(), "b"));
    assertThat(readers.of(new ArrayList<>())).isSameAs(first);
  }

  @Test
  void aKeyBelongsToThePoolItsReaderNames() {
    final Object pool = new Object();
    readers.register(
        new StubReader("test.keyed", "keyed") {
          @Override
          public Object poolOfKey(Object key) {
            return key instanceof String ? pool : null;
          }
        });
    assertThat(readers.poolOfKey("entry")).isSameAs(pool);
    assertThat(readers.poolOfKey(1)).isNull();
  }
}
