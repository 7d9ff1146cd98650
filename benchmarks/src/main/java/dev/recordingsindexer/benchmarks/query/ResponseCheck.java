package dev.recordingsindexer.benchmarks.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Checks response bodies the way a strict client would, cheaply: the whole body is tokenized (so it
 * must be well-formed JSON), but recordings are skipped rather than bound to objects. Thread-safe.
 */
final class ResponseCheck {

  /** Why a response does not count as a good answer. */
  static final class BadResponse extends Exception {
    private static final long serialVersionUID = 1L;
    private final String kind;

    BadResponse(String kind, String message) {
      super(message);
      this.kind = kind;
    }

    /** A short stable label to count errors by, e.g. {@code parse} or {@code too-many-items}. */
    String kind() {
      return kind;
    }
  }

  /** What the driver needs from a list page. */
  record Page(int items, String nextPageUrl) {}

  private static final JsonFactory JSON = new JsonFactory();
  private static final String PAGE_START = "{\"recordings\":[";
  private static final String META_FIELD = "\"meta\":{";
  private static final String SID_FIELD = "\"sid\":\"RT";

  private ResponseCheck() {}

  /**
   * Checks a {@code GET /v1/Recordings} page: an object with a {@code recordings} array of objects
   * (at most {@code pageSize}) and a {@code meta} object whose {@code page_size} is {@code
   * pageSize} and whose {@code next_page_url} is a string or null.
   */
  static Page listPage(byte[] body, int length, int pageSize) throws BadResponse {
    int items = -1;
    String next = null;
    boolean meta = false;
    try (JsonParser json = JSON.createParser(body, 0, length)) {
      expect(json.nextToken(), JsonToken.START_OBJECT, "body");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("recordings")) {
          expect(value, JsonToken.START_ARRAY, "recordings");
          items = 0;
          for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
            expect(t, JsonToken.START_OBJECT, "recordings[" + items + "]");
            json.skipChildren();
            items++;
          }
        } else if (field.equals("meta")) {
          next = metaObject(json, pageSize);
          meta = true;
        } else {
          json.skipChildren();
        }
      }
      if (json.nextToken() != null) {
        throw new BadResponse("parse", "trailing content after the body");
      }
    } catch (IOException e) {
      throw new BadResponse("parse", "not JSON: " + e.getMessage());
    }
    if (items < 0 || !meta) {
      throw new BadResponse("parse", "no recordings array or no meta object");
    }
    if (items > pageSize) {
      throw new BadResponse("too-many-items", items + " items on a page of " + pageSize);
    }
    return new Page(items, next);
  }

  /**
   * A cheaper check of a list page for high request rates: the body must open as a page ({@code
   * {"recordings":[}), end with a {@code meta} object that {@link #listPage} would accept, and hold
   * at most {@code pageSize} recordings, counted by their {@code "sid":"RT} fields with the
   * vectorized {@link String#indexOf}. Strings inside the recordings are not tokenized, so a body
   * broken in the middle passes: use it with a full check of a sample of the answers.
   */
  static Page quickListPage(byte[] body, int length, int pageSize) throws BadResponse {
    String text = new String(body, 0, length, StandardCharsets.ISO_8859_1);
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int meta = text.lastIndexOf(META_FIELD, end);
    if (!text.startsWith(PAGE_START) || meta < 0 || end < 2 || text.charAt(end - 1) != '}') {
      throw new BadResponse("parse", "not a list page: " + abbreviate(text));
    }
    int items = 0;
    for (int at = text.indexOf(SID_FIELD, PAGE_START.length());
        at >= 0 && at < meta;
        at = text.indexOf(SID_FIELD, at + SID_FIELD.length())) {
      items++;
    }
    int metaStart = meta + META_FIELD.length() - 1;
    String next;
    try (JsonParser json = JSON.createParser(body, metaStart, end - 1 - metaStart)) {
      next = meta(json, pageSize);
      if (json.nextToken() != null) {
        throw new BadResponse("parse", "content after meta: " + abbreviate(text));
      }
    } catch (IOException e) {
      throw new BadResponse("parse", "meta is not JSON: " + e.getMessage());
    }
    if (items > pageSize) {
      throw new BadResponse("too-many-items", items + " items on a page of " + pageSize);
    }
    return new Page(items, next);
  }

  /** Checks a {@code GET /v1/Recordings/{Sid}} body: an object whose {@code sid} is {@code sid}. */
  static void recording(byte[] body, int length, String sid) throws BadResponse {
    String found = null;
    try (JsonParser json = JSON.createParser(body, 0, length)) {
      expect(json.nextToken(), JsonToken.START_OBJECT, "body");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("sid") && value == JsonToken.VALUE_STRING) {
          found = json.getText();
        } else {
          json.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new BadResponse("parse", "not JSON: " + e.getMessage());
    }
    if (!sid.equals(found)) {
      throw new BadResponse("wrong-sid", "asked for " + sid + ", got " + found);
    }
  }

  /** Reads a meta object from its first token; returns next_page_url. */
  private static String meta(JsonParser json, int pageSize) throws IOException, BadResponse {
    json.nextToken();
    return metaObject(json, pageSize);
  }

  /** Reads a meta object whose START_OBJECT is the current token; returns next_page_url. */
  private static String metaObject(JsonParser json, int pageSize) throws IOException, BadResponse {
    expect(json.currentToken(), JsonToken.START_OBJECT, "meta");
    String next = null;
    int metaPageSize = -1;
    boolean hasNext = false;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken t = json.nextToken();
      if (name.equals("next_page_url")) {
        hasNext = true;
        if (t == JsonToken.VALUE_STRING) {
          next = json.getText();
        } else if (t != JsonToken.VALUE_NULL) {
          throw new BadResponse("parse", "meta.next_page_url is " + t);
        }
      } else if (name.equals("page_size") && t == JsonToken.VALUE_NUMBER_INT) {
        metaPageSize = json.getIntValue();
      } else {
        json.skipChildren();
      }
    }
    if (!hasNext || metaPageSize != pageSize) {
      throw new BadResponse(
          "parse", "meta lacks next_page_url or page_size " + pageSize + ": " + metaPageSize);
    }
    return next;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static void expect(JsonToken actual, JsonToken expected, String where)
      throws BadResponse {
    if (actual != expected) {
      throw new BadResponse("parse", where + ": expected " + expected + ", got " + actual);
    }
  }
}
