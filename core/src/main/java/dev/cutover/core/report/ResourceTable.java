package dev.cutover.core.report;

import dev.cutover.core.model.Database;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.Subnet;

/** The {@code table} form of a resource list ({@code state}, {@code inventory}). */
public final class ResourceTable {

  private ResourceTable() {}

  public static String render(Inventory inventory) {
    TextTable table = new TextTable("KIND", "CLOUD", "ADDRESS / ID", "NAME", "DETAILS");
    for (Resource resource : inventory.resources()) {
      table.row(
          resource.kind(),
          resource.meta().cloud(),
          resource.meta().label(),
          resource.meta().name(),
          details(resource));
    }
    return table.render()
        + inventory.resources().size()
        + " resources from "
        + inventory.source()
        + "\n";
  }

  /** A short summary of the kind's own fields. */
  static String details(Resource resource) {
    if (resource instanceof Network n) {
      return String.join(",", n.cidrs());
    } else if (resource instanceof Subnet s) {
      return s.cidr() + (s.zone() == null ? "" : " " + s.zone());
    } else if (resource instanceof FirewallRuleSet f) {
      return f.rules().size() + " rules";
    } else if (resource instanceof LoadBalancer lb) {
      return lb.scheme() + " L" + lb.layer() + ", " + lb.listeners().size() + " listeners";
    } else if (resource instanceof Database db) {
      return db.engine() + " " + db.engineVersion() + " " + db.instanceClass();
    } else if (resource instanceof DnsRecordSet dns) {
      return dns.fqdn() + " " + dns.type() + " " + dns.routing() + " ttl=" + dns.ttlSeconds();
    }
    return "";
  }
}
