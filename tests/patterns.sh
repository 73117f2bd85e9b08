#!/bin/sh
# SPDX-License-Identifier: MIT
# The shipped pattern files compile (patterns check) and every inline
# example and negative example holds (patterns test).
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
"$TRIALMINE" patterns check || exit 1
"$TRIALMINE" patterns test || exit 1
