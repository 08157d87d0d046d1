/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Snippets mark matched words with these two control characters, which never occur in the
 * knowledge base: a front end replaces them after escaping the text around them. */
#define NIMBUS_MATCH_START "\x02"
#define NIMBUS_MATCH_END   "\x03"

typedef struct
{
  guint rank;          /* 1 for the best hit */
  char *id;            /* service, section, tip or fact id */
  char *kind;          /* "service", "section", "tip" or "fact" */
  char *service_id;
  char *service_name;
  char *section_id;    /* NULL for a service */
  char *title;
  char *snippet;       /* plain text with NIMBUS_MATCH_START/END around matches */
} NimbusSearchHit;

void  nimbus_search_hit_free          (NimbusSearchHit *hit);
char *nimbus_search_hit_dup_snippet_plain  (const NimbusSearchHit *hit);
char *nimbus_search_hit_dup_snippet_markup (const NimbusSearchHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusSearchHit, nimbus_search_hit_free)

G_END_DECLS
