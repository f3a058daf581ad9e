#!/usr/bin/env bash
# Install and start what the real-server tests need on Debian 12; safe to run again.
#
#   sudo scripts/install-test-deps.sh
#
# - installs whichever of dovecot-imapd, dovecot-lmtpd, redis-server, postgresql, openssl, chromium is
#   missing (apt-get update only when something is missing);
# - never starts the system Dovecot (or Redis) service: the tests run private instances on
#   free loopback ports (tests/harness);
# - makes sure PostgreSQL runs on 127.0.0.1:5432 and lets user postgres in without a password
#   from 127.0.0.1 (trust), which the harness uses to create one database per test.
set -euo pipefail

# libgl1 and libglib2.0-0: OpenCV (pulled in by rapidocr_onnxruntime) links them; the tesseract
# packages are the other engine of benchmarks/cards_bench.py; DejaVu draws the tests' cards.
PACKAGES=(dovecot-imapd dovecot-lmtpd redis-server postgresql openssl chromium libgl1 libglib2.0-0
          tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa
          fonts-dejavu-core)
APT_OPTS=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=600)

log() { printf 'install-test-deps: %s\n' "$*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then exec sudo -E "$0" "$@"; fi
    log "must run as root"; exit 1
fi

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing_packages() {
    local pkg
    for pkg in "${PACKAGES[@]}"; do
        installed "$pkg" || printf '%s\n' "$pkg"
    done
}

# Installing a daemon normally starts its system service; a temporary policy-rc.d (exit 101,
# "action forbidden") stops that, unless the machine already has its own policy.
install_without_starting_services() {
    local policy=/usr/sbin/policy-rc.d status=0
    if [[ -e $policy ]]; then
        apt_install "$@"
        return
    fi
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    apt_install "$@" || status=$?
    rm -f "$policy"
    trap - EXIT
    return "$status"
}

apt_install() {
    log "apt-get update"
    apt-get update -q -o DPkg::Lock::Timeout=600
    log "installing: $*"
    DEBIAN_FRONTEND=noninteractive apt-get install "${APT_OPTS[@]}" "$@"
}

pg_version() {
    ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1
}

ensure_cluster() {
    local version
    version=$(pg_version)
    if [[ -z $version ]]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        log "creating PostgreSQL $version cluster main"
        pg_createcluster "$version" main
    fi
}

pg_answers() {
    psql -h 127.0.0.1 -p 5432 -U postgres -w -d postgres -tAc 'select 1' >/dev/null 2>&1
}

start_postgres() {
    if pg_isready -q -h 127.0.0.1 -p 5432; then return; fi
    log "starting PostgreSQL $(pg_version)"
    pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start
    for _ in $(seq 50); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 0.2; done
    log "PostgreSQL did not become ready"; exit 1
}

# A stock Debian cluster asks for a password on 127.0.0.1; tests connect as postgres without
# one, so add a trust line for exactly that user and address, first (pg_hba is first-match).
ensure_trust_for_postgres() {
    if pg_answers; then return; fi
    local hba="/etc/postgresql/$(pg_version)/main/pg_hba.conf"
    log "adding 'host all postgres 127.0.0.1/32 trust' to $hba"
    sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main reload
    sleep 0.5
    pg_answers || { log "cannot connect to PostgreSQL as postgres on 127.0.0.1"; exit 1; }
}

main() {
    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]})); then
        install_without_starting_services "${missing[@]}"
    else
        log "packages already installed"
    fi
    ensure_cluster
    start_postgres
    ensure_trust_for_postgres
    log "ready: $(dovecot --version | cut -d' ' -f1) dovecot, $(redis-server --version | cut -d' ' -f3),"\
" PostgreSQL $(pg_version) on 127.0.0.1:5432"
}

main "$@"
