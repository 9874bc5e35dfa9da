package dev.cutover.aws.traffic;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Logs each HTTP attempt the SDK's retry strategy makes for one call: "attempt n of max" when it
 * retries and the status of a failed attempt, so that a slow switch step explains itself.
 */
final class AttemptLogging implements ExecutionInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(AttemptLogging.class);
  private static final ExecutionAttribute<AtomicInteger> ATTEMPT =
      new ExecutionAttribute<>("dev.cutover.aws.traffic.attempt");

  private final String action;
  private final String where;
  private final int maxAttempts;

  /**
   * @param action the IAM action, e.g. {@code route53:ChangeResourceRecordSets}
   * @param where the resource, e.g. {@code hosted zone Z1PA6795}
   * @param maxAttempts the retry strategy's maximum, attempts included
   */
  AttemptLogging(String action, String where, int maxAttempts) {
    this.action = action;
    this.where = where;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(ATTEMPT, new AtomicInteger());
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    int attempt = attempts(attributes).incrementAndGet();
    if (attempt > 1) {
      LOG.warn("{} on {}: retrying, attempt {} of {}", action, where, attempt, maxAttempts);
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    int status = context.httpResponse().statusCode();
    if (status >= 400) {
      LOG.info(
          "{} on {}: attempt {} of {} answered HTTP {}",
          action,
          where,
          attempts(attributes).get(),
          maxAttempts,
          status);
    }
  }

  private static AtomicInteger attempts(ExecutionAttributes attributes) {
    AtomicInteger attempts = attributes.getAttribute(ATTEMPT);
    return attempts == null ? new AtomicInteger() : attempts;
  }
}
