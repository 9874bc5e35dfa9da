package dev.cutover.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureLocationTest {

  private static final String SUB = "00000000-0000-0000-0000-000000000000";

  @Test
  void parse_subscriptionAlone_scopesTheWholeSubscription() {
    AzureLocation location = AzureLocation.parse(SUB);

    assertThat(location.resourceGroup()).isNull();
    assertThat(location.scope()).isEqualTo("/subscriptions/" + SUB);
  }

  @Test
  void parse_subscriptionAndResourceGroup_scopesTheGroup() {
    AzureLocation location = AzureLocation.parse(SUB + "/rg-app.prod(1)");

    assertThat(location.resourceGroup()).isEqualTo("rg-app.prod(1)");
    assertThat(location.scope())
        .isEqualTo("/subscriptions/" + SUB + "/resourceGroups/rg-app.prod(1)");
    assertThat(location).hasToString(SUB + "/rg-app.prod(1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "", "my-subscription", SUB + "/", SUB + "/a/b", SUB + "/ends."})
  void parse_malformed_failsInOneLineNamingTheExpectedForm(String text) {
    assertThatThrownBy(() -> AzureLocation.parse(text))
        .isInstanceOf(CutoverException.class)
        .hasMessage(
            "azure location '"
                + text
                + "': expected SUBSCRIPTION_ID[/RESOURCE_GROUP] (a subscription GUID, then"
                + " optionally one resource group)");
  }
}
