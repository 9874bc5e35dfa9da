package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;

/** What a stateful stub answers: the status, content type and body that replace the stub's own. */
record Answer(int status, String contentType, String body) {

  static Answer xml(int status, String body) {
    return new Answer(status, "text/xml", body);
  }

  static Answer json(int status, String body) {
    return new Answer(status, "application/json", body);
  }

  /** The stub's response with this status, content type and body (delays and faults kept). */
  Response applyTo(Response response) {
    return Response.Builder.like(response)
        .but()
        .status(status)
        .headers(new HttpHeaders(new HttpHeader("Content-Type", contentType)))
        .body(body)
        .build();
  }
}
