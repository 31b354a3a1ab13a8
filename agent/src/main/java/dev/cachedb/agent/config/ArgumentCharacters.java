package dev.cachedb.agent.config;

/**
 * Which text the agent-argument channel can carry. The JVM hands premain its options decoded as
 * modified UTF-8, not UTF-8: a character outside the Basic Multilingual Plane (4 bytes in UTF-8)
 * arrives as one char per byte ({@code U+1F600} as {@code U+00F0 U+009F}, and the text after it may
 * be cut), U+0000 and encoded surrogates arrive as such. A secret that arrives altered still
 * parses, and the right password then gets 401 with no error, so a secret holding what such a
 * decoding leaves behind is refused instead:
 *
 * <ul>
 *   <li>any surrogate, paired or not (a supplementary character, or half of one);
 *   <li>U+0000 and the C1 controls U+0080..U+009F (a UTF-8 continuation byte decoded alone);
 *   <li>U+00F0..U+00F4 followed by U+0080..U+00BF (the lead and next byte of a 4-byte sequence);
 *   <li>U+FFFD, the replacement character a decoder leaves for bytes it could not read.
 * </ul>
 *
 * <p>A password made of exactly those characters is refused too; system properties, environment
 * variables and the config file carry it unaltered.
 */
final class ArgumentCharacters {

  private ArgumentCharacters() {}

  /** Whether {@code value}, as received in the agent arguments, may have been altered. */
  static boolean mayBeAltered(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean fourByteLead =
          c >= 0xF0 && c <= 0xF4 && i + 1 < value.length()
              && value.charAt(i + 1) >= 0x80 && value.charAt(i + 1) <= 0xBF;
      if (c == 0 || c >= 0x80 && c <= 0x9F || Character.isSurrogate(c) || c == 0xFFFD
          || fourByteLead) {
        return true;
      }
    }
    return false;
  }
}
