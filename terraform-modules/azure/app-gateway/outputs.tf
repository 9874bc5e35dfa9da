output "id" {
  value = azurerm_application_gateway.this.id
}

output "fqdn" {
  value = azurerm_public_ip.this.fqdn
}
