output "vnet_id" {
  value = module.network.id
}

output "app_gateway_fqdn" {
  value = module.app_gateway.fqdn
}

output "database_fqdn" {
  value = module.database.fqdn
}

output "switch_record" {
  description = "The Traffic Manager profile as `cutover switch --record` names it."
  value       = "trafficmanager:${var.subscription_id}/${azurerm_resource_group.staging.name}/${module.app_dns.name}"
}
