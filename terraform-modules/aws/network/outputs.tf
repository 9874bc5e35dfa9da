output "vpc_id" {
  value = aws_vpc.this.id
}

output "cidr_block" {
  value = aws_vpc.this.cidr_block
}

output "subnet_ids" {
  description = "Subnet ids by name."
  value       = { for name, subnet in aws_subnet.this : name => subnet.id }
}
