package dev.recordingsindexer.indexer.event;

/**
 * A quick test for the shape nearly every recording URL has, {@code http(s)://host[:port][/path][?
 * query]} with only unreserved characters, which {@link java.net.URI} always accepts as absolute.
 * Parsing with {@code java.net.URI} cost about 8% of the stream thread when indexing; a value that
 * does not match here is still judged by it, so the rule itself does not change.
 *
 * <p>Conservative by design: a false answer says nothing; a true answer means {@code new
 * URI(value).isAbsolute()} holds ({@code PlainHttpUrlTest} checks that on millions of seeded
 * strings).
 */
final class PlainHttpUrl {

  private static final int MAX_PORT_DIGITS = 5;

  private PlainHttpUrl() {}

  static boolean matches(String value) {
    int at;
    if (value.startsWith("https://")) {
      at = 8;
    } else if (value.startsWith("http://")) {
      at = 7;
    } else {
      return false;
    }
    int n = value.length();
    int hostStart = at;
    while (at < n && isHostChar(value.charAt(at))) {
      at++;
    }
    if (at == hostStart || !isAlphaNumeric(value.charAt(hostStart))) {
      return false;
    }
    if (at < n && value.charAt(at) == ':') {
      int portStart = ++at;
      while (at < n && isDigit(value.charAt(at))) {
        at++;
      }
      if (at == portStart || at - portStart > MAX_PORT_DIGITS) {
        return false;
      }
    }
    if (at < n && value.charAt(at) == '/') {
      while (at < n && isPathChar(value.charAt(at))) {
        at++;
      }
    }
    if (at < n && value.charAt(at) == '?') {
      at++;
      while (at < n && isQueryChar(value.charAt(at))) {
        at++;
      }
    }
    return at == n;
  }

  private static boolean isHostChar(char c) {
    return isAlphaNumeric(c) || c == '.' || c == '-';
  }

  private static boolean isPathChar(char c) {
    return isUnreserved(c) || c == '/';
  }

  private static boolean isQueryChar(char c) {
    return isUnreserved(c) || c == '/' || c == '=' || c == '&';
  }

  private static boolean isUnreserved(char c) {
    return isAlphaNumeric(c) || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean isAlphaNumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
