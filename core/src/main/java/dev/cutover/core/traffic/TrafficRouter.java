package dev.cutover.core.traffic;

import java.time.Duration;
import java.util.List;

/**
 * Reads and writes the weights of one kind of weighted record set (Route 53 weighted records,
 * Traffic Manager weighted endpoints). Implementations live in provider modules and are reached
 * through {@link dev.cutover.core.spi.CloudProvider#trafficRouter(String, java.net.URI)}.
 *
 * <p>Every method throws {@link dev.cutover.core.CutoverException} with a message that names the
 * record and what to do (the permission to grant, the id to fix); {@code retryable()} is true for
 * throttling, 5xx and timeouts that the router's own retries did not overcome.
 */
public interface TrafficRouter {

  /** The scheme of the records it serves: {@code route53}, {@code trafficmanager}. */
  String scheme();

  /** The provider's weight units and limits, with their source. */
  WeightScale scale();

  /** Reads every member's weight and the TTL. */
  WeightSnapshot read(RecordRef record);

  /**
   * The exact provider requests {@link #write} would send for these weights, one string each
   * (method, path, body), for {@code plan} and {@code --dry-run}. Sends nothing.
   */
  List<String> describeWrite(RecordRef record, WeightSnapshot target);

  /**
   * Writes the members of {@code target} (all in one change where the provider allows it: one Route
   * 53 {@code ChangeResourceRecordSets} batch of UPSERTs; one PATCH per Traffic Manager endpoint
   * otherwise) and returns once the provider has accepted it.
   *
   * @throws dev.cutover.core.CutoverException if the weights are all zero (refused before any call)
   *     or the provider refuses the change
   */
  ChangeReceipt write(RecordRef record, WeightSnapshot target);

  /**
   * Waits until the change is live (Route 53 {@code GetChange} {@code INSYNC}; Traffic Manager: the
   * profile read back shows the weights), then returns what was read back.
   *
   * @throws dev.cutover.core.CutoverException with {@code retryable()} if {@code timeout} passes
   */
  WeightSnapshot awaitLive(RecordRef record, ChangeReceipt receipt, Duration timeout);

  /**
   * Checks, before step 1, that the record exists, has both members, and that the credentials can
   * read it and are allowed to change it as far as the provider lets that be checked without a
   * change.
   *
   * @return warnings that do not stop the switch (e.g. "TTL 300 s is above 60 s")
   */
  List<String> preflight(RecordRef record);
}
