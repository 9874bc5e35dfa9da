package dev.cutover.core.spi;

import dev.cutover.core.model.ResourceKind;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to read from a live cloud.
 *
 * @param location the provider's own location syntax: an AWS region ({@code us-east-1}), an Azure
 *     {@code SUBSCRIPTION[/RESOURCE_GROUP]}
 * @param kinds which kinds to read; all by default
 * @param endpoint an endpoint override (the sandbox, a sovereign cloud); null for the provider's
 *     default (for AWS, the SDK then still honours {@code AWS_ENDPOINT_URL})
 * @param progress receives a report per API page
 */
public record LiveRequest(
    String location, Set<ResourceKind> kinds, URI endpoint, ProgressListener progress) {

  public LiveRequest {
    Objects.requireNonNull(location, "location");
    kinds =
        kinds == null || kinds.isEmpty() ? EnumSet.allOf(ResourceKind.class) : Set.copyOf(kinds);
    progress = progress == null ? ProgressListener.NONE : progress;
  }

  public static LiveRequest of(String location, URI endpoint) {
    return new LiveRequest(location, null, endpoint, null);
  }

  public boolean wants(ResourceKind kind) {
    return kinds.contains(kind);
  }
}
