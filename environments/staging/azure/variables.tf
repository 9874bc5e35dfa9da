variable "subscription_id" {
  type    = string
  default = "6f1c2e3d-4b5a-4c9d-8e7f-0a1b2c3d4e5f"
}

variable "certificate_secret_id" {
  description = "Key Vault secret holding the certificate for app.staging.example.org."
  type        = string
  default     = "https://kv-staging-edge.vault.azure.net/secrets/staging-example-org"
}

variable "db_password" {
  description = "Database administrator password: export TF_VAR_db_password before plan/apply."
  type        = string
  sensitive   = true
}

variable "aws_alb_dns_name" {
  description = "DNS name of the AWS ALB (the blue endpoint of the Traffic Manager profile)."
  type        = string
  default     = "staging-web-1187623499.us-east-1.elb.amazonaws.com"
}
