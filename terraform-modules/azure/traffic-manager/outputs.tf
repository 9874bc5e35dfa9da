output "name" {
  value = azurerm_traffic_manager_profile.this.name
}

output "id" {
  value = azurerm_traffic_manager_profile.this.id
}

output "fqdn" {
  value = azurerm_traffic_manager_profile.this.fqdn
}
