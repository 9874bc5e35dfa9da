variable "name" {
  description = "Name tag of the VPC."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's IPv4 range, e.g. 10.20.0.0/16."
  type        = string
}

variable "subnets" {
  description = "Subnets by name: IPv4 range, availability zone, and whether the public route table (internet gateway) applies."
  type = map(object({
    cidr_block        = string
    availability_zone = string
    public            = bool
  }))
}

variable "tags" {
  description = "Tags for every resource (the provider's default_tags come on top)."
  type        = map(string)
  default     = {}
}
