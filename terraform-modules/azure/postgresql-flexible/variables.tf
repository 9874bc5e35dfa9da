variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "postgresql_version" {
  description = "Major version, e.g. 16."
  type        = string
}

variable "sku_name" {
  description = "Tier and SKU, e.g. GP_Standard_D2ds_v5 (2 vCPU, 8 GiB)."
  type        = string
}

variable "storage_mb" {
  description = "Storage in MiB (131072 = 128 GiB)."
  type        = number
}

variable "backup_retention_days" {
  description = "Days of backups for point-in-time restore, 7-35."
  type        = number
}

variable "administrator_login" {
  type = string
}

variable "administrator_password" {
  description = "Pass it with TF_VAR_db_password, never in a file. Terraform stores it in the state, marked sensitive."
  type        = string
  sensitive   = true
}

variable "delegated_subnet_id" {
  description = "A subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers."
  type        = string
}

variable "virtual_network_id" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
