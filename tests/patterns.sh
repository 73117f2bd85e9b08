#!/bin/sh
# SPDX-License-Identifier: MIT
# The shipped pattern files compile (patterns check) and every inline
# example and negative example holds (patterns test).
set -u
: "${TRIALMINE:?set TRIALMINE to the trialmine binary}"
"$TRIALMINE" patterns check || exit 1
"$TRIALMINE" patterns test || exit 1
# User pattern directories from the environment are loaded too: a user
# file whose example is wrong makes `patterns test` fail and name it.
out=$(TRIALMINE_PATTERNS="/nonexistent-dir-is-reported:$TM_FIXTURE_DIR/patterns/failing_example.pat" \
      "$TRIALMINE" patterns test 2>&1)
st=$?
[ "$st" -ne 0 ] || { echo "TRIALMINE_PATTERNS not loaded"; exit 1; }
echo "$out" | grep -q "nonexistent-dir-is-reported" || { echo "bad path not named"; exit 1; }
out=$(TRIALMINE_PATTERNS="$TM_FIXTURE_DIR/patterns/failing_example.pat" \
      "$TRIALMINE" patterns test 2>&1)
echo "$out" | grep -q "failing_example.pat:5: failing_example.pat:n" || {
    echo "failing example not reported: $out"; exit 1; }
# Several prefilter lines: every one must be met (the file's examples
# and negatives say which sentences run); a repair takes one line.
TRIALMINE_PATTERNS="$TM_FIXTURE_DIR/patterns/prefilter_lines.pat" \
    "$TRIALMINE" patterns test >/dev/null 2>&1 ||
    { echo "prefilter lines are not each a condition"; exit 1; }
out=$("$TRIALMINE" patterns check \
      "$TM_FIXTURE_DIR/patterns/repair_two_prefilters.pat" 2>&1) &&
    { echo "a repair with two prefilter lines was accepted"; exit 1; }
echo "$out" | grep -q "repair_two_prefilters.pat:4:5: a repair takes one prefilter line" ||
    { echo "$out"; echo "two prefilter lines of a repair not named"; exit 1; }
# Found by fuzz_pattern: a repair whose replacement was not UTF-8 put
# invalid bytes into the text, and PCRE2 (UTF mode, subject not
# rechecked) read out of bounds.  Such a line is refused, named by file
# and line; \C, which could cut a character, is refused too.
out=$("$TRIALMINE" patterns check "$TM_FIXTURE_DIR/patterns/invalid_utf8.pat" 2>&1) &&
    { echo "invalid UTF-8 accepted"; exit 1; }
echo "$out" | grep -q "invalid_utf8.pat:3:16: invalid UTF-8" ||
    { echo "$out"; echo "invalid UTF-8 not named"; exit 1; }
out=$("$TRIALMINE" patterns check "$TM_FIXTURE_DIR/patterns/backslash_c.pat" 2>&1) &&
    { echo "\\C accepted"; exit 1; }
echo "$out" | grep "backslash_c.pat:3:" | grep -qF "C is disabled" ||
    { echo "$out"; echo "\\C not refused"; exit 1; }

# Naming a shipped file again (as a user checking "this file" does) loads
# it once: no "already defined" errors, no noise from its continuation
# lines.
out=$("$TRIALMINE" patterns check "$TRIALMINE_PATTERN_DIR/arms.pat" 2>&1) ||
    { echo "$out"; echo "a shipped file named twice failed"; exit 1; }
case $out in *error*|*defined*|*expected*) echo "$out"; exit 1;; esac
echo "patterns: shipped set checked and tested; TRIALMINE_PATTERNS honoured"
