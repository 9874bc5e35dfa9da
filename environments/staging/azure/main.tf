# Staging on Azure (the target, "green"), built to mirror the AWS side: the virtual network with
# the same ranges, the NSG, the Application Gateway, the PostgreSQL Flexible Server and the
# weighted Traffic Manager profile that cutover moves.

provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}

locals {
  location = "eastus"
  tags     = { app = "shop", env = "staging", managed-by = "terraform" }
}

resource "azurerm_resource_group" "staging" {
  name     = "rg-staging"
  location = local.location
  tags     = local.tags
}

module "network" {
  source = "../../../terraform-modules/azure/network"

  name                = "vnet-staging"
  resource_group_name = azurerm_resource_group.staging.name
  location            = local.location
  address_space       = ["10.20.0.0/16"]
  subnets = {
    staging-web-a  = { address_prefix = "10.20.1.0/24" }
    staging-web-b  = { address_prefix = "10.20.2.0/24" }
    staging-data-a = { address_prefix = "10.20.11.0/24", delegation = "Microsoft.DBforPostgreSQL/flexibleServers" }
    staging-data-b = { address_prefix = "10.20.12.0/24" }
  }
  tags = local.tags
}

module "app_nsg" {
  source = "../../../terraform-modules/azure/nsg"

  name                = "nsg-staging-app"
  resource_group_name = azurerm_resource_group.staging.name
  location            = local.location
  rules = [
    { name = "AllowHttpsInbound", description = "HTTPS from anywhere", priority = 100, direction = "Inbound", access = "Allow", protocol = "Tcp", destination_port_range = "443", source_address_prefix = "*" },
    { name = "AllowHttpInbound", description = "HTTP from anywhere (redirected to HTTPS)", priority = 110, direction = "Inbound", access = "Allow", protocol = "Tcp", destination_port_range = "80", source_address_prefix = "*" },
    { name = "AllowSshInbound", description = "SSH, as the live AWS group allows it", priority = 120, direction = "Inbound", access = "Allow", protocol = "Tcp", destination_port_range = "22", source_address_prefix = "*" },
    { name = "AllowAppFromVnet", description = "application port from the VNet", priority = 130, direction = "Inbound", access = "Allow", protocol = "Tcp", destination_port_range = "8080", source_address_prefix = "10.20.0.0/16" },
    { name = "AllowAppFromInternet", description = "application port, direct (testing)", priority = 140, direction = "Inbound", access = "Allow", protocol = "Tcp", destination_port_range = "8080", source_address_prefix = "Internet" },
    { name = "AllowPostgresFromVnet", description = "PostgreSQL from the VNet", priority = 150, direction = "Inbound", access = "Allow", protocol = "Tcp", destination_port_range = "5432", source_address_prefix = "10.20.0.0/16" },
  ]
  subnet_ids = { staging-web-b = module.network.subnet_ids["staging-web-b"] }
  tags       = local.tags
}

resource "azurerm_user_assigned_identity" "app_gateway" {
  name                = "id-agw-staging-web"
  resource_group_name = azurerm_resource_group.staging.name
  location            = local.location
  tags                = local.tags
}

module "app_gateway" {
  source = "../../../terraform-modules/azure/app-gateway"

  name                  = "agw-staging-web"
  resource_group_name   = azurerm_resource_group.staging.name
  location              = local.location
  subnet_id             = module.network.subnet_ids["staging-web-a"]
  identity_id           = azurerm_user_assigned_identity.app_gateway.id
  certificate_secret_id = var.certificate_secret_id
  backend_port          = 8080
  probe_host            = "app.staging.example.org"
  probe_path            = "/healthz"
  tags                  = local.tags
}

module "database" {
  source = "../../../terraform-modules/azure/postgresql-flexible"

  name                   = "psql-staging-db"
  resource_group_name    = azurerm_resource_group.staging.name
  location               = local.location
  postgresql_version     = "16"
  sku_name               = "GP_Standard_D2ds_v5"
  storage_mb             = 131072
  backup_retention_days  = 7
  administrator_login    = "shop_admin"
  administrator_password = var.db_password
  delegated_subnet_id    = module.network.subnet_ids["staging-data-a"]
  virtual_network_id     = module.network.id
  tags                   = local.tags
}

module "app_dns" {
  source = "../../../terraform-modules/azure/traffic-manager"

  name                = "tm-staging-app"
  resource_group_name = azurerm_resource_group.staging.name
  ttl                 = 300
  endpoints = {
    aws   = { target = var.aws_alb_dns_name, initial_weight = 1000, initially_enabled = true }
    azure = { target = module.app_gateway.fqdn, initial_weight = 1, initially_enabled = false }
  }
  tags = local.tags
}
