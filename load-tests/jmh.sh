#!/usr/bin/env bash
# Micro-benchmarks (JMH): load-tests/jmh.sh [JMH options, e.g. BestAvailable -f 1]
# Builds the modules, then runs the benchmarks of load-tests/src/test/java/io/boxoffice/loadtest/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install -pl load-tests -am
./mvnw -q -pl load-tests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "load-tests/target/test-classes:load-tests/target/classes:$(cat load-tests/target/test-classpath.txt)" \
    org.openjdk.jmh.Main "${@:-io.boxoffice.loadtest.bench}"
