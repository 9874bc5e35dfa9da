package dev.cutover.core.compare;

import dev.cutover.core.CutoverException;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs source with target resources for parity: the explicit map first, then equal values of the
 * pairing tag, then equal names (case-insensitive); always within one kind. Tag and name pair only
 * when the value is unique among the still unpaired resources of that kind on each side, so that a
 * guess never pairs the wrong two.
 */
final class Pairer {

  private static final Logger LOG = LoggerFactory.getLogger(Pairer.class);

  /** A source resource and its target counterpart. */
  record Pair(Resource source, Resource target) {}

  /**
   * @param pairs paired resources, in source order
   * @param unpairedSource source resources without a counterpart
   * @param unpairedTarget target resources without a counterpart
   * @param groupMap source security group id (lower case) to the target id it pairs with (from
   *     paired firewalls, and from explicit entries whose target is not a resource of the target
   *     inventory, such as an application security group)
   */
  record Result(
      List<Pair> pairs,
      List<Resource> unpairedSource,
      List<Resource> unpairedTarget,
      Map<String, String> groupMap) {}

  private Pairer() {}

  /**
   * @throws CutoverException for an explicit entry that names several resources of a side, pairs
   *     two kinds, or pairs a resource twice
   */
  static Result pair(List<Resource> source, List<Resource> target, Pairing pairing) {
    Map<Resource, Resource> pairs = new IdentityHashMap<>();
    Map<Resource, Resource> reverse = new IdentityHashMap<>();
    Map<String, String> groupMap = new LinkedHashMap<>();

    for (Map.Entry<String, String> entry : new TreeMap<>(pairing.explicit()).entrySet()) {
      Optional<Resource> s = resolve(source, entry.getKey(), "source");
      Optional<Resource> t = resolve(target, entry.getValue(), "target");
      if (s.isPresent() && t.isPresent()) {
        link(pairs, reverse, s.get(), t.get(), entry);
      } else {
        LOG.warn(
            "pairs: '{}: {}' matches no {} resource",
            entry.getKey(),
            entry.getValue(),
            s.isPresent() ? "target" : "source");
        groupMap.put(
            Values.lower(s.map(r -> r.meta().id()).orElse(entry.getKey())), entry.getValue());
      }
    }
    byUniqueKey(source, target, pairs, reverse, r -> tag(r, pairing.tagKey()));
    byUniqueKey(source, target, pairs, reverse, Pairer::nameKey);

    List<Pair> result = new ArrayList<>();
    for (Resource s : source) {
      Resource t = pairs.get(s);
      if (t != null) {
        result.add(new Pair(s, t));
        if (s.kind() == ResourceKind.FIREWALL) {
          groupMap.putIfAbsent(s.meta().idKey(), t.meta().id());
        }
      }
    }
    return new Result(
        result,
        source.stream().filter(r -> !pairs.containsKey(r)).toList(),
        target.stream().filter(r -> !reverse.containsKey(r)).toList(),
        groupMap);
  }

  /** True if the reference names the resource: its address, id or name (case-insensitive). */
  static boolean matches(Resource resource, String reference) {
    return reference.equals(resource.meta().address())
        || reference.equalsIgnoreCase(resource.meta().id())
        || reference.equalsIgnoreCase(resource.meta().name());
  }

  /** The one resource a reference names: by address, else id, else name. */
  private static Optional<Resource> resolve(List<Resource> side, String ref, String sideName) {
    for (Function<Resource, Boolean> test :
        List.<Function<Resource, Boolean>>of(
            r -> ref.equals(r.meta().address()),
            r -> ref.equalsIgnoreCase(r.meta().id()),
            r -> ref.equalsIgnoreCase(r.meta().name()))) {
      List<Resource> found = side.stream().filter(test::apply).toList();
      if (found.size() > 1) {
        throw new CutoverException(
            "pairs: '"
                + ref
                + "' names "
                + found.size()
                + " "
                + sideName
                + " resources ("
                + String.join(", ", found.stream().map(r -> r.meta().label()).toList())
                + "); use an address or id",
            "name one resource per entry in cutover.yaml pairs:",
            false,
            null);
      }
      if (found.size() == 1) {
        return Optional.of(found.get(0));
      }
    }
    return Optional.empty();
  }

  private static void link(
      Map<Resource, Resource> pairs,
      Map<Resource, Resource> reverse,
      Resource s,
      Resource t,
      Map.Entry<String, String> entry) {
    String where = "pairs: '" + entry.getKey() + ": " + entry.getValue() + "'";
    if (s.kind() != t.kind()) {
      throw new CutoverException(
          where + " pairs a " + s.kind() + " with a " + t.kind() + "; pair resources of one kind");
    }
    if (pairs.containsKey(s) || reverse.containsKey(t)) {
      throw new CutoverException(
          where + " pairs a resource that another entry already pairs; pair each resource once");
    }
    pairs.put(s, t);
    reverse.put(t, s);
  }

  /** Pairs unpaired resources of one kind whose key is equal and unique on both sides. */
  private static void byUniqueKey(
      List<Resource> source,
      List<Resource> target,
      Map<Resource, Resource> pairs,
      Map<Resource, Resource> reverse,
      Function<Resource, String> key) {
    Map<String, List<Resource>> sources = index(source, pairs, key);
    Map<String, List<Resource>> targets = index(target, reverse, key);
    sources.forEach(
        (k, s) -> {
          List<Resource> t = targets.get(k);
          if (t != null && s.size() == 1 && t.size() == 1) {
            pairs.put(s.get(0), t.get(0));
            reverse.put(t.get(0), s.get(0));
          } else if (t != null) {
            LOG.warn(
                "cannot pair by '{}': {} source and {} target resources", k, s.size(), t.size());
          }
        });
  }

  private static Map<String, List<Resource>> index(
      List<Resource> side, Map<Resource, Resource> paired, Function<Resource, String> key) {
    Map<String, List<Resource>> index = new LinkedHashMap<>();
    for (Resource r : side) {
      String k = key.apply(r);
      if (!paired.containsKey(r) && k != null) {
        index.computeIfAbsent(r.kind() + "/" + k, x -> new ArrayList<>()).add(r);
      }
    }
    return index;
  }

  private static String tag(Resource resource, String tagKey) {
    String value = resource.meta().tags().get(tagKey);
    return value == null || value.isBlank() ? null : value;
  }

  /** The name, lower case; a DNS record set's fully qualified name and type. */
  private static String nameKey(Resource resource) {
    if (resource instanceof DnsRecordSet dns && dns.fqdn() != null) {
      return (dns.fqdn() + "/" + dns.type()).toLowerCase(Locale.ROOT);
    }
    return Values.lower(resource.meta().name());
  }
}
