#!/usr/bin/env bash
# Time from a failed gate to verified pre-switch weights (cutover switch).
#
#   bench/switch-rollback.sh                          # fake router, INSYNC after 2s
#   bench/switch-rollback.sh --insync-delay 5s --runs 3
#   bench/switch-rollback.sh --sandbox environments/staging/sandbox --insync-delay 10s \
#       --record route53:Z0762351W6HB5YAVDQ1E/app.staging.example.org/CNAME --blue aws --green azure
#                                                     # the real Route 53 router against staging's
#                                                     # sandbox, started in the benchmark's JVM
#   bench/switch-rollback.sh --record route53:Z0762351W6HB5YAVDQ1E/app.staging.example.org/CNAME \
#       --blue aws --green azure --aws-endpoint http://127.0.0.1:8443
#                                                     # against a running 'cutover sandbox'
#
# docs/benchmarks.md records the figures and the machine.
# Builds the cli module's test classes offline, then runs dev.cutover.cli.traffic.RollbackBenchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.classpath)"
exec java -cp "$cp" dev.cutover.cli.traffic.RollbackBenchmark "$@"
