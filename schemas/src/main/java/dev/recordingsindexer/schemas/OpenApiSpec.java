package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Gives access to {@code openapi.yaml}, the OpenAPI 3.0.3 description of this service's HTTP API
 * (the Twilio-compatible recordings endpoints plus the operations endpoints).
 *
 * <p>Thread-safe; the document is parsed once.
 */
public final class OpenApiSpec {

  /** The classpath location of the document, for servers that want to serve it as is. */
  public static final String RESOURCE = "openapi.yaml";

  private static final JsonNode DOCUMENT = ClasspathResources.yaml(RESOURCE);

  private OpenApiSpec() {}

  /** The parsed document; a copy, so callers may modify it. */
  public static JsonNode load() {
    return DOCUMENT.deepCopy();
  }
}
