package dev.cachedb.stacks.boot3;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Connections borrowed and kept until released, so the IT can compare pool gauges with the pool
 * busy, and with a thread waiting once all are out. No lock: a borrower that waits for a
 * connection must not keep release() from giving one back.
 */
@Component
public class HeldConnections {
  private final DataSource dataSource;
  private final Queue<Connection> held = new ConcurrentLinkedQueue<>();

  HeldConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int hold(int count) throws SQLException {
    for (int i = 0; i < count; i++) {
      held.add(dataSource.getConnection());
    }
    return count;
  }

  /**
   * Closes the connections held when called, oldest first; a waiting borrower that gets one of
   * them meanwhile joins the queue behind them and stays held.
   */
  public int releaseHeld() throws SQLException {
    int count = held.size();
    for (int i = 0; i < count; i++) {
      held.remove().close();
    }
    return count;
  }
}
