/* SPDX-License-Identifier: MIT */
/*
 * number: read a number as trial reports write it.  Patterns find where a
 * number stands; this module says what it is worth: "1,200", "1 200",
 * ".03", "0·03", "Twenty-one", "a", "1.5x10^7", "1 × 10^-5", "10^6",
 * "10(6)", "1e6", "2 million".  Pure functions, no allocation.
 */
#ifndef TM_NUMBER_H
#define TM_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/* Parse s[0..len) (surrounding white space allowed).  Returns true and
 * sets *out when the whole string is one number; false otherwise. */
bool tm_number_parse(const char *s, size_t len, double *out);

/* Parse a scale word ("thousand", "million", "billion", "lakh" is not
 * supported) or a power of ten ("10^6", "10(6)", "×10^6"); returns true and
 * sets *out to the multiplier. */
bool tm_number_parse_scale(const char *s, size_t len, double *out);

#endif
