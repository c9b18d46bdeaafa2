#!/bin/sh
# docker-compose.yml's Kafka: formats the KRaft log directory on the first start with the SCRAM users
# of every principal (KRaft reads SCRAM credentials from its metadata, so they are bootstrapped at
# format time), then runs the broker. Its files come from scripts/generate-secrets.mjs.
set -eu
set -f
dir=/etc/vetting/kafka
# One argument per line in format-args (passwords never go through word splitting or globbing).
IFS='
'
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$(cat "$dir/cluster.id")" -c "$dir/server.properties" $(cat "$dir/format-args")
exec /opt/kafka/bin/kafka-server-start.sh "$dir/server.properties"
