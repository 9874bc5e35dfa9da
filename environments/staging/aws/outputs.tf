output "vpc_id" {
  value = module.network.vpc_id
}

output "alb_dns_name" {
  value = module.alb.dns_name
}

output "database_endpoint" {
  value = module.database.endpoint
}

output "switch_record" {
  description = "The weighted record set as `cutover switch --record` names it."
  value       = module.app_dns.switch_record
}
