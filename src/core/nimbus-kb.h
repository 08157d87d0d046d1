/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

#include "nimbus-entry.h"
#include "nimbus-question.h"
#include "nimbus-search-hit.h"

G_BEGIN_DECLS

#define NIMBUS_KB_ERROR (nimbus_kb_error_quark ())

/* The most hits one search returns. */
#define NIMBUS_KB_MAX_LIMIT 1000

typedef enum
{
  NIMBUS_KB_ERROR_NOT_FOUND,   /* no knowledge base file */
  NIMBUS_KB_ERROR_CORRUPT,     /* not a knowledge base, or damaged */
  NIMBUS_KB_ERROR_NO_ENTRY,    /* unknown service or section id */
  NIMBUS_KB_ERROR_WRITE,       /* the compiler could not write */
} NimbusKbError;

#define NIMBUS_TYPE_KB (nimbus_kb_get_type ())

G_DECLARE_FINAL_TYPE (NimbusKb, nimbus_kb, NIMBUS, KB, GObject)

GQuark       nimbus_kb_error_quark   (void);
char        *nimbus_kb_find_default  (void);
NimbusKb    *nimbus_kb_open          (const char           *path,
                                      GError              **error);
const char  *nimbus_kb_get_path      (NimbusKb             *self);
GListModel  *nimbus_kb_list_services (NimbusKb             *self,
                                      GError              **error);
GPtrArray   *nimbus_kb_list_exams    (NimbusKb             *self,
                                      GError              **error);
NimbusEntry *nimbus_kb_load_entry    (NimbusKb             *self,
                                      const char           *id,
                                      GError              **error);
char        *nimbus_kb_lookup_title  (NimbusKb             *self,
                                      const char           *id);
GPtrArray   *nimbus_kb_search        (NimbusKb             *self,
                                      const char           *text,
                                      guint                 limit,
                                      GError              **error);
void         nimbus_kb_search_async  (NimbusKb             *self,
                                      const char           *text,
                                      guint                 limit,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GListModel  *nimbus_kb_search_finish (NimbusKb             *self,
                                      GAsyncResult         *result,
                                      char                **corrected,
                                      GError              **error);
GPtrArray   *nimbus_kb_search_scoped (NimbusKb             *self,
                                      const char           *text,
                                      const char           *scope_id,
                                      guint                 limit,
                                      char                **corrected,
                                      GError              **error);

/* Practice questions (nimbus-kb-practice.c) */
NimbusQuestion *nimbus_kb_get_question         (NimbusKb             *self,
                                                const char           *id,
                                                GError              **error);
guint           nimbus_kb_count_questions      (NimbusKb             *self,
                                                const char           *exam_id,
                                                guint                 domain,
                                                const char           *service_id,
                                                GError              **error);
GListModel     *nimbus_kb_pick_questions       (NimbusKb             *self,
                                                const char           *exam_id,
                                                const guint          *domains,
                                                gsize                 n_domains,
                                                const char * const   *service_ids,
                                                guint                 count,
                                                guint32               seed,
                                                GError              **error);
GStrv           nimbus_kb_list_domain_sections (NimbusKb             *self,
                                                const char           *exam_id,
                                                guint                 domain,
                                                GError              **error);

G_END_DECLS
