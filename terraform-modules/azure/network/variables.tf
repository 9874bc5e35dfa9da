variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "address_space" {
  type = list(string)
}

variable "subnets" {
  description = "Subnets by name: one address prefix, and the service a subnet is delegated to (null for none)."
  type = map(object({
    address_prefix = string
    delegation     = optional(string)
  }))
}

variable "tags" {
  type    = map(string)
  default = {}
}
