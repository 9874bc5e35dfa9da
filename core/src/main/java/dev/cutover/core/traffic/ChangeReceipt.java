package dev.cutover.core.traffic;

import java.time.Instant;
import java.util.Objects;

/**
 * What a provider answered to a weight change, recorded in the journal as the outcome.
 *
 * @param changeId the provider's handle for the change (Route 53 {@code ChangeInfo.Id} without the
 *     {@code /change/} prefix); null where the provider has none (Traffic Manager)
 * @param status the provider's status ({@code PENDING}, {@code INSYNC}, {@code Succeeded})
 * @param submittedAt when the provider accepted it
 * @param detail a short summary of the response (ARM endpoint ids and weights), no secrets
 */
public record ChangeReceipt(String changeId, String status, Instant submittedAt, String detail) {
  public ChangeReceipt {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }
}
