/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-application.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean list;
  gboolean json;
  gboolean version;
  gboolean weak;
  gboolean practice;
  gboolean progress;
  gboolean answers;   /* --answers, with --practice */
  char *show;
  char *search;
  char *limit;
  char *service;      /* --service, with --search or --practice */
  char *exam;         /* --exam, with --list, --practice or --progress */
  char *domain;       /* with --practice */
  char *count;        /* with --practice */
  char *seed;         /* with --practice */
  char *capacity;     /* read or write */
  char *consistency;
  char *item_size;
  char *rate;         /* with --capacity or --calc */
  char *calc;         /* a calculator's name, or help */
  GHashTable *calc_params;  /* the calculators' parameters given: name -> text, never NULL */
  char *kb_path;      /* --kb */
  char *export_weak;  /* --export-weak: a file name, in the file system's encoding */
  GStrv remaining;
} NimbusCliOptions;

/* Exit statuses of ../shared/CLI.md */
#define NIMBUS_EXIT_OK 0
#define NIMBUS_EXIT_UNAVAILABLE 1
#define NIMBUS_EXIT_USAGE 2

gboolean nimbus_cli_wants_terminal (const NimbusCliOptions *options);
int      nimbus_cli_run            (NimbusApplication      *app,
                                    const NimbusCliOptions *options);
void     nimbus_cli_usage_error    (const char             *format,
                                    ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
