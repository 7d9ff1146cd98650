package dev.recordingsindexer.benchmarks.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One keep-alive HTTP/1.1 connection that sends GETs and reads whole responses, built for a load
 * driver whose own CPU cost must stay small: no pool, no threads, no header maps, one reusable body
 * buffer. Bodies framed by {@code Content-Length} or chunked transfer coding are read; anything
 * else is an error. A connection made to accept gzip asks for it as Twilio's client libraries do
 * ({@code Accept-Encoding: gzip}) and inflates a gzipped body, so the service does the work it does
 * for them.
 *
 * <p>Not thread-safe: one per client thread. The {@link Response} body is a view of the
 * connection's buffer, valid until the next request. A request that fails on a reused connection
 * before any byte of the answer arrived (the server closed it while idle) is retried once on a new
 * one; every other failure is thrown and the connection is closed, to reopen on the next request.
 * Close it when done.
 */
final class HttpConnection implements AutoCloseable {

  /** A response: its status and the body as {@code body[0..length)}. */
  record Response(int status, byte[] body, int length) {
    String bodyText() {
      return new String(body, 0, length, StandardCharsets.UTF_8);
    }
  }

  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final byte[] AUTHORIZATION = "Authorization: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRLF = {'\r', '\n'};

  private final String host;
  private final int port;
  private final int timeoutMillis;
  private final byte[] requestPrefix;
  private final byte[] requestHost;

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private boolean reused;

  private byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private byte[] body = new byte[64 * 1024];
  private final byte[] request = new byte[16 * 1024];

  private final boolean acceptGzip;
  private final Inflater inflater = new Inflater(true);
  private byte[] inflated = new byte[64 * 1024];

  HttpConnection(URI base, Duration timeout) {
    this(base, timeout, false);
  }

  /** A connection that sends {@code Accept-Encoding: gzip} when {@code acceptGzip}. */
  HttpConnection(URI base, Duration timeout, boolean acceptGzip) {
    this.acceptGzip = acceptGzip;
    this.host = base.getHost();
    this.port = base.getPort() > 0 ? base.getPort() : 80;
    if (!"http".equals(base.getScheme())) {
      throw new IllegalArgumentException("only http:// is supported: " + base);
    }
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    this.requestPrefix = "GET ".getBytes(StandardCharsets.US_ASCII);
    this.requestHost =
        (" HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nAccept: application/json\r\n"
                + (acceptGzip ? "Accept-Encoding: gzip\r\n" : ""))
            .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sends {@code GET target} ({@code target} is the path and query, already encoded) with the given
   * {@code Authorization} header value (null for none) and reads the whole response.
   *
   * @throws IOException on a connection failure, a timeout or a malformed response
   */
  Response get(String target, String authorization) throws IOException {
    int length = encodeRequest(target, authorization);
    boolean retry = socket != null && reused;
    try {
      return exchange(length);
    } catch (IOException e) {
      close();
      if (!retry || limit > 0) {
        throw e;
      }
      return exchange(length);
    }
  }

  private Response exchange(int requestLength) throws IOException {
    if (socket == null) {
      open();
    }
    position = 0;
    limit = 0;
    out.write(request, 0, requestLength);
    out.flush();
    Response response = readResponse();
    reused = true;
    return response;
  }

  private void open() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(timeoutMillis);
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      in = s.getInputStream();
      out = s.getOutputStream();
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    reused = false;
  }

  private int encodeRequest(String target, String authorization) {
    int n = put(0, requestPrefix);
    n = putAscii(n, target);
    n = put(n, requestHost);
    if (authorization != null) {
      n = put(n, AUTHORIZATION);
      n = putAscii(n, authorization);
      n = put(n, CRLF);
    }
    return put(n, CRLF);
  }

  private int put(int at, byte[] bytes) {
    checkRequestRoom(at, bytes.length);
    System.arraycopy(bytes, 0, request, at, bytes.length);
    return at + bytes.length;
  }

  /** Copies caller-given text, which must be printable ASCII (no header injection). */
  private int putAscii(int at, String text) {
    checkRequestRoom(at, text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7e || c < 0x20) {
        throw new IllegalArgumentException("not a printable ASCII request line: " + text);
      }
      request[at + i] = (byte) c;
    }
    return at + text.length();
  }

  private void checkRequestRoom(int at, int more) {
    if (at + more > request.length) {
      throw new IllegalArgumentException("request longer than " + request.length + " bytes");
    }
  }

  private Response readResponse() throws IOException {
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.1 ") && !statusLine.startsWith("HTTP/1.0 ")) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    int status;
    try {
      status = Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IOException("bad status line: " + statusLine, e);
    }
    long contentLength = -1;
    boolean chunked = false;
    boolean gzipped = false;
    boolean close = statusLine.startsWith("HTTP/1.0 ");
    int headerBytes = statusLine.length();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      headerBytes += line.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new IOException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("bad header line: " + line);
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        case "content-encoding" -> gzipped = value.equalsIgnoreCase("gzip");
        default -> {}
      }
    }
    int length;
    if (chunked) {
      length = readChunked();
    } else if (contentLength >= 0) {
      length = readBody(0, Math.toIntExact(contentLength));
    } else if (status == 204 || status == 304) {
      length = 0;
    } else {
      throw new IOException("response " + status + " has neither Content-Length nor chunks");
    }
    if (close) {
      close();
    }
    if (gzipped) {
      if (!acceptGzip) {
        throw new IOException("a gzipped response to a request that did not accept gzip");
      }
      int inflatedLength = gunzip(length);
      return new Response(status, inflated, inflatedLength);
    }
    return new Response(status, body, length);
  }

  /** Inflates the gzip member in {@code body[0..length)} into {@link #inflated}; its length. */
  private int gunzip(int length) throws IOException {
    int header = gzipHeaderLength(length);
    inflater.reset();
    inflater.setInput(body, header, length - header);
    int size = 0;
    try {
      while (!inflater.finished()) {
        if (size == inflated.length) {
          inflated = Arrays.copyOf(inflated, inflated.length * 2);
        }
        int n = inflater.inflate(inflated, size, inflated.length - size);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException("gzip body cut short after " + size + " bytes");
        }
        size += n;
      }
    } catch (DataFormatException e) {
      throw new IOException("bad gzip body: " + e.getMessage(), e);
    }
    return size;
  }

  /** The length of the gzip header at the start of {@code body} (RFC 1952: no optional parts). */
  private int gzipHeaderLength(int length) throws IOException {
    if (length < 18 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b || body[2] != 8) {
      throw new IOException("not a gzip body");
    }
    if (body[3] != 0) {
      throw new IOException("gzip header flags not supported: " + body[3]);
    }
    return 10;
  }

  private int readChunked() throws IOException {
    int length = 0;
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + sizeLine, e);
      }
      if (size == 0) {
        for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
          // trailers are ignored
        }
        return length;
      }
      length = readBody(length, size);
      if (!readLine().isEmpty()) {
        throw new IOException("chunk not followed by CRLF");
      }
    }
  }

  /** Appends {@code count} bytes of the stream to {@code body} at {@code at}; returns the end. */
  private int readBody(int at, int count) throws IOException {
    int end = at + count;
    if (end > body.length) {
      body = Arrays.copyOf(body, Math.max(end, body.length * 2));
    }
    int buffered = Math.min(count, limit - position);
    System.arraycopy(buffer, position, body, at, buffered);
    position += buffered;
    int filled = at + buffered;
    while (filled < end) {
      int read = in.read(body, filled, end - filled);
      if (read < 0) {
        throw new IOException("connection closed after " + (filled - at) + " of " + count);
      }
      filled += read;
    }
    return end;
  }

  private String readLine() throws IOException {
    int start = position;
    while (true) {
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          int end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
          String line = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
          position = i + 1;
          return line;
        }
      }
      position = limit;
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, limit - start);
        limit -= start;
        position -= start;
        start = 0;
      }
      if (limit == buffer.length) {
        if (buffer.length >= MAX_HEADER_BYTES) {
          throw new IOException("response line longer than " + MAX_HEADER_BYTES + " bytes");
        }
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        throw new IOException("connection closed by the server");
      }
      limit += read;
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a failed connection: nothing to do
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
