variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "zones" {
  type    = list(string)
  default = ["1", "2", "3"]
}

variable "subnet_id" {
  description = "A subnet dedicated to application gateways."
  type        = string
}

variable "capacity" {
  description = "Fixed instance count."
  type        = number
  default     = 2
}

variable "identity_id" {
  description = "User-assigned identity allowed to read the certificate secret."
  type        = string
}

variable "certificate_secret_id" {
  description = "Key Vault secret id of the HTTPS certificate."
  type        = string
}

variable "ssl_policy_name" {
  description = "Predefined TLS policy (AppGwSslPolicy20220101: TLS 1.2 and 1.3)."
  type        = string
  default     = "AppGwSslPolicy20220101"
}

variable "backend_port" {
  type = number
}

variable "request_timeout" {
  description = "Backend request timeout in seconds."
  type        = number
  default     = 60
}

variable "probe_host" {
  type = string
}

variable "probe_path" {
  type = string
}

variable "probe_interval" {
  description = "Seconds between probes."
  type        = number
  default     = 15
}

variable "tags" {
  type    = map(string)
  default = {}
}
