package dev.cutover.core.spi;

/**
 * Receives progress of long operations (live scans, switch steps). Core and providers report here
 * and never print; the CLI renders it on stderr.
 */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (phase, done, total) -> {};

  /**
   * @param phase what is being done, e.g. {@code "aws us-east-1: DescribeSecurityGroups"}
   * @param done items done so far (pages, resources, steps)
   * @param total items expected, or -1 if unknown
   */
  void progress(String phase, long done, long total);
}
