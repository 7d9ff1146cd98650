package dev.recordingsindexer.api.fuzz;

import dev.recordingsindexer.indexer.query.ListPage;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Reaches the package-private parsing classes of {@code dev.recordingsindexer.api.http} (query
 * string, list parameters, page tokens, links) so the fuzz tests call the very code a request runs,
 * without an HTTP round trip per input. A renamed method fails every fuzz test at once, when this
 * class loads. Whatever a call throws reaches the caller unwrapped.
 */
final class HttpInternals {

  private static final String PACKAGE = "dev.recordingsindexer.api.http.";

  private static final Class<?> API_EXCEPTION = load("ApiException");
  private static final Class<?> QUERY_STRING = load("QueryString");
  private static final Class<?> LIST_PARAMETERS = load("ListParameters");
  private static final Class<?> PAGE_TOKENS = load("PageTokens");
  private static final Class<?> LIST_LINKS = load("ListLinks");
  private static final Class<?> META = load("ListLinks$Meta");

  private static final MethodHandle STATUS = virtual(API_EXCEPTION, "status", int.class);
  private static final MethodHandle CODE = virtual(API_EXCEPTION, "code", int.class);
  private static final MethodHandle PARSE_QUERY =
      find(QUERY_STRING, "parse", MethodType.methodType(QUERY_STRING, String.class), true);
  private static final MethodHandle FROM_QUERY =
      find(LIST_PARAMETERS, "from", MethodType.methodType(LIST_PARAMETERS, QUERY_STRING), true);
  private static final MethodHandle FILTER =
      virtual(LIST_PARAMETERS, "filter", RecordingFilter.class);
  private static final MethodHandle PAGE_SIZE = virtual(LIST_PARAMETERS, "pageSize", int.class);
  private static final MethodHandle PAGE = virtual(LIST_PARAMETERS, "page", long.class);
  private static final MethodHandle PAGE_TOKEN =
      virtual(LIST_PARAMETERS, "pageToken", String.class);
  private static final MethodHandle NEW_TOKENS =
      constructor(PAGE_TOKENS, MethodType.methodType(void.class, byte[].class));
  private static final MethodHandle ENCODE =
      find(
          PAGE_TOKENS,
          "encode",
          MethodType.methodType(
              String.class, String.class, RecordingFilter.class, PagePosition.class),
          false);
  private static final MethodHandle DECODE =
      find(
          PAGE_TOKENS,
          "decode",
          MethodType.methodType(
              PagePosition.class, String.class, RecordingFilter.class, String.class),
          false);
  private static final MethodHandle CANONICAL =
      find(
          PAGE_TOKENS,
          "canonical",
          MethodType.methodType(String.class, RecordingFilter.class),
          true);
  private static final MethodHandle NEW_LINKS =
      constructor(LIST_LINKS, MethodType.methodType(void.class, PAGE_TOKENS));
  private static final MethodHandle META_OF =
      find(
          LIST_LINKS,
          "meta",
          MethodType.methodType(
              META,
              String.class,
              String.class,
              LIST_PARAMETERS,
              PagePosition.class,
              ListPage.class),
          false);
  private static final MethodHandle META_URL = virtual(META, "url", String.class);
  private static final MethodHandle META_FIRST = virtual(META, "firstPageUrl", String.class);
  private static final MethodHandle META_NEXT = virtual(META, "nextPageUrl", String.class);
  private static final MethodHandle META_PREVIOUS = virtual(META, "previousPageUrl", String.class);

  private HttpInternals() {}

  /** What an {@code ApiException} would answer: status, Twilio code and message. */
  record ApiError(int status, int code, String message) {}

  /** The list parameters of a request, as {@code ListParameters} validated them. */
  record ListParameters(
      Object validated, RecordingFilter filter, int pageSize, long page, String pageToken) {}

  /** The links of a list page's {@code meta}; next and previous may be null. */
  record Links(String url, String firstPageUrl, String nextPageUrl, String previousPageUrl) {}

  /**
   * The error the HTTP layer would answer for {@code failure}, if it is an {@code ApiException}.
   */
  static Optional<ApiError> apiError(Throwable failure) {
    if (!API_EXCEPTION.isInstance(failure)) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiError((int) call(STATUS, failure), (int) call(CODE, failure), failure.getMessage()));
  }

  /** {@code ListParameters.from(QueryString.parse(rawQuery))}: what a list request parses. */
  static ListParameters listParameters(String rawQuery) {
    Object validated = call(FROM_QUERY, call(PARSE_QUERY, rawQuery));
    return new ListParameters(
        validated,
        (RecordingFilter) call(FILTER, validated),
        (int) call(PAGE_SIZE, validated),
        (long) call(PAGE, validated),
        (String) call(PAGE_TOKEN, validated));
  }

  /** A {@code PageTokens} signing with {@code secret}. */
  static Object pageTokens(byte[] secret) {
    return call(NEW_TOKENS, (Object) secret);
  }

  static String encode(Object tokens, String account, RecordingFilter filter, PagePosition at) {
    return (String) call(ENCODE, tokens, account, filter, at);
  }

  static PagePosition decode(Object tokens, String account, RecordingFilter filter, String token) {
    return (PagePosition) call(DECODE, tokens, account, filter, token);
  }

  /** The canonical text of {@code filter} that a token's MAC covers. */
  static String canonical(RecordingFilter filter) {
    return (String) call(CANONICAL, filter);
  }

  /** The {@code meta} links {@code ListLinks} writes for a page read at {@code requested}. */
  static Links links(
      Object tokens,
      String base,
      String account,
      ListParameters parameters,
      PagePosition requested,
      ListPage page) {
    Object meta =
        call(
            META_OF,
            call(NEW_LINKS, tokens),
            base,
            account,
            parameters.validated(),
            requested,
            page);
    return new Links(
        (String) call(META_URL, meta),
        (String) call(META_FIRST, meta),
        (String) call(META_NEXT, meta),
        (String) call(META_PREVIOUS, meta));
  }

  private static Object call(MethodHandle handle, Object... arguments) {
    try {
      return handle.invokeWithArguments(arguments);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("unexpected checked exception from " + handle, e);
    }
  }

  private static Class<?> load(String simpleName) {
    try {
      return Class.forName(PACKAGE + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the HTTP layer has no class " + simpleName, e);
    }
  }

  private static MethodHandle virtual(Class<?> owner, String name, Class<?> returns) {
    return find(owner, name, MethodType.methodType(returns), false);
  }

  private static MethodHandle find(Class<?> owner, String name, MethodType type, boolean isStatic) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
      return isStatic
          ? lookup.findStatic(owner, name, type)
          : lookup.findVirtual(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the HTTP layer has no " + owner.getSimpleName() + "." + name, e);
    }
  }

  private static MethodHandle constructor(Class<?> owner, MethodType type) {
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
          .findConstructor(owner, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the HTTP layer has no such " + owner.getSimpleName(), e);
    }
  }
}
