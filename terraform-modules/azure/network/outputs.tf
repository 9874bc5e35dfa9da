output "id" {
  value = azurerm_virtual_network.this.id
}

output "subnet_ids" {
  description = "Subnet ids by name."
  value       = { for name, subnet in azurerm_subnet.this : name => subnet.id }
}
