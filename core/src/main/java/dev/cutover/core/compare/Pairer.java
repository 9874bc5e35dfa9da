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
      List<Resource> s = candidates(source, entry.getKey());
      List<Resource> t = candidates(target, entry.getValue());
      if (!s.isEmpty() && !t.isEmpty()) {
        explicit(s, t, entry).forEach((a, b) -> link(pairs, reverse, a, b, entry));
      } else {
        LOG.warn(
            "pairs: '{}: {}' matches no {} resource",
            entry.getKey(),
            entry.getValue(),
            s.isEmpty() ? "source" : "target");
        String group = s.size() == 1 ? s.get(0).meta().id() : entry.getKey();
        groupMap.put(Values.lower(group), entry.getValue());
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

  /**
   * The resources a reference names: those with that address, else that id, else that name. An
   * address can name two resources of different kinds (Azure subnets inline in their network).
   */
  private static List<Resource> candidates(List<Resource> side, String ref) {
    for (Function<Resource, Boolean> test :
        List.<Function<Resource, Boolean>>of(
            r -> ref.equals(r.meta().address()),
            r -> ref.equalsIgnoreCase(r.meta().id()),
            r -> ref.equalsIgnoreCase(r.meta().name()))) {
      List<Resource> found = side.stream().filter(test::apply).toList();
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** Of the candidates of an explicit entry, the one source and one target of each shared kind. */
  private static Map<Resource, Resource> explicit(
      List<Resource> s, List<Resource> t, Map.Entry<String, String> entry) {
    String where = "pairs: '" + entry.getKey() + ": " + entry.getValue() + "'";
    Map<Resource, Resource> pairs = new LinkedHashMap<>();
    for (ResourceKind kind : ResourceKind.values()) {
      List<Resource> ofKindS = s.stream().filter(r -> r.kind() == kind).toList();
      List<Resource> ofKindT = t.stream().filter(r -> r.kind() == kind).toList();
      if (ofKindS.isEmpty() || ofKindT.isEmpty()) {
        continue;
      }
      if (ofKindS.size() > 1 || ofKindT.size() > 1) {
        List<Resource> many = ofKindS.size() > 1 ? ofKindS : ofKindT;
        throw new CutoverException(
            where
                + " names "
                + many.size()
                + " "
                + (many == ofKindS ? "source" : "target")
                + " resources ("
                + String.join(", ", many.stream().map(r -> r.meta().label()).toList())
                + "); use an address or id",
            "name one resource per entry in cutover.yaml pairs:",
            false,
            null);
      }
      pairs.put(ofKindS.get(0), ofKindT.get(0));
    }
    if (pairs.isEmpty()) {
      throw new CutoverException(
          where
              + " pairs a "
              + s.get(0).kind()
              + " with a "
              + t.get(0).kind()
              + "; pair resources of one kind");
    }
    return pairs;
  }

  private static void link(
      Map<Resource, Resource> pairs,
      Map<Resource, Resource> reverse,
      Resource s,
      Resource t,
      Map.Entry<String, String> entry) {
    String where = "pairs: '" + entry.getKey() + ": " + entry.getValue() + "'";
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
  static String nameKey(Resource resource) {
    if (resource instanceof DnsRecordSet dns && dns.fqdn() != null) {
      return (dns.fqdn() + "/" + dns.type()).toLowerCase(Locale.ROOT);
    }
    return Values.lower(resource.meta().name());
  }
}
