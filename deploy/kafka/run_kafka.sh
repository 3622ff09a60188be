#!/usr/bin/env bash
# Start one Apache Kafka 4.x broker in KRaft mode (combined broker+controller) on Java 17.
# Usage: deploy/kafka/run_kafka.sh DATA_DIR PORT CONTROLLER_PORT   (or --fetch-only)
# Jars are resolved from Maven Central by deploy/kafka/pom.xml into .run/kafka-libs (cached).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="${KAFKA_LIBS:-$root/.run/kafka-libs}"

if [ ! -f "$libs/.complete" ]; then
  echo "fetching Apache Kafka jars from Maven Central (first run only)..." >&2
  rm -rf "$libs"
  (cd "$here" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$libs" -DincludeScope=runtime)
  # slf4j 1.x comes in transitively; the log4j2 binding needs 2.x only.
  rm -f "$libs"/slf4j-api-1.*.jar
  touch "$libs/.complete"
fi
[ "${1:-}" = "--fetch-only" ] && exit 0
data_dir="${1:?data dir}"; port="${2:-9092}"; controller_port="${3:-9093}"

mkdir -p "$data_dir"
props="$data_dir/server.properties"
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:${controller_port}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=${data_dir}/logs
num.partitions=6
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
PROPS

java_cmd=(java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$here/log4j2.yaml" -cp "$libs/*")
if [ ! -f "$data_dir/logs/meta.properties" ]; then
  "${java_cmd[@]}" kafka.tools.StorageTool format --standalone \
    -t "$(cat "$data_dir/cluster-id" 2>/dev/null || echo 'bIllInG-pLatForm-0001w')" -c "$props" >&2
fi
exec "${java_cmd[@]}" kafka.Kafka "$props"
