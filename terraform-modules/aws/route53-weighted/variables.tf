variable "zone_id" {
  description = "Hosted zone id (without /hostedzone/)."
  type        = string
}

variable "name" {
  description = "Record name, e.g. app.staging.example.org."
  type        = string
}

variable "type" {
  type    = string
  default = "CNAME"
}

variable "ttl" {
  description = "TTL in seconds; keep it at 60 or lower before a cutover so weight changes reach clients quickly."
  type        = number
  default     = 60
}

variable "members" {
  description = "Members by SetIdentifier: record values, initial weight (0-255; the switch owns it afterwards), host the health check probes."
  type = map(object({
    records           = list(string)
    initial_weight    = number
    health_check_fqdn = string
  }))
}

variable "health_check_path" {
  type    = string
  default = "/health"
}

variable "tags" {
  type    = map(string)
  default = {}
}
