package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.Extension;
import java.time.Clock;

/**
 * The stateful transformers of one sandbox, sharing one in-memory state: {@value
 * Route53RecordSetsTransformer#NAME}, {@value Route53ChangeTransformer#NAME} and {@value
 * TrafficManagerTransformer#NAME}.
 */
public final class StatefulTransformers {

  private StatefulTransformers() {}

  /** New transformers over a new, empty state. */
  public static Extension[] create() {
    Route53State route53 = new Route53State(Clock.systemUTC());
    return new Extension[] {
      new Route53RecordSetsTransformer(route53),
      new Route53ChangeTransformer(route53),
      new TrafficManagerTransformer(new TrafficManagerState())
    };
  }
}
