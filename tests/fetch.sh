#!/bin/sh
# SPDX-License-Identifier: MIT
# The network tests (tests/fetch.py) against a loopback server.
exec python3 "$(dirname "$0")/fetch.py" "$@"
