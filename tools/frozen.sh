#!/usr/bin/env bash
# Builds the bot once and copies its jar aside, then prints a launcher for that copy: scores taken
# with it (CONFBOT_BIN=$(tools/frozen.sh) tools/dev_eval.sh) stay those of one build while the
# sources change.
set -euo pipefail
cd "$(dirname "$0")/.."
./confbot ask "ping" >/dev/null 2>&1 || true
dir=$(mktemp -d /tmp/confbot-frozen.XXXX)
cp adapters/cli/target/confbot.jar "$dir/"
cat > "$dir/confbot" <<LAUNCH
#!/usr/bin/env bash
exec java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -jar "$dir/confbot.jar" "\$@"
LAUNCH
chmod +x "$dir/confbot"
echo "$dir/confbot"
