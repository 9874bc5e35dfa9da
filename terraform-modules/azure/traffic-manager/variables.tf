variable "name" {
  description = "Profile name; also its DNS relative name (<name>.trafficmanager.net)."
  type        = string
}

variable "resource_group_name" {
  type = string
}

variable "ttl" {
  description = "DNS TTL in seconds; 60 or lower before a cutover."
  type        = number
  default     = 60
}

variable "monitor_path" {
  type    = string
  default = "/health"
}

variable "endpoints" {
  description = "External endpoints by name: target host, initial weight (1-1000) and status (the switch owns both afterwards)."
  type = map(object({
    target            = string
    initial_weight    = number
    initially_enabled = bool
  }))
}

variable "tags" {
  type    = map(string)
  default = {}
}
