package dev.cutover.azure.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.model.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureSubnetsTest {

  private static final String VNET =
      "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet1";
  private static final ResourceMeta META =
      ResourceMeta.of(AzureIds.CLOUD, VNET + "/subnets/app", "app", "x");

  @Test
  void subnet_prefixRepeatedInAnotherForm_isOneCanonicalCidr() {
    Subnet subnet =
        AzureSubnets.subnet(META, VNET, List.of("10.0.0.5/24", "10.0.0.0/24", "10.0.1.0/24"));

    assertThat(subnet.cidr()).isEqualTo("10.0.0.0/24");
    assertThat(subnet.additionalCidrs()).containsExactly("10.0.1.0/24");
    assertThat(subnet.network()).isEqualTo(VNET);
    assertThat(subnet.zone()).isNull();
  }

  @Test
  void subnet_withoutPrefixes_hasNoCidr() {
    Subnet subnet = AzureSubnets.subnet(META, VNET, List.of());

    assertThat(subnet.cidr()).isNull();
    assertThat(subnet.additionalCidrs()).isEmpty();
  }
}
