package dev.cachedb.agent.jdbc.sql;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Interns table names so classifying a statement whose table was seen before creates no String and
 * no {@link SqlStatementInfo}: the name is looked up by a hash over the classifier's buffer and
 * compared char by char, and each name holds one shared info object per query type.
 *
 * <p>Open addressing with linear probing, never deleted from, at most half full, so a probe run is
 * short and a lookup allocates nothing. Slots are filled by compareAndSet; a reader sees either
 * null or a complete {@link Name} (final fields), so lookups need no lock. Once {@link #MAX_NAMES}
 * names are held, new ones are made per call and not kept: memory stays bounded, and only an
 * application with that many distinct tables pays an allocation per classification.
 */
final class SqlTableNames {

  /** Distinct names kept; far above {@code jdbc.max_tables}, whose overflow still needs a name. */
  static final int MAX_NAMES = 4096;

  private static final int MASK = 2 * MAX_NAMES - 1;
  private static final AtomicReferenceArray<Name> SLOTS = new AtomicReferenceArray<>(MASK + 1);
  private static final AtomicInteger COUNT = new AtomicInteger();

  /** The statement has no table. */
  static final Name NONE = new Name(SqlStatementInfo.NO_TABLE, SqlStatementInfo.NO_TABLE.hashCode());

  private SqlTableNames() {}

  /** The name held in {@code chars[0, length)}, which are already lower case. */
  static Name intern(char[] chars, int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[i]; // String.hashCode's formula, so both intern methods agree
    }
    int i = spread(hash);
    for (int probes = 0; probes <= MASK; probes++, i = (i + 1) & MASK) {
      Name found = SLOTS.get(i);
      if (found == null) {
        return add(i, new Name(new String(chars, 0, length), hash));
      }
      if (found.hash == hash && found.matches(chars, length)) {
        return found;
      }
    }
    return new Name(new String(chars, 0, length), hash); // unreachable: the table is half empty
  }

  /** The same for a name already made into a String (non-ASCII names, see {@link SqlNames}). */
  static Name intern(String name) {
    int hash = name.hashCode();
    int i = spread(hash);
    for (int probes = 0; probes <= MASK; probes++, i = (i + 1) & MASK) {
      Name found = SLOTS.get(i);
      if (found == null) {
        return add(i, new Name(name, hash));
      }
      if (found.hash == hash && found.name.equals(name)) {
        return found;
      }
    }
    return new Name(name, hash);
  }

  /** Puts {@code name} in the empty slot {@code i} or a later one; a racing equal name wins. */
  private static Name add(int i, Name name) {
    if (COUNT.incrementAndGet() > MAX_NAMES) {
      COUNT.decrementAndGet();
      return name; // full: correct but not kept
    }
    for (int probes = 0; probes <= MASK; probes++, i = (i + 1) & MASK) {
      if (SLOTS.compareAndSet(i, null, name)) {
        return name;
      }
      Name raced = SLOTS.get(i);
      if (raced.hash == name.hash && raced.name.equals(name.name)) {
        COUNT.decrementAndGet();
        return raced;
      }
    }
    return name;
  }

  /** Spreads String-style hashes, whose low bits are poor for short names, over the slots. */
  private static int spread(int hash) {
    return (hash * 0x9E3779B9 >>> 16) & MASK;
  }

  /** One table name and its statement infos, one per query type, made on first use. */
  static final class Name {
    final String name;
    final int hash;
    // Racy lazy fill is safe: SqlStatementInfo has final fields, and two equal infos are fine.
    private final SqlStatementInfo[] byType = new SqlStatementInfo[SqlClassifier.TYPE_COUNT];

    Name(String name, int hash) {
      this.name = name;
      this.hash = hash;
    }

    SqlStatementInfo info(int type, String queryType) {
      SqlStatementInfo info = byType[type];
      if (info == null) {
        info = new SqlStatementInfo(queryType, name);
        byType[type] = info;
      }
      return info;
    }

    boolean matches(char[] chars, int length) {
      if (name.length() != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (name.charAt(i) != chars[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
