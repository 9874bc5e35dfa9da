package dev.cutover.core.spi;

import dev.cutover.core.model.Resource;

/**
 * A provider's own normalisation of a live resource before drift compares it with its state
 * counterpart, for differences the cloud makes by itself that Terraform does not count as drift
 * (for example the allow-all egress rule AWS adds to a security group whose egress Terraform
 * manages through separate rule resources).
 */
@FunctionalInterface
public interface DriftNormalizer {

  DriftNormalizer NONE = (state, live) -> live;

  /**
   * @param state the resource as the Terraform state has it (already canonical)
   * @param live the same resource read live (already canonical)
   * @return the live resource as drift should compare it; {@code live} itself if nothing applies
   */
  Resource normalize(Resource state, Resource live);
}
