package dev.cachedb.agent.config;

import java.util.Locale;

/**
 * The kinds of value a configuration key takes. Each checks a raw string and can say, in words for
 * an operator, what it allows: that phrase ends the one error line a bad value produces. Numbers
 * and durations are checked against the key's own maximum ({@link ConfigKey#max()}).
 */
enum ValueType {
  BOOLEAN("true or false") {
    @Override
    boolean accepts(String v, long max) {
      return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }
  },
  PORT("an integer from 0 to 65535 (0 picks a free port)") {
    @Override
    boolean accepts(String v, long max) {
      return parseLong(v, 0, 65535) != null;
    }
  },
  POSITIVE_INT("an integer from 1 to ") {
    @Override
    boolean accepts(String v, long max) {
      return parseLong(v, 1, max) != null;
    }

    @Override
    String allowed(long max) {
      return super.allowed(max) + max;
    }
  },
  DURATION("a duration such as 250ms, 15s or 2m (a bare number is milliseconds) up to ") {
    @Override
    boolean accepts(String v, long max) {
      Long millis = durationMillis(v);
      return millis != null && millis <= max;
    }

    @Override
    String allowed(long max) {
      return super.allowed(max) + (max % 3_600_000 == 0 ? max / 3_600_000 + "h" : max + "ms");
    }
  },
  HOST("a host name or IP address without spaces or commas") {
    @Override
    boolean accepts(String v, long max) {
      if (v.isEmpty() || v.length() > 255) {
        return false;
      }
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        boolean ok =
            Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '_' || c == '%';
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  },
  LEVEL("one of off, error, warn, info, debug") {
    @Override
    boolean accepts(String v, long max) {
      switch (v.toLowerCase(Locale.ROOT)) {
        case "off":
        case "error":
        case "warn":
        case "info":
        case "debug":
          return true;
        default:
          return false;
      }
    }
  },
  SHA256_HEX("64 hexadecimal digits (a SHA-256 hash)") {
    @Override
    boolean accepts(String v, long max) {
      if (v.length() != 64) {
        return false;
      }
      for (int i = 0; i < v.length(); i++) {
        if (Character.digit(v.charAt(i), 16) < 0) {
          return false;
        }
      }
      return true;
    }
  },
  KEYSTORE_TYPE("PKCS12 or JKS") {
    @Override
    boolean accepts(String v, long max) {
      return v.equalsIgnoreCase("PKCS12") || v.equalsIgnoreCase("JKS");
    }
  },
  DELIMITER("one ASCII punctuation character, such as : or / or |") {
    @Override
    boolean accepts(String v, long max) {
      if (v.length() != 1) {
        return false;
      }
      char c = v.charAt(0);
      return c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c);
    }
  },
  TEXT("any text") {
    @Override
    boolean accepts(String v, long max) {
      return true;
    }
  };

  static final long DAY_MILLIS = 24 * 3_600_000L;

  private final String allowed;

  ValueType(String allowed) {
    this.allowed = allowed;
  }

  /** {@code max}: the key's largest number or duration in milliseconds; other kinds ignore it. */
  abstract boolean accepts(String value, long max);

  String allowed(long max) {
    return allowed;
  }

  static Long parseLong(String v, long min, long max) {
    if (v.isEmpty() || v.length() > 19) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return null;
      }
    }
    long n = Long.parseLong(v);
    return n < min || n > max ? null : n;
  }

  /** Milliseconds for "250ms", "15s", "2m", "1h" or a bare number of milliseconds; else null. */
  static Long durationMillis(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    long unit = 1;
    String digits = s;
    if (s.endsWith("ms")) {
      digits = s.substring(0, s.length() - 2);
    } else if (s.endsWith("s")) {
      unit = 1000;
      digits = s.substring(0, s.length() - 1);
    } else if (s.endsWith("m")) {
      unit = 60_000;
      digits = s.substring(0, s.length() - 1);
    } else if (s.endsWith("h")) {
      unit = 3_600_000;
      digits = s.substring(0, s.length() - 1);
    }
    Long n = parseLong(digits, 0, Long.MAX_VALUE / 3_600_000);
    return n == null ? null : n * unit;
  }
}
