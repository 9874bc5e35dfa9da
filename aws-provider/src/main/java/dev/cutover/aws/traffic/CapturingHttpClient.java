package dev.cutover.aws.traffic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that sends nothing: it records each request the SDK marshalled (method, path
 * and query, body) and answers with a fixed document. {@code describeWrite} uses it so that {@code
 * plan} prints exactly what the SDK would send, marshalled by the SDK itself.
 */
final class CapturingHttpClient implements SdkHttpClient {

  private final String answer;
  private final List<String> captured = new ArrayList<>();

  /**
   * @param answer the XML document every request gets with HTTP 200
   */
  CapturingHttpClient(String answer) {
    this.answer = answer;
  }

  /** Each request as {@code METHOD /path?query} and, when there is one, a newline and the body. */
  List<String> captured() {
    return List.copyOf(captured);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        captured.add(describe(request));
        return HttpExecuteResponse.builder()
            .response(SdkHttpResponse.builder().statusCode(200).build())
            .responseBody(
                AbortableInputStream.create(
                    new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8))))
            .build();
      }

      @Override
      public void abort() {
        // Nothing is in flight.
      }
    };
  }

  private static String describe(HttpExecuteRequest request) {
    SdkHttpRequest http = request.httpRequest();
    StringBuilder text =
        new StringBuilder(http.method().name()).append(' ').append(http.encodedPath());
    http.encodedQueryParameters().ifPresent(query -> text.append('?').append(query));
    request
        .contentStreamProvider()
        .ifPresent(
            body -> {
              try (InputStream in = body.newStream()) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!content.isEmpty()) {
                  text.append('\n').append(content);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return text.toString();
  }

  @Override
  public void close() {
    // Holds no connection.
  }
}
