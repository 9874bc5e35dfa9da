#!/usr/bin/env bash
# Time from a failed gate to verified pre-switch weights (cutover switch).
#
#   bench/switch-rollback.sh                          # fake router, INSYNC after 2s
#   bench/switch-rollback.sh --insync-delay 5s --runs 3
#   bench/switch-rollback.sh --record route53:Z0123/www.example.com/A --blue aws --green azure \
#       --aws-endpoint http://127.0.0.1:8443          # a real router against the sandbox
#
# Builds the cli module's test classes offline, then runs dev.cutover.cli.traffic.RollbackBenchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.classpath)"
exec java -cp "$cp" dev.cutover.cli.traffic.RollbackBenchmark "$@"
