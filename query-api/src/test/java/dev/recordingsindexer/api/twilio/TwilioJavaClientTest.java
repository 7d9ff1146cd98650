package dev.recordingsindexer.api.twilio;

import static dev.recordingsindexer.api.twilio.TwilioApiFixture.ACCOUNT;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.EPOCH;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.OTHER_ACCOUNT;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.OTHER_TOKEN;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.PARTICIPANTS;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.PUBLIC_BASE;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.ROOMS;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.SOURCES;
import static dev.recordingsindexer.api.twilio.TwilioApiFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.twilio.base.Page;
import com.twilio.exception.ApiException;
import com.twilio.rest.video.v1.Recording;
import com.twilio.rest.video.v1.RecordingReader;
import dev.recordingsindexer.api.twilio.RedirectingHttpClient.Sent;
import dev.recordingsindexer.api.twilio.TwilioApiFixture.Sdk;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Twilio's official Java SDK ({@code com.twilio.sdk:twilio}) reading our API: its own request
 * building, Basic auth, JSON mapping and paging code ({@link com.twilio.base.ResourceSet} following
 * {@code meta.next_page_url}), with only the host of each request redirected to the test server.
 */
class TwilioJavaClientTest {

  private static final String TWILIO_LIST = "https://video.twilio.com/v1/Recordings";

  private static TwilioApiFixture api;
  private static Sdk sdk;

  @BeforeAll
  static void start() {
    api = new TwilioApiFixture();
    sdk = api.sdk(ACCOUNT, TOKEN);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void forgetRequests() {
    sdk.http().forget();
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(longs = {1, 7, 50})
  void shouldListEveryRecordingInOrderFollowingNextPageUrlWithAnyPageSize(long pageSize) {
    List<String> expected = api.expected(r -> true);

    List<Recording> read = all(Recording.reader().setPageSize(pageSize));

    assertThat(read).extracting(Recording::getSid).isEqualTo(expected);
    assertFollowedOurNextPageUrls(pagesFor(expected.size(), pageSize));
  }

  @Test
  void shouldListEveryRecordingInOrderWithTheSdksDefaultPageSize() {
    List<String> expected = api.expected(r -> true);

    List<Recording> read = all(Recording.reader());

    assertThat(sdk.http().sent().get(0).sdkQuery()).as("no PageSize sent").isEmpty();
    assertThat(read).extracting(Recording::getSid).isEqualTo(expected);
    assertFollowedOurNextPageUrls(pagesFor(expected.size(), 50));
  }

  @Test
  void shouldServeAPageSizeAboveOneHundredAsOneHundred() {
    List<String> expected = api.expected(r -> true);

    Page<Recording> first = Recording.reader().setPageSize(1000L).firstPage(sdk.client());
    List<Recording> read = all(Recording.reader().setPageSize(1000L));

    assertThat(sdk.http().sent().get(0).sdkQuery()).isEqualTo(Map.of("PageSize", List.of("1000")));
    assertThat(first.getPageSize()).isEqualTo(100);
    assertThat(first.getRecords()).hasSize(100);
    assertThat(read).extracting(Recording::getSid).isEqualTo(expected);
  }

  @Test
  void shouldMapEveryListedRecordingToWhatWasStored() {
    Map<String, dev.recordingsindexer.indexer.model.Recording> stored = storedBySid();

    for (Recording read : all(Recording.reader().setPageSize(100L))) {
      assertSameAsStored(read, stored.get(read.getSid()));
    }
  }

  static Stream<Arguments> filters() {
    ZonedDateTime after = EPOCH.plusSeconds(20 * 60).atZone(ZoneOffset.UTC);
    ZonedDateTime before = EPOCH.plusSeconds(50 * 60).atZone(ZoneOffset.UTC);
    List<Arguments> cases = new ArrayList<>();
    for (Recording.Status status : Recording.Status.values()) {
      cases.add(
          filter(
              "Status=" + status,
              r -> r.setStatus(status),
              r -> r.status().wire().equals(status.toString())));
    }
    for (Recording.Type type : Recording.Type.values()) {
      cases.add(
          filter(
              "MediaType=" + type,
              r -> r.setMediaType(type),
              r -> r.type() != null && r.type().wire().equals(type.toString())));
    }
    cases.add(
        filter(
            "SourceSid",
            r -> r.setSourceSid(SOURCES.get(1)),
            r -> SOURCES.get(1).equals(r.sourceSid())));
    cases.add(
        filter(
            "one GroupingSid",
            r -> r.setGroupingSid(PARTICIPANTS.get(2)),
            r -> r.groupingSids().containsValue(PARTICIPANTS.get(2))));
    cases.add(
        filter(
            "two GroupingSids",
            r -> r.setGroupingSid(List.of(ROOMS.get(0), PARTICIPANTS.get(1))),
            r ->
                r.groupingSids().values().containsAll(List.of(ROOMS.get(0), PARTICIPANTS.get(1)))));
    cases.add(
        filter(
            "DateCreatedAfter (inclusive)",
            r -> r.setDateCreatedAfter(after),
            r -> !r.dateCreated().isBefore(after.toInstant())));
    cases.add(
        filter(
            "DateCreatedBefore (exclusive)",
            r -> r.setDateCreatedBefore(before),
            r -> r.dateCreated().isBefore(before.toInstant())));
    cases.add(
        filter(
            "DateCreatedAfter and DateCreatedBefore",
            r -> r.setDateCreatedAfter(after).setDateCreatedBefore(before),
            r ->
                !r.dateCreated().isBefore(after.toInstant())
                    && r.dateCreated().isBefore(before.toInstant())));
    cases.add(
        filter(
            "every filter at once",
            r ->
                r.setStatus(Recording.Status.COMPLETED)
                    .setMediaType(Recording.Type.VIDEO)
                    .setGroupingSid(ROOMS.get(2))
                    .setDateCreatedAfter(after),
            r ->
                r.status() == RecordingStatus.COMPLETED
                    && r.type() == MediaType.VIDEO
                    && r.groupingSids().containsValue(ROOMS.get(2))
                    && !r.dateCreated().isBefore(after.toInstant())));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void shouldListExactlyTheMatchingRecordingsForEveryFilterTheSdkOffers(
      String name,
      Consumer<RecordingReader> configure,
      Predicate<dev.recordingsindexer.indexer.model.Recording> matches) {
    List<String> expected = api.expected(matches);
    RecordingReader reader = Recording.reader().setPageSize(7L);
    configure.accept(reader);

    List<Recording> read = all(reader);

    assertThat(expected).as("the seeded data exercises %s", name).isNotEmpty();
    assertThat(read).extracting(Recording::getSid).isEqualTo(expected);
    assertFollowedOurNextPageUrls(pagesFor(expected.size(), 7));
  }

  @Test
  void shouldAcceptTheZonelessDatesTheSdkSendsAsUtc() {
    ZonedDateTime after = EPOCH.plusSeconds(20 * 60).atZone(ZoneOffset.UTC);

    List<Recording> read = all(Recording.reader().setDateCreatedAfter(after));

    assertThat(sdk.http().sent().get(0).sdkQuery())
        .containsEntry("DateCreatedAfter", List.of("2026-03-01T00:20:00"));
    assertThat(read)
        .extracting(Recording::getSid)
        .isEqualTo(api.expected(r -> !r.dateCreated().isBefore(after.toInstant())));
  }

  @Test
  void shouldFetchARecordingWithEveryFieldAsStored() {
    for (dev.recordingsindexer.indexer.model.Recording stored : api.recordings()) {
      if (!stored.accountSid().equals(ACCOUNT)) {
        continue;
      }

      Recording fetched = Recording.fetcher(stored.sid()).fetch(sdk.client());

      assertSameAsStored(fetched, stored);
    }
  }

  @Test
  void shouldFetchBothAFullyReportedAndASparseRecording() {
    dev.recordingsindexer.indexer.model.Recording full =
        api.recordings().stream()
            .filter(
                r ->
                    r.accountSid().equals(ACCOUNT)
                        && r.trackName() != null
                        && r.codec() != null
                        && r.sourceSid() != null
                        && !r.groupingSids().isEmpty())
            .findFirst()
            .orElseThrow();
    dev.recordingsindexer.indexer.model.Recording sparse =
        api.recordings().stream()
            .filter(
                r -> r.accountSid().equals(ACCOUNT) && r.trackName() == null && r.codec() == null)
            .findFirst()
            .orElseThrow();

    Recording fetchedFull = Recording.fetcher(full.sid()).fetch(sdk.client());
    Recording fetchedSparse = Recording.fetcher(sparse.sid()).fetch(sdk.client());

    assertThat(fetchedFull.getCodec()).isNotNull();
    assertThat(fetchedFull.getGroupingSids()).isNotNull();
    assertThat(fetchedFull.getStatusCallbackMethod()).isNotNull();
    assertSameAsStored(fetchedFull, full);
    assertThat(fetchedSparse.getCodec()).isNull();
    assertThat(fetchedSparse.getTrackName()).isNull();
    assertSameAsStored(fetchedSparse, sparse);
  }

  @Test
  void shouldAnswerAnotherAccountsRecordingAsNotFound() {
    String theirs =
        api.recordings().stream()
            .filter(r -> r.accountSid().equals(OTHER_ACCOUNT))
            .findFirst()
            .orElseThrow()
            .sid();

    Throwable failure = catchThrowable(() -> Recording.fetcher(theirs).fetch(sdk.client()));
    Recording asOwner =
        Recording.fetcher(theirs).fetch(api.sdk(OTHER_ACCOUNT, OTHER_TOKEN).client());

    assertApiException(failure, 404, 20404);
    assertThat(asOwner.getAccountSid()).isEqualTo(OTHER_ACCOUNT);
  }

  @Test
  void shouldAnswerAnUnknownRecordingAsNotFound() {
    Throwable failure =
        catchThrowable(() -> Recording.fetcher("RT" + "f".repeat(32)).fetch(sdk.client()));

    assertApiException(failure, 404, 20404);
  }

  @Test
  void shouldRejectWrongCredentialsWithUnauthorized() {
    Sdk wrongToken = api.sdk(ACCOUNT, OTHER_TOKEN);
    Sdk unknownAccount = api.sdk("AC" + "3c".repeat(16), TOKEN);
    String mine = api.expected(r -> true).get(0);

    assertUnauthorized(catchThrowable(() -> all(Recording.reader(), wrongToken)));
    assertUnauthorized(catchThrowable(() -> Recording.fetcher(mine).fetch(wrongToken.client())));
    assertUnauthorized(catchThrowable(() -> all(Recording.reader(), unknownAccount)));
  }

  @Test
  void shouldSurfaceAnInvalidSourceSidAsBadRequest() {
    Throwable failure = catchThrowable(() -> all(Recording.reader().setSourceSid("MT-not-a-sid")));

    assertApiException(failure, 400, 20001);
    assertThat(failure).hasMessageContaining("SourceSid");
  }

  @Test
  void shouldSurfaceAnInvalidGroupingSidAsBadRequest() {
    Throwable failure =
        catchThrowable(
            () -> all(Recording.reader().setGroupingSid(List.of(ROOMS.get(0), "RM123"))));

    assertApiException(failure, 400, 20001);
    assertThat(failure).hasMessageContaining("GroupingSid");
  }

  @Test
  void shouldSurfaceAnInvalidStatusAsBadRequest() {
    Throwable failure =
        catchThrowable(
            () -> Recording.reader().getPage(TWILIO_LIST + "?Status=finished", sdk.client()));

    assertApiException(failure, 400, 20001);
    assertThat(failure).hasMessageContaining("Status");
  }

  @Test
  void shouldStopAtTheLimit() {
    List<String> expected = api.expected(r -> true);

    List<Recording> ten = all(Recording.reader().limit(10));

    assertThat(ten).extracting(Recording::getSid).isEqualTo(expected.subList(0, 10));
    assertThat(sdk.http().sent())
        .extracting(Sent::sdkQuery)
        .containsExactly(Map.of("PageSize", List.of("10")));
  }

  @Test
  void shouldStopAtALimitAboveOneHundredAfterFollowingNextPageUrl() {
    List<String> expected = api.expected(r -> true);

    List<Recording> read = all(Recording.reader().limit(120));

    assertThat(read).extracting(Recording::getSid).isEqualTo(expected.subList(0, 120));
    assertThat(sdk.http().sent().get(0).sdkQuery()).isEqualTo(Map.of("PageSize", List.of("120")));
    assertFollowedOurNextPageUrls(2);
  }

  @Test
  void shouldStopAtTheLimitWhenTheSdkSendsPageSizeTwice() {
    List<String> expected = api.expected(r -> true);

    List<Recording> read = all(Recording.reader().setPageSize(20L).limit(75));

    assertThat(read).extracting(Recording::getSid).isEqualTo(expected.subList(0, 75));
    assertThat(sdk.http().sent().get(0).sdkQuery())
        .as("the SDK sends its reader's page size, then the limit's")
        .isEqualTo(Map.of("PageSize", List.of("20", "75")));
  }

  @Test
  void shouldTakeTheLastOfTwoPageSizes() {
    Page<Recording> page =
        Recording.reader().getPage(TWILIO_LIST + "?PageSize=500&PageSize=3", sdk.client());

    assertThat(page.getPageSize()).isEqualTo(3);
    assertThat(page.getRecords())
        .extracting(Recording::getSid)
        .isEqualTo(api.expected(r -> true).subList(0, 3));
  }

  @Test
  void shouldStepBackWithPreviousPageUrl() {
    RecordingReader reader = Recording.reader().setPageSize(10L);
    Page<Recording> first = reader.firstPage(sdk.client());
    Page<Recording> second = reader.nextPage(first, sdk.client());
    Page<Recording> third = reader.nextPage(second, sdk.client());

    Page<Recording> backToSecond = reader.previousPage(third, sdk.client());
    Page<Recording> backToFirst = reader.previousPage(backToSecond, sdk.client());

    assertThat(sids(backToSecond)).isEqualTo(sids(second));
    assertThat(sids(backToFirst)).isEqualTo(sids(first));
    assertThat(sids(third)).isEqualTo(api.expected(r -> true).subList(20, 30));
  }

  // ---------------------------------------------------------------------------------------------

  private static Arguments filter(
      String name,
      Consumer<RecordingReader> configure,
      Predicate<dev.recordingsindexer.indexer.model.Recording> matches) {
    return arguments(name, configure, matches);
  }

  private static List<Recording> all(com.twilio.base.Reader<Recording> reader) {
    return all(reader, sdk);
  }

  /** Every recording the SDK's own auto-paging iterator yields. */
  private static List<Recording> all(com.twilio.base.Reader<Recording> reader, Sdk as) {
    return StreamSupport.stream(reader.read(as.client()).spliterator(), false).toList();
  }

  private static int pagesFor(int count, long pageSize) {
    return (int) Math.max(1, (count + pageSize - 1) / pageSize);
  }

  /**
   * The SDK asked Twilio's host for page 0 and then followed exactly our {@code next_page_url}s.
   */
  private static void assertFollowedOurNextPageUrls(int pages) {
    List<Sent> sent = sdk.http().sent();
    assertThat(sent).hasSize(pages);
    assertThat(sent.get(0).sdkUrl()).isEqualTo(TWILIO_LIST);
    assertThat(sent.subList(1, sent.size()))
        .allSatisfy(s -> assertThat(s.sdkUrl()).startsWith(PUBLIC_BASE + "/v1/Recordings?"));
  }

  private static List<String> sids(Page<Recording> page) {
    return page.getRecords().stream().map(Recording::getSid).toList();
  }

  private static Map<String, dev.recordingsindexer.indexer.model.Recording> storedBySid() {
    Map<String, dev.recordingsindexer.indexer.model.Recording> bySid = new java.util.HashMap<>();
    api.recordings().forEach(r -> bySid.put(r.sid(), r));
    return bySid;
  }

  private static void assertSameAsStored(
      Recording read, dev.recordingsindexer.indexer.model.Recording stored) {
    String url = PUBLIC_BASE + "/v1/Recordings/" + stored.sid();
    assertThat(read.getSid()).isEqualTo(stored.sid());
    assertThat(read.getAccountSid()).as("account_sid").isEqualTo(stored.accountSid());
    assertThat(read.getStatus()).as("status").hasToString(stored.status().wire());
    assertThat(read.getDateCreated().toInstant())
        .as("date_created")
        .isEqualTo(stored.dateCreated());
    assertThat(read.getSourceSid()).as("source_sid").isEqualTo(stored.sourceSid());
    assertThat(read.getSize()).as("size").isEqualTo(stored.size());
    assertThat(text(read.getType())).as("type").isEqualTo(wire(stored.type(), MediaType::wire));
    assertThat(read.getDuration())
        .as("duration")
        .isEqualTo(stored.duration() == null ? null : stored.duration().intValue());
    assertThat(text(read.getContainerFormat()))
        .as("container_format")
        .isEqualTo(wire(stored.containerFormat(), c -> c.wire()));
    assertThat(text(read.getCodec())).as("codec").isEqualTo(wire(stored.codec(), c -> c.wire()));
    assertThat(read.getGroupingSids())
        .as("grouping_sids")
        .isEqualTo(stored.groupingSids().isEmpty() ? null : stored.groupingSids());
    assertThat(read.getTrackName()).as("track_name").isEqualTo(stored.trackName());
    assertThat(read.getOffset()).as("offset").isEqualTo(stored.offset());
    assertThat(read.getMediaExternalLocation())
        .as("media_external_location")
        .isEqualTo(uri(stored.mediaExternalLocation()));
    assertThat(read.getStatusCallback())
        .as("status_callback")
        .isEqualTo(uri(stored.statusCallback()));
    assertThat(text(read.getStatusCallbackMethod()))
        .as("status_callback_method")
        .isEqualTo(stored.statusCallbackMethod());
    assertThat(read.getUrl()).as("url").isEqualTo(URI.create(url));
    assertThat(read.getLinks()).as("links").isEqualTo(Map.of("media", url + "/Media"));
  }

  private static <T> String wire(T value, Function<T, String> wire) {
    return value == null ? null : wire.apply(value);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static URI uri(String value) {
    return value == null ? null : URI.create(value);
  }

  private static void assertApiException(Throwable failure, int status, int code) {
    assertThat(failure).isInstanceOf(ApiException.class);
    ApiException api = (ApiException) failure;
    assertThat(api.getStatusCode()).as(api.getMessage()).isEqualTo(status);
    assertThat(api.getCode()).as(api.getMessage()).isEqualTo(code);
    assertThat(api.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
  }

  /** The SDK surfaces our 401 as {@link ApiException} (not its AuthenticationException). */
  private static void assertUnauthorized(Throwable failure) {
    assertApiException(failure, 401, 20003);
  }
}
