variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "At least two subnets in different availability zones."
  type        = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate of the HTTPS listener."
  type        = string
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "idle_timeout" {
  description = "Connection idle timeout in seconds."
  type        = number
  default     = 60
}

variable "deletion_protection" {
  type    = bool
  default = false
}

variable "target_group_name" {
  type = string
}

variable "target_port" {
  description = "Port the application listens on."
  type        = number
}

variable "health_check_path" {
  type = string
}

variable "health_check_interval" {
  description = "Seconds between health checks."
  type        = number
  default     = 15
}

variable "tags" {
  type    = map(string)
  default = {}
}
