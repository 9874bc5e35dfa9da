output "id" {
  value = azurerm_network_security_group.this.id
}
