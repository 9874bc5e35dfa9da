# Staging on AWS (the source, "blue"): the shop's VPC, its application security group, the
# internet-facing ALB, the PostgreSQL database and the weighted DNS record that cutover moves.

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      env        = "staging"
      managed-by = "terraform"
    }
  }
}

locals {
  tags = { app = "shop" }
}

module "network" {
  source = "../../../terraform-modules/aws/network"

  name       = "staging"
  cidr_block = "10.20.0.0/16"
  subnets = {
    staging-web-a  = { cidr_block = "10.20.1.0/24", availability_zone = "us-east-1a", public = true }
    staging-web-b  = { cidr_block = "10.20.2.0/24", availability_zone = "us-east-1b", public = true }
    staging-data-a = { cidr_block = "10.20.11.0/24", availability_zone = "us-east-1a", public = false }
    staging-data-b = { cidr_block = "10.20.12.0/24", availability_zone = "us-east-1b", public = false }
  }
  tags = local.tags
}

module "app_security_group" {
  source = "../../../terraform-modules/aws/security-group"

  name        = "staging-app"
  description = "staging shop: load balancer, application and database"
  vpc_id      = module.network.vpc_id
  ingress = [
    { description = "HTTPS from anywhere", protocol = "tcp", from_port = 443, to_port = 443, cidr_blocks = ["0.0.0.0/0"] },
    { description = "HTTP from anywhere (redirected to HTTPS)", protocol = "tcp", from_port = 80, to_port = 80, cidr_blocks = ["0.0.0.0/0"] },
    { description = "application port from the VPC", protocol = "tcp", from_port = 8080, to_port = 8080, cidr_blocks = [module.network.cidr_block] },
    { description = "PostgreSQL from the VPC", protocol = "tcp", from_port = 5432, to_port = 5432, cidr_blocks = [module.network.cidr_block] },
  ]
  egress = [
    { description = "all outbound", protocol = "-1", from_port = 0, to_port = 0, cidr_blocks = ["0.0.0.0/0"] },
  ]
  tags = local.tags
}

module "alb" {
  source = "../../../terraform-modules/aws/alb"

  name               = "staging-web"
  vpc_id             = module.network.vpc_id
  subnet_ids         = [module.network.subnet_ids["staging-web-a"], module.network.subnet_ids["staging-web-b"]]
  security_group_ids = [module.app_security_group.id]
  certificate_arn    = var.certificate_arn
  target_group_name  = "staging-app"
  target_port        = 8080
  health_check_path  = "/health"
  tags               = local.tags
}

module "database" {
  source = "../../../terraform-modules/aws/rds-postgres"

  identifier            = "staging-db"
  engine_version        = "16.4"
  instance_class        = "db.m6g.large"
  allocated_storage_gib = 128
  kms_key_arn           = var.kms_key_arn
  db_name               = "shop"
  username              = "shop_admin"
  password              = var.db_password
  backup_retention_days = 14
  subnet_ids            = [module.network.subnet_ids["staging-data-a"], module.network.subnet_ids["staging-data-b"]]
  security_group_ids    = [module.app_security_group.id]
  tags                  = local.tags
}

data "aws_route53_zone" "staging" {
  name = "staging.example.org"
}

module "app_dns" {
  source = "../../../terraform-modules/aws/route53-weighted"

  zone_id = data.aws_route53_zone.staging.zone_id
  name    = "app.staging.example.org"
  ttl     = 60
  members = {
    aws   = { records = [module.alb.dns_name], initial_weight = 100, health_check_fqdn = module.alb.dns_name }
    azure = { records = [var.azure_app_fqdn], initial_weight = 0, health_check_fqdn = var.azure_app_fqdn }
  }
  tags = local.tags
}
