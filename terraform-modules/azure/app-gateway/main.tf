# An internet-facing Application Gateway v2: HTTPS on 443 (certificate from Key Vault) forwarding
# to one backend pool, HTTP on 80 redirecting to HTTPS, one custom health probe.

locals {
  frontend_ip     = "public"
  backend_pool    = "app"
  backend_setting = "app-http"
  probe           = "app-health"
  https_listener  = "https"
  http_listener   = "http"
  certificate     = "site"
}

resource "azurerm_public_ip" "this" {
  name                = "pip-${var.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  allocation_method   = "Static"
  sku                 = "Standard"
  domain_name_label   = var.name
  zones               = var.zones

  tags = var.tags
}

resource "azurerm_application_gateway" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  zones               = var.zones
  enable_http2        = true

  sku {
    name     = "Standard_v2"
    tier     = "Standard_v2"
    capacity = var.capacity
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }

  gateway_ip_configuration {
    name      = "gateway"
    subnet_id = var.subnet_id
  }

  frontend_ip_configuration {
    name                 = local.frontend_ip
    public_ip_address_id = azurerm_public_ip.this.id
  }

  frontend_port {
    name = "https"
    port = 443
  }

  frontend_port {
    name = "http"
    port = 80
  }

  ssl_certificate {
    name                = local.certificate
    key_vault_secret_id = var.certificate_secret_id
  }

  ssl_policy {
    policy_type = "Predefined"
    policy_name = var.ssl_policy_name
  }

  backend_address_pool {
    name = local.backend_pool
  }

  backend_http_settings {
    name                  = local.backend_setting
    protocol              = "Http"
    port                  = var.backend_port
    cookie_based_affinity = "Disabled"
    request_timeout       = var.request_timeout
    probe_name            = local.probe
  }

  probe {
    name                = local.probe
    protocol            = "Http"
    host                = var.probe_host
    path                = var.probe_path
    interval            = var.probe_interval
    timeout             = 5
    unhealthy_threshold = 3

    match {
      status_code = ["200"]
    }
  }

  http_listener {
    name                           = local.https_listener
    frontend_ip_configuration_name = local.frontend_ip
    frontend_port_name             = "https"
    protocol                       = "Https"
    ssl_certificate_name           = local.certificate
  }

  http_listener {
    name                           = local.http_listener
    frontend_ip_configuration_name = local.frontend_ip
    frontend_port_name             = "http"
    protocol                       = "Http"
  }

  request_routing_rule {
    name                       = "https-to-app"
    priority                   = 100
    rule_type                  = "Basic"
    http_listener_name         = local.https_listener
    backend_address_pool_name  = local.backend_pool
    backend_http_settings_name = local.backend_setting
  }

  redirect_configuration {
    name                 = "http-to-https"
    redirect_type        = "Permanent"
    target_listener_name = local.https_listener
    include_path         = true
    include_query_string = true
  }

  request_routing_rule {
    name                        = "http-to-https"
    priority                    = 200
    rule_type                   = "Basic"
    http_listener_name          = local.http_listener
    redirect_configuration_name = "http-to-https"
  }

  tags = var.tags
}
