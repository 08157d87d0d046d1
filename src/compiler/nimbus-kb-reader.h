/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint line;
  guint column;
} NimbusKbPos;

/* Where things were in one file: json-glib keeps no positions in its nodes, so they are
 * recorded from the parser's signals as it reads. */
typedef struct
{
  GPtrArray *errors;      /* "file:line:column: reason" */
  const char *filename;
  GHashTable *positions;  /* "o:%p", "m:%p:%s", "e:%p:%u" -> NimbusKbPos */
  GArray *open_objects;   /* NimbusKbPos of each object being read */
  JsonParser *parser;
} NimbusKbReader;

void         nimbus_kb_reader_error        (NimbusKbReader     *ctx,
                                            NimbusKbPos         pos,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (3, 4);
void         nimbus_kb_reader_error_at     (GPtrArray          *errors,
                                            const char         *filename,
                                            NimbusKbPos         pos,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (4, 5);
NimbusKbPos  nimbus_kb_reader_object_pos   (NimbusKbReader     *ctx,
                                            JsonObject         *object);
NimbusKbPos  nimbus_kb_reader_member_pos   (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *name);
NimbusKbPos  nimbus_kb_reader_element_pos  (NimbusKbReader     *ctx,
                                            JsonArray          *array,
                                            guint               index);
gboolean     nimbus_kb_reader_is_slug      (const char         *str);
const char  *nimbus_kb_reader_text_problem (const char         *str);
void         nimbus_kb_reader_check_keys   (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *what,
                                            const char * const *allowed);
JsonNode    *nimbus_kb_reader_get_member   (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *what,
                                            const char         *key,
                                            gboolean            required);
char        *nimbus_kb_reader_get_string   (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *what,
                                            const char         *key,
                                            gboolean            required);
gboolean     nimbus_kb_reader_get_int      (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *what,
                                            const char         *key,
                                            gboolean            required,
                                            gint64              min,
                                            gint64              max,
                                            gint64             *value);
gboolean     nimbus_kb_reader_node_is_int  (JsonNode           *node);
JsonArray   *nimbus_kb_reader_get_array    (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *what,
                                            const char         *key,
                                            gboolean            required);
GStrv        nimbus_kb_reader_read_strv    (NimbusKbReader     *ctx,
                                            JsonArray          *array,
                                            const char         *key,
                                            const char         *what,
                                            gboolean            allow_empty);
GStrv        nimbus_kb_reader_get_strv     (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *what,
                                            const char         *key,
                                            gboolean            required);
JsonObject  *nimbus_kb_reader_get_object   (NimbusKbReader     *ctx,
                                            JsonArray          *array,
                                            guint               index,
                                            const char         *what);
char        *nimbus_kb_reader_get_slug     (NimbusKbReader     *ctx,
                                            JsonObject         *object,
                                            const char         *what);
JsonObject  *nimbus_kb_reader_parse        (NimbusKbReader     *ctx,
                                            const char         *data,
                                            gsize               length);
void         nimbus_kb_reader_init         (NimbusKbReader     *ctx,
                                            GPtrArray          *errors,
                                            const char         *filename);
void         nimbus_kb_reader_clear        (NimbusKbReader     *ctx);

G_END_DECLS
