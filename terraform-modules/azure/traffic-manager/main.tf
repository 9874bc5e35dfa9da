# A weighted Traffic Manager profile with external endpoints.
#
# Endpoint weights (1-1000) and endpointStatus belong to `cutover switch` once a cutover starts:
# Traffic Manager has no weight 0, so the switch disables an endpoint instead. Terraform creates the
# endpoints with their initial weight and status and then ignores both, so `terraform apply` never
# undoes a step of the switch.

resource "azurerm_traffic_manager_profile" "this" {
  name                   = var.name
  resource_group_name    = var.resource_group_name
  traffic_routing_method = "Weighted"

  dns_config {
    relative_name = var.name
    ttl           = var.ttl
  }

  monitor_config {
    protocol                     = "HTTPS"
    port                         = 443
    path                         = var.monitor_path
    interval_in_seconds          = 30
    timeout_in_seconds           = 10
    tolerated_number_of_failures = 3
  }

  tags = var.tags
}

resource "azurerm_traffic_manager_external_endpoint" "this" {
  for_each = var.endpoints

  name       = each.key
  profile_id = azurerm_traffic_manager_profile.this.id
  target     = each.value.target
  weight     = each.value.initial_weight
  enabled    = each.value.initially_enabled

  lifecycle {
    ignore_changes = [weight, enabled]
  }
}
