/* SPDX-License-Identifier: MIT */
/*
 * main: the trialmine command.  Everything lives in the library; see
 * cli.c for the command line.
 */
#include "config.h"

#include <stdio.h>

#include "cli.h"

int
main(int argc, char **argv)
{
    return tm_cli_main(argc, argv, stdout, stderr);
}
