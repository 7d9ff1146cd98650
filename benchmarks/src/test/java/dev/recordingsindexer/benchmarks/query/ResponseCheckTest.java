package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.benchmarks.query.ResponseCheck.BadResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseCheckTest {

  private static final String META =
      "\"meta\":{\"key\":\"recordings\",\"page\":0,\"page_size\":2,\"url\":\"u\","
          + "\"first_page_url\":\"f\",\"next_page_url\":%s,\"previous_page_url\":null}";

  @Test
  void shouldCountTheItemsAndReturnTheNextPageUrl() throws BadResponse {
    String body =
        "{\"recordings\":[{\"sid\":\"RT1\",\"links\":{\"media\":\"m\"}},{\"sid\":\"RT2\"}],"
            + META.formatted("\"http://h/v1/Recordings?PageToken=x\"")
            + "}";

    ResponseCheck.Page page = check(body, 2);

    assertThat(page.items()).isEqualTo(2);
    assertThat(page.nextPageUrl()).isEqualTo("http://h/v1/Recordings?PageToken=x");
  }

  @Test
  void shouldReadANullNextPageUrlAsTheLastPage() throws BadResponse {
    ResponseCheck.Page page = check("{\"recordings\":[]," + META.formatted("null") + "}", 2);

    assertThat(page.items()).isZero();
    assertThat(page.nextPageUrl()).isNull();
  }

  @Test
  void shouldRejectAPageWithMoreItemsThanItsSize() {
    String body = "{\"recordings\":[{},{},{}]," + META.formatted("null") + "}";

    assertThatThrownBy(() -> check(body, 2))
        .isInstanceOfSatisfying(
            BadResponse.class, e -> assertThat(e.kind()).isEqualTo("too-many-items"));
  }

  @Test
  void shouldRejectTruncatedJsonAndAMissingMeta() {
    assertThatThrownBy(() -> check("{\"recordings\":[{}", 2))
        .isInstanceOfSatisfying(BadResponse.class, e -> assertThat(e.kind()).isEqualTo("parse"));
    assertThatThrownBy(() -> check("{\"recordings\":[]}", 2))
        .isInstanceOfSatisfying(BadResponse.class, e -> assertThat(e.kind()).isEqualTo("parse"));
  }

  @Test
  void shouldCountItemsAndReadMetaInTheQuickCheckToo() throws BadResponse {
    String body =
        "{\"recordings\":[{\"account_sid\":\"AC1\",\"sid\":\"RT1\",\"source_sid\":\"MT1\"},"
            + "{\"sid\":\"RT2\",\"url\":\"http://h/v1/Recordings/RT2\"}],"
            + META.formatted("\"http://h/next\"")
            + "}\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    ResponseCheck.Page page = ResponseCheck.quickListPage(bytes, bytes.length, 2);

    assertThat(page.items()).isEqualTo(2);
    assertThat(page.nextPageUrl()).isEqualTo("http://h/next");
  }

  @Test
  void shouldRejectInTheQuickCheckWhatIsNotAPageOrHasTooManyItems() {
    byte[] error = "{\"code\":20503,\"status\":503}".getBytes(StandardCharsets.UTF_8);
    byte[] three =
        ("{\"recordings\":[{\"sid\":\"RT1\"},{\"sid\":\"RT2\"},{\"sid\":\"RT3\"}],"
                + META.formatted("null")
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] badMeta =
        ("{\"recordings\":[],"
                + META.formatted("null").replace("\"page_size\":2", "\"page_size\":9")
                + "}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ResponseCheck.quickListPage(error, error.length, 2))
        .isInstanceOfSatisfying(BadResponse.class, e -> assertThat(e.kind()).isEqualTo("parse"));
    assertThatThrownBy(() -> ResponseCheck.quickListPage(three, three.length, 2))
        .isInstanceOfSatisfying(
            BadResponse.class, e -> assertThat(e.kind()).isEqualTo("too-many-items"));
    assertThatThrownBy(() -> ResponseCheck.quickListPage(badMeta, badMeta.length, 2))
        .isInstanceOfSatisfying(BadResponse.class, e -> assertThat(e.kind()).isEqualTo("parse"));
  }

  @Test
  void shouldAcceptARecordingOnlyWithTheAskedSid() throws BadResponse {
    byte[] body = "{\"account_sid\":\"AC1\",\"sid\":\"RT1\",\"links\":{}}".getBytes();

    ResponseCheck.recording(body, body.length, "RT1");
    assertThatThrownBy(() -> ResponseCheck.recording(body, body.length, "RT2"))
        .isInstanceOfSatisfying(
            BadResponse.class, e -> assertThat(e.kind()).isEqualTo("wrong-sid"));
  }

  private static ResponseCheck.Page check(String body, int pageSize) throws BadResponse {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return ResponseCheck.listPage(bytes, bytes.length, pageSize);
  }
}
