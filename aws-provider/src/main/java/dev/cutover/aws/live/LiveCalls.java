package dev.cutover.aws.live;

import dev.cutover.aws.AwsErrors;
import dev.cutover.core.spi.ProgressListener;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs the SDK calls of one scan: translates every SDK error once, naming the IAM action ({@link
 * AwsErrors}), and reports each page of a paginated call to the {@link ProgressListener} as {@code
 * "aws REGION: Action"}, pages done, total unknown.
 */
final class LiveCalls {

  private final String region;
  private final ProgressListener progress;

  LiveCalls(String region, ProgressListener progress) {
    this.region = region;
    this.progress = progress;
  }

  String region() {
    return region;
  }

  /**
   * One call.
   *
   * @param action the IAM action, e.g. {@code elasticloadbalancing:DescribeLoadBalancerAttributes}
   * @throws dev.cutover.core.CutoverException for any SDK error
   */
  <T> T call(String action, Supplier<T> call) {
    try {
      T result = call.get();
      progress.progress(phase(action), 1, 1);
      return result;
    } catch (SdkException e) {
      throw AwsErrors.translate(e, action, region);
    }
  }

  /**
   * Every page of a paginated call, through the SDK paginator (which follows {@code NextToken},
   * {@code Marker} or {@code NextRecordName}).
   *
   * @param action the IAM action, e.g. {@code ec2:DescribeSecurityGroups}
   * @param pages the paginator; pages are fetched as they are consumed
   * @param page receives each page in order
   * @throws dev.cutover.core.CutoverException for any SDK error, on whichever page it happens
   */
  <P> void pages(String action, Supplier<? extends Iterable<P>> pages, Consumer<P> page) {
    String phase = phase(action);
    long done = 0;
    try {
      for (P response : pages.get()) {
        page.accept(response);
        progress.progress(phase, ++done, -1);
      }
    } catch (SdkException e) {
      throw AwsErrors.translate(e, action, region);
    }
  }

  private String phase(String action) {
    return "aws " + region + ": " + action.substring(action.indexOf(':') + 1);
  }
}
