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

  /** The statement has no table. */
  static final Name NONE = new Name(SqlStatementInfo.NO_TABLE, SqlStatementInfo.NO_TABLE.hashCode());

  /** The classifier's table: names are the same whoever classifies, so one per JVM. */
  static final SqlTableNames SHARED = new SqlTableNames(MAX_NAMES);

  private final int maxNames;
  private final int mask;
  private final AtomicReferenceArray<Name> slots;
  private final AtomicInteger count = new AtomicInteger();

  SqlTableNames(int maxNames) {
    this.maxNames = maxNames;
    this.mask = Integer.highestOneBit(Math.max(1, 2 * maxNames - 1)) * 2 - 1; // at most half full
    this.slots = new AtomicReferenceArray<>(mask + 1);
  }

  /**
   * The name held in {@code chars[0, length)}, which are already lower case; {@code hash} is what
   * {@code String.hashCode} would give for them, so both intern methods agree.
   */
  Name intern(char[] chars, int length, int hash) {
    int i = spread(hash);
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      Name found = slots.get(i);
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
  Name intern(String name) {
    int hash = name.hashCode();
    int i = spread(hash);
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      Name found = slots.get(i);
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
  private Name add(int i, Name name) {
    if (count.incrementAndGet() > maxNames) {
      count.decrementAndGet();
      return name; // full: correct but not kept
    }
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      if (slots.compareAndSet(i, null, name)) {
        return name;
      }
      Name raced = slots.get(i);
      if (raced.hash == name.hash && raced.name.equals(name.name)) {
        count.decrementAndGet();
        return raced;
      }
    }
    return name;
  }

  /** Spreads String-style hashes, whose low bits are poor for short names, over the slots. */
  private int spread(int hash) {
    return (hash * 0x9E3779B9 >>> 16) & mask;
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
