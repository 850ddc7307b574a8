#!/usr/bin/env bash
# The E2E tests drive Debian's Chromium through playwright-core. Install it when missing; never
# download a browser build of playwright's own (this machine reaches only npm and Debian).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "Chromium not found: installing Debian's chromium package for the E2E tests…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
