/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-reader"

#include "config.h"

#include <string.h>

#include "nimbus-json-guard.h"
#include "nimbus-kb-reader.h"

/* Reading one knowledge source with json-glib, keeping where each value was so that every
 * problem is reported as file:line:column. */

G_GNUC_PRINTF (4, 0)
static void
append_error (GPtrArray   *errors,
              const char  *filename,
              NimbusKbPos  pos,
              const char  *format,
              va_list      args)
{
  g_autofree char *reason = g_strdup_vprintf (format, args);

  g_ptr_array_add (errors, g_strdup_printf ("%s:%u:%u: %s", filename, pos.line, pos.column,
                                            reason));
}

/* Records a problem at pos of the file being read. */
void
nimbus_kb_reader_error (NimbusKbReader *ctx,
                        NimbusKbPos     pos,
                        const char     *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  append_error (ctx->errors, ctx->filename, pos, format, args);
  va_end (args);
}

/* Records a problem found across files, at pos of filename. */
void
nimbus_kb_reader_error_at (GPtrArray   *errors,
                           const char  *filename,
                           NimbusKbPos  pos,
                           const char  *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  append_error (errors, filename, pos, format, args);
  va_end (args);
}

/* Positions */

static NimbusKbPos
current_pos (NimbusKbReader *ctx)
{
  NimbusKbPos pos = { json_parser_get_current_line (ctx->parser),
                      json_parser_get_current_pos (ctx->parser) };

  return pos;
}

static void
remember (NimbusKbReader *ctx,
          char           *key,
          NimbusKbPos     pos)
{
  g_hash_table_insert (ctx->positions, key, g_memdup2 (&pos, sizeof pos));
}

static void
on_object_start (JsonParser     *parser,
                 NimbusKbReader *ctx)
{
  NimbusKbPos pos = current_pos (ctx);

  g_array_append_val (ctx->open_objects, pos);
}

static void
on_object_end (JsonParser     *parser,
               JsonObject     *object,
               NimbusKbReader *ctx)
{
  NimbusKbPos pos = g_array_index (ctx->open_objects, NimbusKbPos, ctx->open_objects->len - 1);

  g_array_set_size (ctx->open_objects, ctx->open_objects->len - 1);
  remember (ctx, g_strdup_printf ("o:%p", object), pos);
}

static void
on_object_member (JsonParser     *parser,
                  JsonObject     *object,
                  const char     *name,
                  NimbusKbReader *ctx)
{
  char *key = g_strdup_printf ("m:%p:%s", object, name);

  /* json-glib keeps the last of two equal keys without a word: a source never means that. */
  if (g_hash_table_contains (ctx->positions, key))
    nimbus_kb_reader_error (ctx, current_pos (ctx), "duplicate key “%s”", name);

  remember (ctx, key, current_pos (ctx));
}

static void
on_array_element (JsonParser     *parser,
                  JsonArray      *array,
                  int             index,
                  NimbusKbReader *ctx)
{
  remember (ctx, g_strdup_printf ("e:%p:%d", array, index), current_pos (ctx));
}

static NimbusKbPos
lookup_pos (NimbusKbReader *ctx,
            const char     *key)
{
  const NimbusKbPos *pos = g_hash_table_lookup (ctx->positions, key);
  NimbusKbPos none = { 1, 1 };

  return pos != NULL ? *pos : none;
}

NimbusKbPos
nimbus_kb_reader_object_pos (NimbusKbReader *ctx,
                             JsonObject     *object)
{
  g_autofree char *key = g_strdup_printf ("o:%p", object);

  return lookup_pos (ctx, key);
}

NimbusKbPos
nimbus_kb_reader_member_pos (NimbusKbReader *ctx,
                             JsonObject     *object,
                             const char     *name)
{
  g_autofree char *key = g_strdup_printf ("m:%p:%s", object, name);

  return lookup_pos (ctx, key);
}

NimbusKbPos
nimbus_kb_reader_element_pos (NimbusKbReader *ctx,
                              JsonArray      *array,
                              guint           index)
{
  g_autofree char *key = g_strdup_printf ("e:%p:%u", array, index);

  return lookup_pos (ctx, key);
}

/* Typed reading, each reporting where a value is wrong */

gboolean
nimbus_kb_reader_is_slug (const char *str)
{
  gboolean after_dash = TRUE;

  if (str == NULL || *str == '\0' || strlen (str) > 64)
    return FALSE;

  for (const char *p = str; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (after_dash)
            return FALSE;
          after_dash = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_dash = FALSE;
      else
        return FALSE;
    }

  return !after_dash;
}

/* Text a reader sees: valid, not blank, and free of control characters, which are kept
 * for search match marks. */
const char *
nimbus_kb_reader_text_problem (const char *str)
{
  gboolean blank = TRUE;

  for (const char *p = str; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return "contains a control character";
      if (!g_ascii_isspace (*p))
        blank = FALSE;
    }

  return blank ? "is empty" : NULL;
}

void
nimbus_kb_reader_check_keys (NimbusKbReader     *ctx,
                             JsonObject         *object,
                             const char         *what,
                             const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *expected = g_strjoinv (", ", (GStrv) allowed);

          nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, l->data),
                                  "unknown key “%s” in %s (expected %s)", (const char *) l->data,
                                  what, expected);
        }
    }
}

/* The member key of object; NULL when it is not there, an error when it had to be. */
JsonNode *
nimbus_kb_reader_get_member (NimbusKbReader *ctx,
                             JsonObject     *object,
                             const char     *what,
                             const char     *key,
                             gboolean        required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    nimbus_kb_reader_error (ctx, nimbus_kb_reader_object_pos (ctx, object),
                            "%s has no “%s”", what, key);

  return node;
}

char *
nimbus_kb_reader_get_string (NimbusKbReader *ctx,
                             JsonObject     *object,
                             const char     *what,
                             const char     *key,
                             gboolean        required)
{
  JsonNode *node = nimbus_kb_reader_get_member (ctx, object, what, key, required);
  const char *value;
  const char *problem;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, key),
                              "“%s” of %s must be a string", key, what);
      return NULL;
    }

  value = json_node_get_string (node);
  if ((problem = nimbus_kb_reader_text_problem (value)) != NULL)
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, key), "“%s” of %s %s",
                              key, what, problem);
      return NULL;
    }

  return g_strdup (value);
}

/* A whole number (not a decimal, not a boolean): json-glib reads 3 as an int64. */
gboolean
nimbus_kb_reader_node_is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* The whole number key of object, from min to max; FALSE when it is missing or wrong. */
gboolean
nimbus_kb_reader_get_int (NimbusKbReader *ctx,
                          JsonObject     *object,
                          const char     *what,
                          const char     *key,
                          gboolean        required,
                          gint64          min,
                          gint64          max,
                          gint64         *value)
{
  JsonNode *node = nimbus_kb_reader_get_member (ctx, object, what, key, required);

  if (node == NULL)
    return FALSE;

  if (!nimbus_kb_reader_node_is_int (node) ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, key),
                              "“%s” of %s must be a whole number from %" G_GINT64_FORMAT
                              " to %" G_GINT64_FORMAT, key, what, min, max);
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

JsonArray *
nimbus_kb_reader_get_array (NimbusKbReader *ctx,
                            JsonObject     *object,
                            const char     *what,
                            const char     *key,
                            gboolean        required)
{
  JsonNode *node = nimbus_kb_reader_get_member (ctx, object, what, key, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, key),
                              "“%s” of %s must be a non-empty array", key, what);
      return NULL;
    }

  return json_node_get_array (node);
}

/* Table cells may be empty (the corner above a row heading); list items may not. */
GStrv
nimbus_kb_reader_read_strv (NimbusKbReader *ctx,
                            JsonArray      *array,
                            const char     *key,
                            const char     *what,
                            gboolean        allow_empty)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *problem;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          nimbus_kb_reader_error (ctx, nimbus_kb_reader_element_pos (ctx, array, i),
                                  "item %u of “%s” in %s must be a string", i + 1, key, what);
          continue;
        }

      problem = nimbus_kb_reader_text_problem (json_node_get_string (node));
      if (problem != NULL && !(allow_empty && *json_node_get_string (node) == '\0'))
        {
          nimbus_kb_reader_error (ctx, nimbus_kb_reader_element_pos (ctx, array, i),
                                  "item %u of “%s” in %s %s", i + 1, key, what, problem);
          continue;
        }

      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

GStrv
nimbus_kb_reader_get_strv (NimbusKbReader *ctx,
                           JsonObject     *object,
                           const char     *what,
                           const char     *key,
                           gboolean        required)
{
  JsonArray *array = nimbus_kb_reader_get_array (ctx, object, what, key, required);

  return array != NULL
         ? nimbus_kb_reader_read_strv (ctx, array, key, what, g_str_equal (key, "columns")) : NULL;
}

JsonObject *
nimbus_kb_reader_get_object (NimbusKbReader *ctx,
                             JsonArray      *array,
                             guint           index,
                             const char     *what)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_element_pos (ctx, array, index),
                              "%s %u must be an object", what, index + 1);
      return NULL;
    }

  return json_node_get_object (node);
}

char *
nimbus_kb_reader_get_slug (NimbusKbReader *ctx,
                           JsonObject     *object,
                           const char     *what)
{
  g_autofree char *slug = nimbus_kb_reader_get_string (ctx, object, what, "id", TRUE);

  if (slug != NULL && !nimbus_kb_reader_is_slug (slug))
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "id"),
                              "id “%s” of %s must be lower-case letters, digits and single dashes",
                              slug, what);
      return NULL;
    }

  return g_steal_pointer (&slug);
}

JsonObject *
nimbus_kb_reader_parse (NimbusKbReader *ctx,
                        const char     *data,
                        gsize           length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  JsonNode *root;
  guint line, column;

  if (!nimbus_json_guard_check (data, length, NIMBUS_JSON_MAX_DEPTH, &line, &column, &reason))
    {
      g_ptr_array_add (ctx->errors,
                       g_strdup_printf ("%s:%u:%u: %s", ctx->filename, line, column, reason));
      return NULL;
    }

  g_signal_connect (ctx->parser, "object-start", G_CALLBACK (on_object_start), ctx);
  g_signal_connect (ctx->parser, "object-end", G_CALLBACK (on_object_end), ctx);
  g_signal_connect (ctx->parser, "object-member", G_CALLBACK (on_object_member), ctx);
  g_signal_connect (ctx->parser, "array-element", G_CALLBACK (on_array_element), ctx);

  if (!json_parser_load_from_data (ctx->parser, data, length, &error))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: ..." */
      if (g_str_has_prefix (error->message, "<data>:"))
        g_ptr_array_add (ctx->errors,
                         g_strdup_printf ("%s:%s", ctx->filename,
                                          error->message + strlen ("<data>:")));
      else
        g_ptr_array_add (ctx->errors,
                         g_strdup_printf ("%s:1:1: %s", ctx->filename, error->message));
      return NULL;
    }

  root = json_parser_get_root (ctx->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      NimbusKbPos start = { 1, 1 };

      nimbus_kb_reader_error (ctx, start, "the file must hold one JSON object");
      return NULL;
    }

  return json_node_get_object (root);
}

void
nimbus_kb_reader_init (NimbusKbReader *ctx,
                       GPtrArray      *errors,
                       const char     *filename)
{
  ctx->errors = errors;
  ctx->filename = filename;
  ctx->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->open_objects = g_array_new (FALSE, FALSE, sizeof (NimbusKbPos));
  ctx->parser = json_parser_new_immutable ();
}

void
nimbus_kb_reader_clear (NimbusKbReader *ctx)
{
  g_hash_table_unref (ctx->positions);
  g_array_unref (ctx->open_objects);
  g_object_unref (ctx->parser);
}

