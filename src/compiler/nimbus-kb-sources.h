/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-entry.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name;
} NimbusCategory;

typedef struct _NimbusKbSources NimbusKbSources;

/* The knowledge sources read and checked: categories.json (the categories and the exams)
 * one file per service, and the practice questions of a service in questions/SERVICE.json
 * (nimbus_kb_sources_add_file () knows them by their folder).
 * Every problem found is kept as "file:line:column: reason"; reading goes on after an
 * error so that one build reports them all. */
NimbusKbSources *nimbus_kb_sources_new             (void);
void             nimbus_kb_sources_free            (NimbusKbSources *self);
void             nimbus_kb_sources_add_categories  (NimbusKbSources *self,
                                                    const char      *filename,
                                                    const char      *data,
                                                    gsize            length);
void             nimbus_kb_sources_add_service     (NimbusKbSources *self,
                                                    const char      *filename,
                                                    const char      *data,
                                                    gsize            length);
void             nimbus_kb_sources_add_questions   (NimbusKbSources *self,
                                                    const char      *filename,
                                                    const char      *data,
                                                    gsize            length);
gboolean         nimbus_kb_sources_add_file        (NimbusKbSources *self,
                                                    const char      *path);
void             nimbus_kb_sources_finish          (NimbusKbSources *self);
GPtrArray       *nimbus_kb_sources_get_errors      (NimbusKbSources *self);
GPtrArray       *nimbus_kb_sources_get_categories  (NimbusKbSources *self);
GPtrArray       *nimbus_kb_sources_get_exams       (NimbusKbSources *self);
GPtrArray       *nimbus_kb_sources_get_entries     (NimbusKbSources *self);
GPtrArray       *nimbus_kb_sources_get_questions   (NimbusKbSources *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusKbSources, nimbus_kb_sources_free)

G_END_DECLS
