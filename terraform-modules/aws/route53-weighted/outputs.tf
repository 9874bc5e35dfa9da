output "record_ids" {
  value = { for id, record in aws_route53_record.this : id => record.id }
}

output "switch_record" {
  description = "The record set as `cutover switch --record` names it."
  value       = "route53:${var.zone_id}/${var.name}/${var.type}"
}
