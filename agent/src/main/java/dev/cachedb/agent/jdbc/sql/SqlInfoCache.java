package dev.cachedb.agent.jdbc.sql;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Remembers the classification of recent statements so a repeated statement (the normal case with
 * prepared statements and ORMs) costs one lookup instead of a parse.
 *
 * <p>Asked first is the classifier's last shape ({@link SqlClassifier#sameShape}): a statement
 * that differs from the last one parsed only past its table (inlined literals) is answered by
 * comparing that prefix, without hashing the new String and without taking a slot from the
 * statements that do repeat.
 *
 * <p>Design: preallocated arrays of {@code maxEntries} slots, each a statement, its hash, its info
 * and a version; a statement may sit in its hash's slot or the next one. Nothing is allocated,
 * neither on a hit nor on a miss: a miss overwrites a slot in place (the infos are shared objects,
 * see {@link SqlTableNames}), so an application that inlines literals churns the slots without
 * garbage and without the periodic clear a map would need. Statements longer than {@link
 * #MAX_CACHED_SQL_LENGTH} are classified every time and never kept.
 *
 * <p>Concurrency: a seqlock per slot. A writer moves the slot's version from even to odd by
 * compareAndSet (a writer that loses simply does not cache), writes statement, hash and info, then
 * makes the version even again. A reader reads version, hash, statement, info, version; all are
 * volatile accesses, so if both version reads agree and are even no write to the slot overlapped
 * the reads, and the info belongs to the statement read. A torn or raced read is a miss, which
 * costs a parse and never a wrong answer. The hash sits next to the version, so a miss is decided
 * without touching the held String, which is most likely not in the CPU's cache; a hit compares
 * by reference first (the same String instance is the common repeat), then by equals.
 */
public final class SqlInfoCache {

  /** Statements longer than this are classified on each call but never kept. */
  public static final int MAX_CACHED_SQL_LENGTH = 4096;

  private final int slots;
  private final AtomicIntegerArray stamps; // [2i] the slot's version, [2i + 1] its key's hash
  private final AtomicReferenceArray<String> keys;
  private final AtomicReferenceArray<SqlStatementInfo> infos;

  public SqlInfoCache(int maxEntries) {
    this.slots = Math.max(1, maxEntries);
    this.stamps = new AtomicIntegerArray(2 * slots);
    this.keys = new AtomicReferenceArray<>(slots);
    this.infos = new AtomicReferenceArray<>(slots);
  }

  /** Never throws, never returns null. */
  public SqlStatementInfo get(String sql) {
    if (sql == null || sql.length() > MAX_CACHED_SQL_LENGTH) {
      return SqlClassifier.classify(sql);
    }
    SqlStatementInfo info = SqlClassifier.sameShape(sql);
    if (info != null) {
      return info;
    }
    int hash = sql.hashCode();
    int first = slot(hash);
    int second = first + 1 == slots ? 0 : first + 1;
    info = read(first, sql, hash);
    if (info == null) {
      info = read(second, sql, hash);
    }
    if (info != null) {
      return info;
    }
    info = SqlClassifier.parse(sql);
    // Fill an empty slot of the two, else evict by a hash bit, so both slots get used.
    boolean takeFirst = keys.get(first) == null || keys.get(second) != null && (hash & 1) == 0;
    int target = takeFirst ? first : second;
    write(target, sql, hash, info);
    return info;
  }

  private SqlStatementInfo read(int i, String sql, int hash) {
    int version = stamps.get(2 * i);
    if (stamps.get(2 * i + 1) != hash) {
      return null;
    }
    String key = keys.get(i);
    if (key != sql && (key == null || !key.equals(sql))) {
      return null;
    }
    SqlStatementInfo info = infos.get(i);
    return (version & 1) == 0 && stamps.get(2 * i) == version ? info : null;
  }

  private void write(int i, String sql, int hash, SqlStatementInfo info) {
    int version = stamps.get(2 * i);
    if ((version & 1) != 0 || !stamps.compareAndSet(2 * i, version, version + 1)) {
      return; // another thread is writing this slot: leave it to that one
    }
    stamps.set(2 * i + 1, hash);
    keys.set(i, sql);
    infos.set(i, info);
    stamps.set(2 * i, version + 2);
  }

  /** Maps a hash to [0, slots) by multiplying, not dividing; the golden-ratio step mixes bits. */
  private int slot(int hash) {
    return (int) (((hash * 0x9E3779B9) & 0xFFFFFFFFL) * slots >>> 32);
  }

  /** Entries held now; for tests. */
  int size() {
    int n = 0;
    for (int i = 0; i < slots; i++) {
      n += keys.get(i) != null ? 1 : 0;
    }
    return n;
  }
}
