package dev.recordingsindexer.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Where a JSON document went wrong, without Jackson's own message: that message quotes the
 * offending text, and in a credentials file that text may be a secret.
 */
public final class JsonProblem {

  private JsonProblem() {}

  /** " (line L, column C)" of the failure, or "" when Jackson does not know it. */
  public static String where(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
