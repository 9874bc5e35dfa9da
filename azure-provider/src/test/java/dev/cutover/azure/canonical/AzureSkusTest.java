package dev.cutover.azure.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AzureSkusTest {

  @Test
  void lookup_postgresFlexibleSizes_asArmAndTerraformNameThem() {
    assertThat(AzureSkus.lookup("Standard_B1ms")).contains(new AzureSkus.Sku(1, 2));
    assertThat(AzureSkus.lookup("Standard_D2ds_v4")).contains(new AzureSkus.Sku(2, 8));
    assertThat(AzureSkus.lookup("GP_Standard_D2ds_v5")).contains(new AzureSkus.Sku(2, 8));
    assertThat(AzureSkus.lookup("standard_d4ds_v5")).contains(new AzureSkus.Sku(4, 16));
    assertThat(AzureSkus.lookup("MO_Standard_E4ds_v5")).contains(new AzureSkus.Sku(4, 32));
    assertThat(AzureSkus.lookup("Standard_E64s_v3")).contains(new AzureSkus.Sku(64, 432));
  }

  @Test
  void lookup_sqlVcoreObjectives_asThePageListsThem() {
    assertThat(AzureSkus.lookup("GP_Gen5_2")).contains(new AzureSkus.Sku(2, 10.4));
    assertThat(AzureSkus.lookup("BC_Gen5_4")).contains(new AzureSkus.Sku(4, 20.8));
    assertThat(AzureSkus.lookup("HS_Gen5_8")).contains(new AzureSkus.Sku(8, 41.5));
    assertThat(AzureSkus.lookup("BC_Gen4_2")).contains(new AzureSkus.Sku(2, 14));
    assertThat(AzureSkus.lookup("GP_S_Gen5_2")).contains(new AzureSkus.Sku(2, 6));
  }

  @Test
  void lookup_dtuTiersAndUnknownSkus_areEmptyNeverGuessed() {
    assertThat(AzureSkus.lookup("S0")).isEmpty();
    assertThat(AzureSkus.lookup("Basic")).isEmpty();
    assertThat(AzureSkus.lookup("P2")).isEmpty();
    assertThat(AzureSkus.lookup("Standard_D3ds_v5")).isEmpty();
    assertThat(AzureSkus.lookup("GP_Gen5_3")).isEmpty();
    assertThat(AzureSkus.lookup(null)).isEmpty();
  }

  @Test
  void postgresSkuName_stripsOnlyTheTerraformTierPrefix() {
    assertThat(AzureSkus.postgresSkuName("B_Standard_B1ms")).isEqualTo("Standard_B1ms");
    assertThat(AzureSkus.postgresSkuName("Standard_B1ms")).isEqualTo("Standard_B1ms");
    assertThat(AzureSkus.postgresSkuName("GP_Gen5_2")).isEqualTo("GP_Gen5_2");
  }
}
