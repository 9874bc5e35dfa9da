variable "region" {
  type    = string
  default = "us-east-1"
}

variable "certificate_arn" {
  description = "ACM certificate for app.staging.example.org."
  type        = string
  default     = "arn:aws:acm:us-east-1:111122223333:certificate/3f6b2d1e-7c4a-4e8b-9a1d-5c2e8f0b7a63"
}

variable "kms_key_arn" {
  description = "KMS key encrypting the database storage."
  type        = string
  default     = "arn:aws:kms:us-east-1:111122223333:key/6a1f3c5e-8b2d-4f7a-9c0e-2d4b6f8a1c3e"
}

variable "db_password" {
  description = "Database master password: export TF_VAR_db_password before plan/apply."
  type        = string
  sensitive   = true
}

variable "azure_app_fqdn" {
  description = "Public name of the Azure application gateway (the green member of the weighted record)."
  type        = string
  default     = "agw-staging-web.eastus.cloudapp.azure.com"
}
