package dev.cutover.cli.traffic;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.StateMapper;
import dev.cutover.core.traffic.FakeRouter;
import dev.cutover.core.traffic.MetricQuery;
import dev.cutover.core.traffic.MetricSource;
import dev.cutover.core.traffic.TrafficRouter;
import dev.cutover.core.traffic.run.Ticker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A test cloud registered through {@code META-INF/services}, so that the real CLI (also as a child
 * process) switches a file-backed fake: record {@code fake:/path/state.json} (a {@link
 * FakeRouter.State}), metric gate {@code metric:fake:/path/values.json:error-rate>1%} (a JSON array
 * of numbers; empty means no data).
 */
public final class FakeCloudProvider implements CloudProvider {

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public StateMapper stateMapper() {
    return new StateMapper() {
      @Override
      public boolean handles(String terraformType) {
        return false;
      }

      @Override
      public List<dev.cutover.core.model.Resource> map(
          List<dev.cutover.core.terraform.StateResource> instances) {
        return List.of();
      }
    };
  }

  @Override
  public Inventory scan(LiveRequest request) {
    throw new CutoverException("the fake cloud has no inventory");
  }

  @Override
  public Optional<TrafficRouter> trafficRouter(String scheme, URI endpoint) {
    if (!scheme.equals("fake")) {
      return Optional.empty();
    }
    return Optional.of(
        new FakeRouter(
            "fake", record -> new FakeRouter.FileStore(Path.of(record.path())), Ticker.system()));
  }

  @Override
  public Optional<MetricSource> metricSource(String id, URI endpoint) {
    if (!id.equals("fake")) {
      return Optional.empty();
    }
    return Optional.of(
        new MetricSource() {
          @Override
          public String id() {
            return "fake";
          }

          @Override
          public List<Double> values(MetricQuery query, Instant from, Instant to) {
            try {
              double[] values =
                  JsonMapper.builder()
                      .build()
                      .readValue(Path.of(query.resource()).toFile(), double[].class);
              return Arrays.stream(values).boxed().toList();
            } catch (IOException e) {
              throw new CutoverException(query.resource() + ": " + e.getMessage());
            }
          }
        });
  }
}
