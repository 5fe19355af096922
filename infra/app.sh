#!/bin/sh
# Starts the CDK app for `cdk synth`/`cdk deploy` (see cdk.json) with the classpath Maven wrote at package time, so
# it needs neither network nor a Maven run. The JDK is $JAVA_HOME when it is 25 or newer, else the one
# scripts/env.sh finds: the app is compiled for Java 25.
set -eu
here=$(dirname "$0")
if [ ! -d "$here/target/classes" ] || [ ! -f "$here/target/classpath.txt" ]; then
  echo "infra is not built: run '. scripts/env.sh && mvn -B -q -DskipTests package' in the repository root first" >&2
  exit 1
fi
. "$here/../scripts/env.sh"
exec "$JAVA_HOME/bin/java" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.watchpost.infra.WatchpostApp
