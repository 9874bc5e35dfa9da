# A weighted record set: one record per SetIdentifier, each with its own health check.
#
# The weights belong to `cutover switch` once a cutover starts: Terraform creates the records with
# the initial weights and then ignores weight changes, so `terraform apply` never undoes a step of
# the switch (and the switch never fights Terraform).

resource "aws_route53_health_check" "this" {
  for_each = var.members

  type              = "HTTPS"
  fqdn              = each.value.health_check_fqdn
  port              = 443
  resource_path     = var.health_check_path
  request_interval  = 30
  failure_threshold = 3
  measure_latency   = false

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_route53_record" "this" {
  for_each = var.members

  zone_id = var.zone_id
  name    = var.name
  type    = var.type
  ttl     = var.ttl
  records = each.value.records

  set_identifier  = each.key
  health_check_id = aws_route53_health_check.this[each.key].id

  weighted_routing_policy {
    weight = each.value.initial_weight
  }

  lifecycle {
    ignore_changes = [weighted_routing_policy]
  }
}
