package dev.cachedb.agent.cache.prefix;

/**
 * The rules that decide whether a key's text before its first delimiter reads as a name (a label
 * worth keeping) or as anything else. A key is scanned once, without allocating: as bytes (a
 * binary key) or as a String's chars, which for the characters a name may hold are the same.
 *
 * <p>Why so strict: the label must never carry an id, a token or personal data, and a key's
 * prefix is chosen by whoever wrote the application. A false {@code other} costs a little
 * detail; a leaked id costs a series per user and the data itself. The rules and their reasons
 * are in docs/key-prefixes.md.
 */
final class PrefixShape {
  /** The key has no delimiter. */
  static final long NONE = -1;
  /** The prefix does not look like a name. */
  static final long OTHER = -2;

  private PrefixShape() {}

  /**
   * The prefix of {@code bytes} (when not null) or {@code text}: {@link #NONE}, {@link #OTHER},
   * or its length in the low 32 bits and its hash (over the chars, as {@code String.hashCode})
   * in the high 32.
   */
  static long scan(byte[] bytes, String text, char delimiter, int maxLength) {
    int end = bytes != null ? indexOf(bytes, delimiter) : text.indexOf(delimiter);
    if (end < 0) {
      return NONE;
    }
    if (end == 0 || end > maxLength) {
      return OTHER;
    }
    int hash = 0;
    int digits = 0;
    int hexRun = 0;
    boolean hexRunHasDigit = false;
    int consonantRun = 0;
    int switches = 0;
    int lastClass = 0;
    for (int i = 0; i < end; i++) {
      int c = bytes != null ? bytes[i] & 0xff : text.charAt(i);
      int cls = charClass(c);
      if (cls == INVALID) {
        return OTHER; // binary, spaces, the @ of an e-mail, anything else
      }
      if (i == 0 && cls != LOWER && cls != UPPER) {
        return OTHER; // numbers, dates, addresses and most ids start with a digit
      }
      if (cls == DIGIT) {
        digits++;
      }
      if (cls == DIGIT || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        hexRun++;
        hexRunHasDigit |= cls == DIGIT;
        if (hexRun >= 8 && hexRunHasDigit) {
          return OTHER; // a hash, a UUID's group, a hex id
        }
      } else {
        hexRun = 0;
        hexRunHasDigit = false;
      }
      // Words have vowels; random letters mostly do not. Punctuation neither breaks nor extends
      // a run, or a token with a dash in every few characters would pass.
      if (cls != PUNCTUATION) {
        consonantRun = isVowel(c) ? 0 : consonantRun + 1;
        if (consonantRun >= 5) {
          return OTHER;
        }
      }
      // camelCase switches case once per word; base64 and random tokens switch at almost every
      // other character.
      if (cls != PUNCTUATION) {
        if (lastClass != 0 && cls != lastClass) {
          switches++;
        }
        lastClass = cls;
      }
      hash = 31 * hash + c;
    }
    // user42, v2, tenant7 name one thing, not a kind of thing.
    if (digits > 2 || digits * 4 > end || switches > 4) {
      return OTHER;
    }
    return ((long) hash << 32) | end;
  }

  private static final int INVALID = -1;
  private static final int LOWER = 1;
  private static final int UPPER = 2;
  private static final int DIGIT = 3;
  private static final int PUNCTUATION = 4;

  private static int charClass(int c) {
    if (c >= 'a' && c <= 'z') {
      return LOWER;
    }
    if (c >= 'A' && c <= 'Z') {
      return UPPER;
    }
    if (c >= '0' && c <= '9') {
      return DIGIT;
    }
    return c == '_' || c == '.' || c == '-' ? PUNCTUATION : INVALID;
  }

  private static boolean isVowel(int c) {
    switch (c | 0x20) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        return true;
      default:
        return false;
    }
  }

  private static int indexOf(byte[] bytes, char delimiter) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == delimiter) {
        return i;
      }
    }
    return -1;
  }
}
