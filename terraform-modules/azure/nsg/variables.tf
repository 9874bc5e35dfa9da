variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "rules" {
  description = "Security rules; priority 100-4096, lower wins. Source prefixes: a CIDR, *, or a service tag (Internet, VirtualNetwork)."
  type = list(object({
    name                   = string
    description            = string
    priority               = number
    direction              = string
    access                 = string
    protocol               = string
    destination_port_range = string
    source_address_prefix  = string
  }))
}

variable "subnet_ids" {
  description = "Subnets to associate the NSG with, by name."
  type        = map(string)
  default     = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
