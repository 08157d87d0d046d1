/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>


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
  char *link;         /* nimbus nimbus:ID */
  gboolean gapplication_service;  /* the D-Bus service file's option, GApplication's */
  GStrv remaining;    /* arguments that are not options, but for the link */
} NimbusCliOptions;

/* What the command line opens when it does not answer in the terminal. */
typedef struct
{
  char *kb_path;      /* --kb, or NULL for the default knowledge base */
  char *link;         /* a nimbus: link to open the window at, or NULL */
  gboolean gapplication_service;  /* started by D-Bus, for the search provider */
} NimbusCliWindow;

/* Exit statuses of ../shared/CLI.md */
#define NIMBUS_EXIT_OK 0
#define NIMBUS_EXIT_UNAVAILABLE 1
#define NIMBUS_EXIT_USAGE 2

int  nimbus_cli_run          (char             ***arguments,
                              NimbusCliWindow    *window);
void nimbus_cli_window_clear (NimbusCliWindow    *window);
void nimbus_cli_usage_error  (const char         *format,
                              ...) G_GNUC_PRINTF (1, 2);
void nimbus_cli_add_string   (JsonBuilder        *builder,
                              const char         *name,
                              const char         *value);
void nimbus_cli_add_boolean  (JsonBuilder        *builder,
                              const char         *name,
                              gboolean            value);
void nimbus_cli_add_number   (JsonBuilder        *builder,
                              const char         *name,
                              double              value);
char *nimbus_cli_dup_json    (JsonBuilder        *builder);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NimbusCliWindow, nimbus_cli_window_clear)

G_END_DECLS
