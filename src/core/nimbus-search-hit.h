/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Snippets mark matched words with these two control characters, which never occur in the
 * knowledge base: a front end replaces them after escaping the text around them. */
#define NIMBUS_MATCH_START "\x02"
#define NIMBUS_MATCH_END   "\x03"

/* What a hit is; its nick ("service", "tip") is the kind the knowledge base stores and the
 * CLI prints. */
typedef enum
{
  NIMBUS_HIT_KIND_SERVICE,
  NIMBUS_HIT_KIND_SECTION,
  NIMBUS_HIT_KIND_TIP,
  NIMBUS_HIT_KIND_FACT,
  NIMBUS_HIT_KIND_NOTE,
} NimbusHitKind;

#define NIMBUS_TYPE_SEARCH_HIT (nimbus_search_hit_get_type ())

/* One hit of a search: a service, section, tip or fact, or a note of the student's. */
G_DECLARE_FINAL_TYPE (NimbusSearchHit, nimbus_search_hit, NIMBUS, SEARCH_HIT, GObject)

NimbusSearchHit *nimbus_search_hit_new                (const char      *id,
                                                       NimbusHitKind    kind,
                                                       const char      *service_id,
                                                       const char      *service_name,
                                                       const char      *section_id,
                                                       const char      *title,
                                                       const char      *snippet);
guint            nimbus_search_hit_get_rank           (NimbusSearchHit *self);
void             nimbus_search_hit_set_rank           (NimbusSearchHit *self,
                                                       guint            rank);
const char      *nimbus_search_hit_get_id             (NimbusSearchHit *self);
NimbusHitKind    nimbus_search_hit_get_kind           (NimbusSearchHit *self);
const char      *nimbus_search_hit_get_service_id     (NimbusSearchHit *self);
const char      *nimbus_search_hit_get_service_name   (NimbusSearchHit *self);
const char      *nimbus_search_hit_get_section_id     (NimbusSearchHit *self);
const char      *nimbus_search_hit_get_title          (NimbusSearchHit *self);
const char      *nimbus_search_hit_get_snippet        (NimbusSearchHit *self);
char            *nimbus_search_hit_dup_snippet_plain  (NimbusSearchHit *self);
char            *nimbus_search_hit_dup_snippet_markup (NimbusSearchHit *self);

G_END_DECLS
