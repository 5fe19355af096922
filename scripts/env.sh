# Source this file: it points JAVA_HOME at a JDK 25 and sets what the build needs.
#   . scripts/env.sh
# Looks at $JAVA_HOME, then `java` on the PATH, then the usual JVM folders. Fails with a clear message if none is 25+.

_watchpost_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

_watchpost_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/jdk-25* /usr/lib/jvm/java-25* \
                   /opt/java/*25* /opt/jdk*25* "$HOME"/.sdkman/candidates/java/25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(_watchpost_java_major "$candidate")
    case "$major" in
      ''|1.*) continue ;;
    esac
    if [ "$major" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if _watchpost_jdk=$(_watchpost_find_jdk); then
  export JAVA_HOME="$_watchpost_jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "watchpost: no JDK 25 found (looked at \$JAVA_HOME, javac on the PATH and /usr/lib/jvm)." >&2
  echo "watchpost: install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
unset _watchpost_jdk

# The CDK's jsii runtime runs on Node; Node 20 works but warns on every call without this.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1
