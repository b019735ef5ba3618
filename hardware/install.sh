#!/bin/sh
# Installs the appliance around the code in /opt/fareader (this checkout, after `npm ci`): the
# service users, /etc/fareader and /var/lib/fareader with their modes, a default readerd.json,
# the device key, the systemd units, the udev rules, the voice prompts, and (on request) the
# Mosquitto snippet. Every step checks first, so a second run changes nothing and says so.
# DESTDIR (or --destdir) installs into a scratch root: users go to a sysusers.d file there.
set -eu

usage() {
  cat <<'EOF'
Usage: hardware/install.sh [--destdir DIR] [--dry-run] [--json] [--device-id ID]
                           [--with-mosquitto] [--no-voice] [--uninstall [--purge]]

  --destdir DIR      install into DIR as a scratch root (also: DESTDIR=DIR in the environment)
  --dry-run          say what would be done, change nothing
  --json             one JSON object per action on stdout instead of text lines
  --device-id ID     deviceId written into a new /etc/fareader/readerd.json (default reader-01)
  --with-mosquitto   also install /etc/mosquitto/conf.d/fareader.conf (a broker on this host)
  --no-voice         do not render the voice prompts now (readerd renders them at first start)
  --uninstall        remove the units, rules, sysusers file and an unchanged default config;
                     the keys, the trust store and /var/lib/fareader stay
  --purge            with --uninstall: also remove /etc/fareader and /var/lib/fareader

Exit codes: 0 ok, 1 a step failed, 2 usage.
EOF
}

SRC=$(cd "$(dirname "$0")/.." && pwd)
DESTDIR=${DESTDIR:-}
DRY=0 JSON=0 UNINSTALL=0 PURGE=0 MOSQUITTO=0 VOICE=1 DEVICE_ID=reader-01
while [ $# -gt 0 ]; do
  case "$1" in
    --destdir) [ $# -ge 2 ] || { usage >&2; exit 2; }; DESTDIR=$2; shift ;;
    --destdir=*) DESTDIR=${1#*=} ;;
    --dry-run) DRY=1 ;;
    --json) JSON=1 ;;
    --device-id) [ $# -ge 2 ] || { usage >&2; exit 2; }; DEVICE_ID=$2; shift ;;
    --with-mosquitto) MOSQUITTO=1 ;;
    --no-voice) VOICE=0 ;;
    --uninstall) UNINSTALL=1 ;;
    --purge) PURGE=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "$PURGE" = 0 ] || [ "$UNINSTALL" = 1 ] || { echo "install.sh: --purge goes with --uninstall" >&2; exit 2; }
case "$DEVICE_ID" in
  ''|[!A-Za-z0-9]*|*[!A-Za-z0-9._-]*) echo "install.sh: --device-id: A-Z a-z 0-9 . _ -, starting with a letter or digit" >&2; exit 2 ;;
esac
DESTDIR=${DESTDIR%/}
NODE=${NODE:-node}
READERCTL="$SRC/bin/readerctl.mjs"

USER_NAME=fareader
ETC=/etc/fareader
KEYS=$ETC/keys
TRUST=$ETC/trust
CONFIG=$ETC/readerd.json
DATA=/var/lib/fareader
KEY=$KEYS/device.key
SYSUSERS=/usr/lib/sysusers.d/fareader.conf
UNITDIR=/usr/lib/systemd/system
RULESDIR=/usr/lib/udev/rules.d
MOSQ=/etc/mosquitto/conf.d/fareader.conf

CHANGES=0
# One line (or JSON object) per action. $1 = what happened, $2 = the path in the target root.
say() {
  case "$1" in unchanged*|kept*|skipped*) ;; *) CHANGES=$((CHANGES + 1)) ;; esac
  what=$1
  if [ "$DRY" = 1 ]; then
    case "$1" in
      created) what="would create" ;; installed) what="would install" ;; updated) what="would update" ;;
      fixed) what="would fix" ;; removed) what="would remove" ;; purged) what="would purge" ;;
      rendered) what="would render" ;; recorded) what="would record" ;;
    esac
  fi
  if [ "$JSON" = 1 ]; then
    printf '{"action":"%s","path":"%s","detail":"%s"}\n' "$(esc "$what")" "$(esc "$2")" "$(esc "${3:-}")"
  else
    printf '%-10s %s%s\n' "$what" "$2" "${3:+  ($3)}"
  fi
}
esc() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
run() { [ "$DRY" = 1 ] || "$@"; }
fail() { echo "install.sh: $*" >&2; exit 1; }

# The owner to set: by name on a real root, by the scratch root's own ids in a DESTDIR (its
# passwd is what systemd-sysusers --root wrote); empty when it cannot be resolved there.
owner_ids() {
  if [ -z "$DESTDIR" ]; then
    id -u "$1" >/dev/null 2>&1 && echo "$(id -u "$1"):$(id -g "$1")"
  elif [ -f "$DESTDIR/etc/passwd" ]; then
    awk -F: -v u="$1" '$1 == u { print $3 ":" $4 }' "$DESTDIR/etc/passwd"
  fi
  return 0
}

# ensure_dir PATH MODE OWNER: OWNER is "fareader" (its user and group) or "root:fareader".
ensure_dir() {
  t="$DESTDIR$1" want_owner=$(owner_ids "$USER_NAME")
  [ "$3" = "$USER_NAME" ] || [ -z "$want_owner" ] || want_owner="0:${want_owner#*:}"
  if [ -d "$t" ] && [ "$(stat -c %a "$t")" = "${2#0}" ] &&
    { [ -z "$want_owner" ] || [ "$(stat -c %u:%g "$t")" = "$want_owner" ]; }; then
    say unchanged "$1" "mode $2, owner $3"
    return
  fi
  verb=created
  [ ! -d "$t" ] || verb=fixed
  run mkdir -p "$t"
  run chmod "$2" "$t"
  if [ -n "$want_owner" ]; then run chown "$want_owner" "$t"; say "$verb" "$1" "mode $2, owner $3"
  else say "$verb" "$1" "mode $2, owner $3 recorded, not set: no such user in the target"; fi
}

# ensure_file SOURCE PATH MODE: the target holds exactly the source.
ensure_file() {
  t="$DESTDIR$2"
  if [ -f "$t" ] && cmp -s "$1" "$t" && [ "$(stat -c %a "$t")" = "${3#0}" ]; then
    say unchanged "$2"
    return
  fi
  verb=installed
  [ ! -e "$t" ] || verb=updated
  run install -D -m "$3" "$1" "$t"
  say "$verb" "$2" "mode $3"
}

# remove_file SOURCE PATH: only what we installed and nobody changed.
remove_file() {
  t="$DESTDIR$2"
  if [ ! -e "$t" ]; then say unchanged "$2" "absent"; return; fi
  if [ -n "$1" ] && ! cmp -s "$1" "$t"; then say kept "$2" "changed locally"; return; fi
  run rm -f "$t"
  say removed "$2"
}

sysusers_text() {
  cat <<'EOF'
# Service users of the face-authentication card reader (hardware/install.sh).
# readerd runs as fareader (fareader-readerd.service); the kiosk browser as fareader-kiosk.
u fareader - "Face-authentication card reader (readerd)" /var/lib/fareader /usr/sbin/nologin
u fareader-kiosk - "Face-authentication card reader kiosk screen" /var/lib/fareader-kiosk /usr/sbin/nologin
EOF
}

# The default configuration: a link-only reader on the embedded broker until a board, the
# site broker and the trusted terminals are filled in (README "Configuration (readerd)").
config_text() {
  cat <<EOF
{
  "deviceId": "$DEVICE_ID",
  "dataDir": "$DATA",
  "keys": { "deviceKey": "$KEY", "trustedTerminalsDir": "$TRUST" },
  "broker": { "url": "embedded" },
  "log": { "level": "info", "format": "json" }
}
EOF
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
sysusers_text >"$TMP/sysusers.conf"
config_text >"$TMP/readerd.json"

user_exists() {
  if [ -z "$DESTDIR" ]; then id -u "$1" >/dev/null 2>&1
  else [ -f "$DESTDIR/etc/passwd" ] && grep -q "^$1:" "$DESTDIR/etc/passwd"; fi
}

install_users() {
  ensure_file "$TMP/sysusers.conf" "$SYSUSERS" 0644
  absent=
  for u in fareader fareader-kiosk; do
    if user_exists "$u"; then say unchanged "user $u"; else absent="$absent $u"; fi
  done
  [ -n "$absent" ] || return 0
  if command -v systemd-sysusers >/dev/null 2>&1; then
    how=systemd-sysusers
    if [ "$DRY" = 0 ]; then
      # sysusers writes the scratch root's passwd and group (and locks them under its etc/).
      if [ -n "$DESTDIR" ]; then mkdir -p "$DESTDIR/etc"; set -- --root "$DESTDIR" fareader.conf
      else set -- "$SYSUSERS"; fi
      systemd-sysusers "$@" >/dev/null 2>"$TMP/err" || fail "systemd-sysusers: $(cat "$TMP/err")"
    fi
  elif [ -z "$DESTDIR" ]; then
    how=useradd
    for u in $absent; do run useradd --system --user-group --home-dir "/var/lib/$u" --shell /usr/sbin/nologin "$u"; done
  else
    for u in $absent; do say recorded "user $u" "in $SYSUSERS; created on the target's first boot"; done
    return 0
  fi
  for u in $absent; do say created "user $u" "$how"; done
}

install_key() {
  t="$DESTDIR$KEY" ids=$(owner_ids "$USER_NAME")
  if [ -e "$t" ]; then
    # The key is never replaced (the terminals trust it), but a key others can read is
    # tightened: readerd refuses a private key with group or other bits set.
    fix=""
    if [ -n "$ids" ] && [ "$(stat -c %u:%g "$t")" != "$ids" ]; then run chown "$ids" "$t"; fix="owner $USER_NAME"; fi
    if [ "$(( 0$(stat -c %a "$t") & 077 ))" != 0 ]; then run chmod 600 "$t"; fix="${fix:+$fix, }mode 0600"; fi
    if [ -z "$fix" ]; then say kept "$KEY" "exists; never replaced"
    else say fixed "$KEY" "$fix; the key itself kept"; fi
    return
  fi
  # readerctl writes the key with mode 0600 from the first byte and prints only its public id.
  run "$NODE" "$READERCTL" keys create --role device --out "$t" >/dev/null
  [ -z "$ids" ] || run chown "$ids" "$t" "$t.pub.pem"
  say created "$KEY" "Ed25519, mode 0600, owner $USER_NAME, public key in $KEY.pub.pem"
}

install_voice() {
  if [ "$VOICE" = 0 ]; then say skipped "$DATA/voice" "--no-voice; readerd renders at first start"; return; fi
  if ! command -v espeak-ng >/dev/null 2>&1; then
    say skipped "$DATA/voice" "espeak-ng not installed; readerd renders at first start"; return
  fi
  if ! "$NODE" "$READERCTL" voice --help >/dev/null 2>&1; then
    say skipped "$DATA/voice" "this readerctl has no voice command"; return
  fi
  if [ "$DRY" = 1 ]; then say rendered "$DATA/voice" "what is rendered already is kept"; return; fi
  out=$("$NODE" "$READERCTL" voice prepare --data "$DESTDIR$DATA" --json) || fail "readerctl voice prepare failed"
  n=$(printf '%s' "$out" | sed -n 's/.*"rendered":\([0-9]*\).*/\1/p')
  ids=$(owner_ids "$USER_NAME")
  [ -z "$ids" ] || chown -R "$ids" "$DESTDIR$DATA/voice"
  if [ "${n:-0}" = 0 ]; then say unchanged "$DATA/voice" "every prompt rendered"
  else say rendered "$DATA/voice" "$n voice prompts"; fi
}

do_install() {
  [ -f "$READERCTL" ] || fail "no $READERCTL: run from the code checkout"
  if [ -z "$DESTDIR" ] && [ "$SRC" != /opt/fareader ] && [ ! -e /opt/fareader ]; then
    echo "install.sh: note: the unit runs /opt/fareader/bin/readerd.mjs; this checkout is $SRC" >&2
  fi
  install_users
  # readerd reads /etc/fareader through its group; the folders below are its user's alone.
  ensure_dir "$ETC" 0750 "root:$USER_NAME"
  ensure_dir "$KEYS" 0700 "$USER_NAME"
  ensure_dir "$TRUST" 0750 "$USER_NAME"
  ensure_dir "$DATA" 0700 "$USER_NAME"
  if [ -e "$DESTDIR$CONFIG" ]; then say kept "$CONFIG" "exists; never overwritten"
  else
    run install -m 0640 "$TMP/readerd.json" "$DESTDIR$CONFIG"
    ids=$(owner_ids "$USER_NAME")
    [ -z "$ids" ] || run chown "0:${ids#*:}" "$DESTDIR$CONFIG"
    say created "$CONFIG" "deviceId $DEVICE_ID, mode 0640, group $USER_NAME"
  fi
  install_key
  for f in "$SRC"/hardware/systemd/*.service; do ensure_file "$f" "$UNITDIR/$(basename "$f")" 0644; done
  for f in "$SRC"/hardware/udev/*.rules; do ensure_file "$f" "$RULESDIR/$(basename "$f")" 0644; done
  if [ "$MOSQUITTO" = 1 ]; then ensure_file "$SRC/hardware/mosquitto/fareader.conf" "$MOSQ" 0644
  else say skipped "$MOSQ" "no --with-mosquitto"; fi
  install_voice
  if [ -z "$DESTDIR" ] && [ "$CHANGES" -gt 0 ] && [ "$DRY" = 0 ]; then
    [ ! -d /run/systemd/system ] || systemctl daemon-reload
    ! command -v udevadm >/dev/null 2>&1 || udevadm control --reload 2>/dev/null || true
  fi
}

do_uninstall() {
  if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ] && [ "$DRY" = 0 ]; then
    for f in "$SRC"/hardware/systemd/*.service; do systemctl disable --now "$(basename "$f")" 2>/dev/null || true; done
  fi
  for f in "$SRC"/hardware/systemd/*.service; do remove_file "$f" "$UNITDIR/$(basename "$f")"; done
  for f in "$SRC"/hardware/udev/*.rules; do remove_file "$f" "$RULESDIR/$(basename "$f")"; done
  remove_file "$SRC/hardware/mosquitto/fareader.conf" "$MOSQ"
  remove_file "$TMP/sysusers.conf" "$SYSUSERS"
  say kept "user fareader" "system users are never removed"
  if [ "$PURGE" = 1 ]; then
    for d in "$ETC" "$DATA"; do
      if [ -e "$DESTDIR$d" ]; then run rm -rf "$DESTDIR$d"; say purged "$d"
      else say unchanged "$d" "absent"; fi
    done
    return
  fi
  # The configuration goes only if it is still the default this script wrote.
  remove_file "$TMP/readerd.json" "$CONFIG"
  for p in "$KEY" "$TRUST" "$DATA"; do [ ! -e "$DESTDIR$p" ] || say kept "$p" "keys and data stay unless --purge"; done
}

if [ "$UNINSTALL" = 1 ]; then do_uninstall; else do_install; fi
if [ "$CHANGES" = 0 ]; then
  if [ "$JSON" = 1 ]; then printf '{"action":"nothing to do","path":"","detail":""}\n'
  elif [ "$UNINSTALL" = 1 ]; then echo "nothing to do: already uninstalled"
  else echo "nothing to do: already installed"; fi
fi
