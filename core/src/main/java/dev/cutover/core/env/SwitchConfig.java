package dev.cutover.core.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code switch:} section of {@code cutover.yaml}: the switch plan of the environment. Every
 * field may be overridden by the flag of the same name, except {@code gates} and {@code blueGates},
 * to which {@code --gate} and {@code --blue-gate} add; durations and gates use the flags' syntax
 * ({@link dev.cutover.core.traffic.plan.Durations}, {@link
 * dev.cutover.core.traffic.gate.GateSpec}). Example:
 *
 * <pre>
 * switch:
 *   record: route53:Z0123456789ABCDEFGHIJ/www.example.com/A
 *   blue: aws                     # SetIdentifier (Route 53) or endpoint name (Traffic Manager)
 *   green: azure
 *   steps: [5, 10, 25, 50, 75, 100]
 *   bake: 10m
 *   deadline: 30m
 *   interval: 30s
 *   maxTtl: 60s
 *   gates:
 *     - http:https://www.example.com/healthz,status=200,latency=2s,samples=3
 *     - metric:cloudwatch:app/web/50dc6c495c0c9188:error-rate>1%
 *     - metric:cloudwatch:app/web/50dc6c495c0c9188:latency>2s
 *     - parity
 *   blueGates:
 *     - http:https://blue.example.com/healthz
 *   journal: .cutover/journal      # relative to this file; the default
 *   parityReport: .cutover/parity.json
 * </pre>
 *
 * @param record {@code route53:ZONE_ID/NAME/TYPE} or {@code trafficmanager:SUB/RG/PROFILE}
 * @param blue the source member
 * @param green the target member
 * @param steps percentages of traffic to green
 * @param bake per step, e.g. {@code 10m}
 * @param deadline per step, e.g. {@code 30m}
 * @param interval between gate evaluations
 * @param maxTtl the largest TTL preflight accepts
 * @param liveTimeout how long to wait for a change to be live
 * @param gates gates of every bake
 * @param blueGates gates against blue before step 1
 * @param autoPromote promote once the last step baked
 * @param journal the journal directory, relative to the environment
 * @param parityReport the report the {@code parity} gate reads, relative to the environment
 */
public record SwitchConfig(
    @JsonProperty("record") String record,
    @JsonProperty("blue") String blue,
    @JsonProperty("green") String green,
    @JsonProperty("steps") List<String> steps,
    @JsonProperty("bake") String bake,
    @JsonProperty("deadline") String deadline,
    @JsonProperty("interval") String interval,
    @JsonProperty("maxTtl") String maxTtl,
    @JsonProperty("liveTimeout") String liveTimeout,
    @JsonProperty("gates") List<String> gates,
    @JsonProperty("blueGates") List<String> blueGates,
    @JsonProperty("autoPromote") Boolean autoPromote,
    @JsonProperty("journal") String journal,
    @JsonProperty("parityReport") String parityReport) {

  /** Default journal directory, relative to the environment. */
  public static final String DEFAULT_JOURNAL = ".cutover/journal";

  /** Default parity report, relative to the environment. */
  public static final String DEFAULT_PARITY_REPORT = ".cutover/parity.json";

  public SwitchConfig {
    steps = steps == null ? null : List.copyOf(steps);
    gates = gates == null ? List.of() : List.copyOf(gates);
    blueGates = blueGates == null ? List.of() : List.copyOf(blueGates);
  }
}
