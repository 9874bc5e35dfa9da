variable "identifier" {
  type = string
}

variable "engine_version" {
  description = "PostgreSQL version, e.g. 16.4."
  type        = string
}

variable "instance_class" {
  description = "RDS instance class, e.g. db.m6g.large (2 vCPU, 8 GiB)."
  type        = string
}

variable "allocated_storage_gib" {
  type = number
}

variable "kms_key_arn" {
  description = "KMS key for storage encryption."
  type        = string
}

variable "db_name" {
  type = string
}

variable "username" {
  type = string
}

variable "password" {
  description = "Master password; pass it with TF_VAR_db_password, never in a file. Terraform stores it in the state, marked sensitive."
  type        = string
  sensitive   = true
}

variable "multi_az" {
  type    = bool
  default = true
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time restore window)."
  type        = number
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "tags" {
  type    = map(string)
  default = {}
}
