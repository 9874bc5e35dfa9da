#!/usr/bin/env bash
# Memory and time of 'cutover state' on a large Terraform state: the reader streams one resource
# instance at a time, so the heap needed follows what is kept (the supported resources), not the
# size of the file.
#
#   bench/large-state.sh                     # ~100 MB state, 1 in 10 instances a supported type
#   bench/large-state.sh --mb 200 --supported-every 5 --heap 128m
#
# Writes the state under target/bench/, then runs the built jar (mvn -B -q -DskipTests package)
# under /usr/bin/time with a heap smaller than the file, and prints size, wall time and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=100 every=10 heap=64m
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --supported-every) every=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    *) echo "usage: $0 [--mb N] [--supported-every N] [--heap SIZE]" >&2; exit 1 ;;
  esac
done
[ -f cli/target/cutover.jar ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
mkdir -p target/bench
state=target/bench/large-${mb}mb.tfstate

# One instance is about 1 kB: an aws_security_group with two inline rules (supported) or an
# aws_instance of the same size (counted, then skipped unparsed).
awk -v mb="$mb" -v every="$every" 'BEGIN {
  n = int(mb * 1024 * 1024 / 975)
  printf "{\"version\": 4, \"terraform_version\": \"1.9.8\", \"serial\": 1, \"lineage\": \"bench\", \"outputs\": {}, \"resources\": [\n"
  for (i = 0; i < n; i++) {
    if (i > 0) printf ",\n"
    if (i % every == 0) {
      printf "{\"mode\": \"managed\", \"type\": \"aws_security_group\", \"name\": \"sg%d\", \"provider\": \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [{\"schema_version\": 1, \"attributes\": {\"arn\": \"arn:aws:ec2:us-east-1:111122223333:security-group/sg-%017x\", \"description\": \"bench\", \"id\": \"sg-%017x\", \"name\": \"sg%d\", \"vpc_id\": \"vpc-0b3f6c2d9e8a71f45\", \"tags\": {\"Name\": \"sg%d\"}, \"ingress\": [{\"cidr_blocks\": [\"10.%d.%d.0/24\"], \"description\": \"\", \"from_port\": 443, \"ipv6_cidr_blocks\": [], \"prefix_list_ids\": [], \"protocol\": \"tcp\", \"security_groups\": [], \"self\": false, \"to_port\": 443}], \"egress\": [{\"cidr_blocks\": [\"0.0.0.0/0\"], \"description\": \"\", \"from_port\": 0, \"ipv6_cidr_blocks\": [], \"prefix_list_ids\": [], \"protocol\": \"-1\", \"security_groups\": [], \"self\": false, \"to_port\": 0}]}, \"sensitive_attributes\": []}]}", i, i, i, i, i, int(i / 256) % 256, i % 256
    } else {
      printf "{\"mode\": \"managed\", \"type\": \"aws_instance\", \"name\": \"vm%d\", \"provider\": \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [{\"schema_version\": 1, \"attributes\": {\"ami\": \"ami-0abcdef1234567890\", \"arn\": \"arn:aws:ec2:us-east-1:111122223333:instance/i-%017x\", \"id\": \"i-%017x\", \"instance_type\": \"m6i.large\", \"private_ip\": \"10.20.%d.%d\", \"subnet_id\": \"subnet-0a1b2c3d4e5f60718\", \"tags\": {\"Name\": \"vm%d\", \"team\": \"payments\", \"env\": \"bench\"}, \"root_block_device\": [{\"delete_on_termination\": true, \"encrypted\": true, \"iops\": 3000, \"throughput\": 125, \"volume_size\": 50, \"volume_type\": \"gp3\"}], \"user_data\": \"%0300d\"}, \"sensitive_attributes\": []}]}", i, i, i, int(i / 256) % 256, i % 256, i, i
    }
  }
  printf "\n]}\n"
}' > "$state"

size=$(du -m "$state" | cut -f1)
echo "state: $state (${size} MB, 1 in $every instances an aws_security_group)"
echo "run:   java -Xmx$heap -jar cli/target/cutover.jar state --state $state --format json --quiet"
/usr/bin/time -f "wall %e s, peak RSS %M kB, exit %x" \
  java -Xmx"$heap" -jar cli/target/cutover.jar state --state "$state" --format json --quiet \
  | grep -c '"kind" : "firewall"\|"kind": "firewall"' | sed 's/^/firewall resources in output: /'
