package dev.cutover.core.traffic.gate;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MetricQuery;
import dev.cutover.core.traffic.plan.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The syntax of {@link GateSpec}, documented there. */
final class GateParser {

  private GateParser() {}

  static GateSpec parse(String text) {
    String spec = text == null ? "" : text.trim();
    if (spec.startsWith("http:") || spec.startsWith("https:")) {
      return parseHttp(spec);
    }
    if (spec.startsWith("metric:")) {
      return parseMetric(spec);
    }
    if (spec.equals("parity") || spec.startsWith("parity:") || spec.startsWith("parity,")) {
      return parseParity(spec);
    }
    throw new CutoverException(
        "--gate '"
            + text
            + "': expected http:URL[,status=200][,latency=2s][,samples=3],"
            + " metric:SOURCE:RESOURCE:METRIC>THRESHOLD[,stat=..][,period=1m][,missing=pass]"
            + " or parity[:PATH]");
  }

  private static GateSpec.Http parseHttp(String spec) {
    String body = spec.startsWith("http:http") ? spec.substring("http:".length()) : spec;
    Split split = Split.of(spec, body, Set.of("status", "latency", "samples"));
    URI url;
    try {
      url = URI.create(split.head());
    } catch (IllegalArgumentException e) {
      throw new CutoverException("--gate '" + spec + "': not a URL: " + e.getMessage());
    }
    if (url.getScheme() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
        || url.getHost() == null) {
      throw new CutoverException(
          "--gate '" + spec + "': expected an http:// or https:// URL after 'http:'");
    }
    int status = split.intOption("status", GateSpec.DEFAULT_STATUS);
    Duration latency =
        split.options().containsKey("latency")
            ? Durations.parse(split.options().get("latency"), "--gate '" + spec + "' latency")
            : GateSpec.DEFAULT_LATENCY;
    int samples = split.intOption("samples", GateSpec.DEFAULT_SAMPLES);
    if (samples < 1 || status < 100 || status > 599) {
      throw new CutoverException(
          "--gate '" + spec + "': samples must be at least 1 and status an HTTP status");
    }
    return new GateSpec.Http(spec, url, status, latency, samples);
  }

  private static final Pattern CONDITION =
      Pattern.compile("(.+?)(>=|<=|>|<)([0-9]+(?:\\.[0-9]+)?)(%|ms|s)?");

  private static GateSpec.Metric parseMetric(String spec) {
    Split split =
        Split.of(spec, spec.substring("metric:".length()), Set.of("stat", "period", "missing"));
    String head = split.head();
    int sourceEnd = head.indexOf(':');
    int conditionStart = head.lastIndexOf(':');
    if (sourceEnd <= 0 || conditionStart <= sourceEnd + 1) {
      throw new CutoverException(
          "--gate '"
              + spec
              + "': expected metric:SOURCE:RESOURCE:METRIC>THRESHOLD, e.g."
              + " metric:cloudwatch:app/web/50dc6c495c0c9188:error-rate>1%");
    }
    Matcher condition = CONDITION.matcher(head.substring(conditionStart + 1));
    if (!condition.matches()) {
      throw new CutoverException(
          "--gate '"
              + spec
              + "': expected a condition METRIC OP THRESHOLD such as error-rate>1% or latency>2s");
    }
    double threshold = Double.parseDouble(condition.group(3));
    if ("ms".equals(condition.group(4))) {
      threshold = threshold / 1000.0;
    }
    Duration period =
        split.options().containsKey("period")
            ? Durations.parse(split.options().get("period"), "--gate '" + spec + "' period")
            : null;
    MetricQuery query =
        new MetricQuery(
            head.substring(0, sourceEnd),
            head.substring(sourceEnd + 1, conditionStart),
            condition.group(1),
            split.options().get("stat"),
            period);
    return new GateSpec.Metric(spec, query, condition.group(2), threshold, split.missingPasses());
  }

  private static GateSpec.Parity parseParity(String spec) {
    Split split = Split.of(spec, spec, Set.of("missing"));
    String head = split.head();
    String path = head.equals("parity") ? null : head.substring("parity:".length());
    if (path != null && path.isBlank()) {
      throw new CutoverException("--gate '" + spec + "': expected parity or parity:PATH");
    }
    return new GateSpec.Parity(spec, path, split.missingPasses());
  }

  /** A gate's text split into its head and its trailing {@code ,key=value} options. */
  private record Split(String spec, String head, Map<String, String> options) {

    static Split of(String spec, String body, Set<String> known) {
      Map<String, String> options = new LinkedHashMap<>();
      String head = body;
      int comma;
      while ((comma = head.lastIndexOf(',')) >= 0) {
        String option = head.substring(comma + 1);
        int eq = option.indexOf('=');
        String key = eq < 0 ? option : option.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (eq < 0 || !known.contains(key)) {
          throw new CutoverException(
              "--gate '" + spec + "': unknown option '" + option + "'; known: " + known);
        }
        options.put(key, option.substring(eq + 1).trim());
        head = head.substring(0, comma);
      }
      return new Split(spec, head.trim(), options);
    }

    int intOption(String key, int fallback) {
      String value = options.get(key);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new CutoverException("--gate '" + spec + "': " + key + " must be a whole number");
      }
    }

    boolean missingPasses() {
      String value = options.getOrDefault("missing", "fail");
      if (!value.equals("pass") && !value.equals("fail")) {
        throw new CutoverException("--gate '" + spec + "': missing must be pass or fail");
      }
      return value.equals("pass");
    }
  }
}
