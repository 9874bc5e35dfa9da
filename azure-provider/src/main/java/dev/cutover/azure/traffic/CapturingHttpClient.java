package dev.cutover.azure.traffic;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An HTTP client that sends nothing: it records each request the SDK built (method, path and query,
 * body) and answers 200 with the request's own body. {@code describeWrite} uses it so that {@code
 * plan} prints exactly what the SDK would send.
 */
final class CapturingHttpClient implements HttpClient {

  private final List<String> captured = new ArrayList<>();

  /** Each request as {@code METHOD /path?query} and, when there is one, a newline and the body. */
  List<String> captured() {
    return List.copyOf(captured);
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    BinaryData body = request.getBodyAsBinaryData();
    String content = body == null ? "" : body.toString();
    URL url = request.getUrl();
    StringBuilder text =
        new StringBuilder(request.getHttpMethod().toString()).append(' ').append(url.getPath());
    if (url.getQuery() != null) {
      text.append('?').append(url.getQuery());
    }
    if (!content.isEmpty()) {
      text.append('\n').append(content);
    }
    captured.add(text.toString());
    return Mono.just(new EchoResponse(request, content.isEmpty() ? "{}" : content));
  }

  /** HTTP 200 with a JSON body. */
  private static final class EchoResponse extends HttpResponse {
    private final byte[] body;
    private final HttpHeaders headers =
        new HttpHeaders().set(HttpHeaderName.CONTENT_TYPE, "application/json");

    EchoResponse(HttpRequest request, String body) {
      super(request);
      this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int getStatusCode() {
      return 200;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.just(ByteBuffer.wrap(body));
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.just(body);
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.just(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.just(new String(body, charset));
    }
  }
}
