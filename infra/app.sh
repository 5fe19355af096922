#!/bin/sh
# Starts the CDK app for `cdk synth`/`cdk deploy` (see cdk.json) with the classpath Maven wrote at package time, so
# it needs neither network nor a Maven run. Uses $JAVA_HOME/bin/java when JAVA_HOME is set: the app needs Java 25.
set -eu
here=$(dirname "$0")
if [ ! -d "$here/target/classes" ] || [ ! -f "$here/target/classpath.txt" ]; then
  echo "infra is not built: run 'mvn -o -q package -DskipTests' in the repository root first" >&2
  exit 1
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.watchpost.infra.WatchpostApp
