package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads this module's resources (schemas, OpenAPI documents) from the classpath into Jackson trees.
 *
 * <p>A missing or unparseable resource is a packaging bug, not a runtime condition: it fails with
 * an {@link IllegalStateException} naming the resource. Thread-safe.
 */
final class ClasspathResources {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ClasspathResources() {}

  /** Parses the JSON resource at {@code path}, relative to the classpath root. */
  static JsonNode json(String path) {
    return read(JSON, path);
  }

  /** Parses the YAML resource at {@code path}, relative to the classpath root. */
  static JsonNode yaml(String path) {
    return read(YAML, path);
  }

  /** The mapper for JSON text; it rejects trailing content after the first value. Thread-safe. */
  static ObjectMapper jsonMapper() {
    return JSON;
  }

  private static JsonNode read(ObjectMapper mapper, String path) {
    try (InputStream in = ClasspathResources.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource not on the classpath: " + path);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse resource " + path, e);
    }
  }
}
