#!/usr/bin/env bash
# Start one Apache Kafka 4.x broker in KRaft mode (combined broker+controller) on Java 17.
# Usage: deploy/kafka/run_kafka.sh DATA_DIR PORT CONTROLLER_PORT   (or --fetch-only)
# Jars are resolved from Maven Central by deploy/kafka/pom.xml into .run/kafka-libs (cached).
# Clients log in with SASL/SCRAM-SHA-512 and are authorized by ACLs (nothing is allowed without one).
# Environment: KAFKA_BROKER_PASSWORD, the broker's own principal (User:broker, a super user, as is
# User:admin); KAFKA_SCRAM_USERS, "name=password ..." created when the storage is formatted;
# KAFKA_LISTEN_HOST and KAFKA_ADVERTISED_HOST (default 127.0.0.1) for a container (docker-compose.yml
# runs this script in the apache/kafka image, on the image's own jars: KAFKA_LIBS=/opt/kafka/libs and
# KAFKA_LIBS_PREINSTALLED=1, nothing fetched); KAFKA_TLS_DIR, when set, puts the client listener on
# SASL_SSL: a CA and the broker's certificate are made there with keytool on the first start and kept
# (clients trust $KAFKA_TLS_DIR/ca.pem).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="${KAFKA_LIBS:-$root/.run/kafka-libs}"

if [ -z "${KAFKA_LIBS_PREINSTALLED:-}" ] && [ ! -f "$libs/.complete" ]; then
  echo "fetching Apache Kafka jars from Maven Central (first run only)..." >&2
  rm -rf "$libs"
  (cd "$here" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$libs" -DincludeScope=runtime)
  # slf4j 1.x comes in transitively; the log4j2 binding needs 2.x only.
  rm -f "$libs"/slf4j-api-1.*.jar
  touch "$libs/.complete"
fi
[ "${1:-}" = "--fetch-only" ] && exit 0
data_dir="${1:?data dir}"; port="${2:-9092}"; controller_port="${3:-9093}"
broker_password="${KAFKA_BROKER_PASSWORD:?KAFKA_BROKER_PASSWORD is required (the broker principal logs in too)}"
listen_host="${KAFKA_LISTEN_HOST:-127.0.0.1}"; advertised_host="${KAFKA_ADVERTISED_HOST:-127.0.0.1}"
# Topics are created by provisioning (auto-creation is off); the default matches its KAFKA_TOPIC_PARTITIONS.
topic_partitions="${KAFKA_TOPIC_PARTITIONS:-2}"

formatted_without_users() { [ -f "$data_dir/logs/meta.properties" ] && [ ! -f "$data_dir/scram-users" ]; }
if formatted_without_users; then
  echo "Kafka storage in $data_dir was formatted before the broker required SCRAM logins, so it has no users." >&2
  echo "Remove $data_dir to format it again with users (its topics and unconsumed messages go; databases stay)." >&2
  exit 78
fi

mkdir -p "$data_dir"
props="$data_dir/server.properties"
umask 077

# A CA and a broker certificate for 127.0.0.1, localhost and the advertised host, signed by that CA.
# The stores' password is kept in a file beside them and handed to keytool as a file, not an argument.
make_certificates() {
  local dir="$1" san="ip:127.0.0.1,dns:localhost"
  [ -f "$dir/broker.p12" ] && [ -f "$dir/truststore.p12" ] && return 0
  mkdir -p "$dir"
  rm -f "$dir"/*.p12 "$dir"/*.pem "$dir"/*.csr
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/store-password"
  if [ "$advertised_host" != 127.0.0.1 ] && [ "$advertised_host" != localhost ]; then
    if [[ "$advertised_host" =~ ^[0-9.]+$ ]]; then san="$san,ip:$advertised_host"; else san="$san,dns:$advertised_host"; fi
  fi
  local store=(-storetype PKCS12 -storepass:file "$dir/store-password")
  keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=billing platform Kafka CA" \
    -ext bc:c -validity 3650 -keystore "$dir/ca.p12" "${store[@]}"
  keytool -exportcert -rfc -alias ca -keystore "$dir/ca.p12" "${store[@]}" -file "$dir/ca.pem"
  keytool -genkeypair -alias broker -keyalg EC -groupname secp256r1 -dname "CN=$advertised_host" \
    -validity 825 -keystore "$dir/broker.p12" "${store[@]}"
  keytool -certreq -alias broker -keystore "$dir/broker.p12" "${store[@]}" -file "$dir/broker.csr"
  keytool -gencert -alias ca -keystore "$dir/ca.p12" "${store[@]}" -infile "$dir/broker.csr" \
    -outfile "$dir/broker.pem" -rfc -validity 825 -ext "SAN=$san" -ext eku=serverAuth
  keytool -importcert -noprompt -alias ca -file "$dir/ca.pem" -keystore "$dir/broker.p12" "${store[@]}"
  keytool -importcert -alias broker -file "$dir/broker.pem" -keystore "$dir/broker.p12" "${store[@]}"
  keytool -importcert -noprompt -alias ca -file "$dir/ca.pem" -keystore "$dir/truststore.p12" "${store[@]}"
  chmod 644 "$dir/ca.pem"
}

listener=SASL_PLAINTEXT
tls_props=""
if [ -n "${KAFKA_TLS_DIR:-}" ]; then
  listener=SASL_SSL
  make_certificates "$KAFKA_TLS_DIR" >&2
  store_password="$(cat "$KAFKA_TLS_DIR/store-password")"
  tls_props="ssl.keystore.type=PKCS12
ssl.keystore.location=$KAFKA_TLS_DIR/broker.p12
ssl.keystore.password=$store_password
ssl.key.password=$store_password
ssl.truststore.type=PKCS12
ssl.truststore.location=$KAFKA_TLS_DIR/truststore.p12
ssl.truststore.password=$store_password"
fi
listener_lower="$(echo "$listener" | tr 'A-Z' 'a-z')"
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:${controller_port}
listeners=${listener}://${listen_host}:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=${listener}://${advertised_host}:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,${listener}:${listener}
inter.broker.listener.name=${listener}
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${broker_password}" user_broker="${broker_password}";
listener.name.${listener_lower}.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${broker_password}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:broker
log.dirs=${data_dir}/logs
num.partitions=${topic_partitions}
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
num.network.threads=2
num.io.threads=2
background.threads=2
metadata.max.idle.interval.ms=5000
PROPS
[ -z "$tls_props" ] || printf '%s\n' "$tls_props" >> "$props"

# One node on a small host: serial GC (no concurrent GC threads), and the C1 compiler only. With C2 the
# broker spent as much CPU compiling as serving requests for minutes after every start, which its
# faster code never paid back at this stack's request rates; C1's code served them for about the same.
java_cmd=(java -Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$here/log4j2.yaml" -cp "$libs/*")

# Class data sharing, off unless KAFKA_CDS_DIR names a folder: the broker's classes, parsed and verified once,
# are mapped by every later start, which roughly halves a start's CPU; but `make bench` measured the stack
# 15-20% dearer per encounter with the archive than without it (docs/BENCHMARKS.md, the broker's sections). An archive belongs to one
# Java and one jar set, so its name carries theirs. The first start without one writes it as it exits,
# under its process id; a later start tries that file in a JVM of its own before taking it, because a
# file cut short by a kill crashes the JVM that maps it.
cds_dir="${KAFKA_CDS_DIR:-}"
use_archive=(); write_archive=()
if [ -n "$cds_dir" ] && mkdir -p "$cds_dir" 2>/dev/null; then
  archive="$cds_dir/broker-$( { readlink -f "$(command -v java)"; ls -lL --time-style=+%s "$libs"; } | md5sum | cut -c1-12).jsa"
  for written in "$archive".*; do
    [ -f "$written" ] && ! kill -0 "${written##*.}" 2>/dev/null || continue  # none, or its JVM still writing
    if [ ! -f "$archive" ] && "${java_cmd[@]}" -Xshare:on -XX:ErrorFile=/dev/null "-XX:SharedArchiveFile=$written" \
        -version >/dev/null 2>&1; then
      mv -f "$written" "$archive"
    else
      rm -f "$written"
    fi
  done
  if [ -f "$archive" ]; then use_archive=("-XX:SharedArchiveFile=$archive"); else write_archive=("-XX:ArchiveClassesAtExit=$archive.$$"); fi
fi
if [ ! -f "$data_dir/logs/meta.properties" ]; then
  scram=()
  for user in ${KAFKA_SCRAM_USERS:-} "broker=$broker_password"; do
    scram+=(--add-scram "SCRAM-SHA-512=[name=${user%%=*},password=${user#*=}]")
  done
  "${java_cmd[@]}" "${use_archive[@]}" kafka.tools.StorageTool format --standalone \
    -t "$(cat "$data_dir/cluster-id" 2>/dev/null || echo 'bIllInG-pLatForm-0001w')" -c "$props" "${scram[@]}" >&2
  printf '%s\n' ${KAFKA_SCRAM_USERS:-} broker=x | sed 's/=.*//' > "$data_dir/scram-users"
fi
exec "${java_cmd[@]}" "${use_archive[@]}" "${write_archive[@]}" kafka.Kafka "$props"
