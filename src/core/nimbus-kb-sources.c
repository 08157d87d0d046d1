/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-sources"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "nimbus-kb-sources.h"

typedef struct
{
  guint line;
  guint column;
} Pos;

/* Where things were in one file: json-glib keeps no positions in its nodes, so they are
 * recorded from the parser's signals as it reads. */
typedef struct
{
  NimbusKbSources *sources;
  const char *filename;
  GHashTable *positions;  /* "o:%p", "m:%p:%s", "e:%p:%u" -> Pos */
  GArray *open_objects;   /* Pos of each object being read */
  JsonParser *parser;
} FileContext;

typedef struct
{
  char *filename;
  Pos category;
  GArray *related;        /* Pos of each related id */
} EntryOrigin;

struct _NimbusKbSources
{
  GPtrArray *errors;
  GPtrArray *categories;  /* NimbusCategory */
  GPtrArray *entries;     /* NimbusEntry */
  GPtrArray *origins;     /* EntryOrigin, parallel to entries */
  char *categories_file;
};

static const char * const widget_names[] = { "capacity-calculator", "cache-strategy", NULL };

static void
nimbus_category_free (NimbusCategory *category)
{
  g_free (category->id);
  g_free (category->name);
  g_free (category);
}

static void
entry_origin_free (EntryOrigin *origin)
{
  g_free (origin->filename);
  g_array_unref (origin->related);
  g_free (origin);
}

NimbusKbSources *
nimbus_kb_sources_new (void)
{
  NimbusKbSources *self = g_new0 (NimbusKbSources, 1);

  self->errors = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_category_free);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_entry_free);
  self->origins = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_origin_free);

  return self;
}

void
nimbus_kb_sources_free (NimbusKbSources *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->errors);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->origins);
  g_free (self->categories_file);
  g_free (self);
}

GPtrArray *
nimbus_kb_sources_get_errors (NimbusKbSources *self)
{
  return self->errors;
}

GPtrArray *
nimbus_kb_sources_get_categories (NimbusKbSources *self)
{
  return self->categories;
}

GPtrArray *
nimbus_kb_sources_get_entries (NimbusKbSources *self)
{
  return self->entries;
}

G_GNUC_PRINTF (4, 5)
static void
add_error (NimbusKbSources *self,
           const char      *filename,
           Pos              pos,
           const char      *format,
           ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->errors,
                   g_strdup_printf ("%s:%u:%u: %s", filename, pos.line, pos.column, reason));
}

/* Positions */

static Pos
current_pos (FileContext *ctx)
{
  Pos pos = { json_parser_get_current_line (ctx->parser),
              json_parser_get_current_pos (ctx->parser) };

  return pos;
}

static void
remember (FileContext *ctx,
          char        *key,
          Pos          pos)
{
  g_hash_table_insert (ctx->positions, key, g_memdup2 (&pos, sizeof pos));
}

static void
on_object_start (JsonParser  *parser,
                 FileContext *ctx)
{
  Pos pos = current_pos (ctx);

  g_array_append_val (ctx->open_objects, pos);
}

static void
on_object_end (JsonParser  *parser,
               JsonObject  *object,
               FileContext *ctx)
{
  Pos pos = g_array_index (ctx->open_objects, Pos, ctx->open_objects->len - 1);

  g_array_set_size (ctx->open_objects, ctx->open_objects->len - 1);
  remember (ctx, g_strdup_printf ("o:%p", object), pos);
}

static void
on_object_member (JsonParser  *parser,
                  JsonObject  *object,
                  const char  *name,
                  FileContext *ctx)
{
  char *key = g_strdup_printf ("m:%p:%s", object, name);

  /* json-glib keeps the last of two equal keys without a word: a source never means that. */
  if (g_hash_table_contains (ctx->positions, key))
    add_error (ctx->sources, ctx->filename, current_pos (ctx), "duplicate key “%s”", name);

  remember (ctx, key, current_pos (ctx));
}

static void
on_array_element (JsonParser  *parser,
                  JsonArray   *array,
                  int          index,
                  FileContext *ctx)
{
  remember (ctx, g_strdup_printf ("e:%p:%d", array, index), current_pos (ctx));
}

static Pos
lookup_pos (FileContext *ctx,
            const char  *key)
{
  const Pos *pos = g_hash_table_lookup (ctx->positions, key);
  Pos none = { 1, 1 };

  return pos != NULL ? *pos : none;
}

static Pos
object_pos (FileContext *ctx,
            JsonObject  *object)
{
  g_autofree char *key = g_strdup_printf ("o:%p", object);

  return lookup_pos (ctx, key);
}

static Pos
member_pos (FileContext *ctx,
            JsonObject  *object,
            const char  *name)
{
  g_autofree char *key = g_strdup_printf ("m:%p:%s", object, name);

  return lookup_pos (ctx, key);
}

static Pos
element_pos (FileContext *ctx,
             JsonArray   *array,
             guint        index)
{
  g_autofree char *key = g_strdup_printf ("e:%p:%u", array, index);

  return lookup_pos (ctx, key);
}

/* Typed reading, each reporting where a value is wrong */

static gboolean
is_slug (const char *str)
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
static const char *
text_problem (const char *str)
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

static void
check_keys (FileContext        *ctx,
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

          add_error (ctx->sources, ctx->filename, member_pos (ctx, object, l->data),
                     "unknown key “%s” in %s (expected %s)", (const char *) l->data, what,
                     expected);
        }
    }
}

/* The member key of object; NULL when it is not there, an error when it had to be. */
static JsonNode *
get_member (FileContext *ctx,
            JsonObject  *object,
            const char  *what,
            const char  *key,
            gboolean     required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    add_error (ctx->sources, ctx->filename, object_pos (ctx, object), "%s has no “%s”", what,
               key);

  return node;
}

static char *
get_string (FileContext *ctx,
            JsonObject  *object,
            const char  *what,
            const char  *key,
            gboolean     required)
{
  JsonNode *node = get_member (ctx, object, what, key, required);
  const char *value;
  const char *problem;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_error (ctx->sources, ctx->filename, member_pos (ctx, object, key),
                 "“%s” of %s must be a string", key, what);
      return NULL;
    }

  value = json_node_get_string (node);
  if ((problem = text_problem (value)) != NULL)
    {
      add_error (ctx->sources, ctx->filename, member_pos (ctx, object, key),
                 "“%s” of %s %s", key, what, problem);
      return NULL;
    }

  return g_strdup (value);
}

static JsonArray *
get_array (FileContext *ctx,
           JsonObject  *object,
           const char  *what,
           const char  *key,
           gboolean     required)
{
  JsonNode *node = get_member (ctx, object, what, key, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      add_error (ctx->sources, ctx->filename, member_pos (ctx, object, key),
                 "“%s” of %s must be a non-empty array", key, what);
      return NULL;
    }

  return json_node_get_array (node);
}

/* Table cells may be empty (the corner above a row heading); list items may not. */
static GStrv
read_strv (FileContext *ctx,
           JsonArray   *array,
           const char  *key,
           const char  *what,
           gboolean     allow_empty)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *problem;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          add_error (ctx->sources, ctx->filename, element_pos (ctx, array, i),
                     "item %u of “%s” in %s must be a string", i + 1, key, what);
          continue;
        }

      problem = text_problem (json_node_get_string (node));
      if (problem != NULL && !(allow_empty && *json_node_get_string (node) == '\0'))
        {
          add_error (ctx->sources, ctx->filename, element_pos (ctx, array, i),
                     "item %u of “%s” in %s %s", i + 1, key, what, problem);
          continue;
        }

      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static GStrv
get_strv (FileContext *ctx,
          JsonObject  *object,
          const char  *what,
          const char  *key,
          gboolean     required)
{
  JsonArray *array = get_array (ctx, object, what, key, required);

  return array != NULL ? read_strv (ctx, array, key, what, g_str_equal (key, "columns")) : NULL;
}

static JsonObject *
get_object_element (FileContext *ctx,
                    JsonArray   *array,
                    guint        index,
                    const char  *what)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_error (ctx->sources, ctx->filename, element_pos (ctx, array, index),
                 "%s %u must be an object", what, index + 1);
      return NULL;
    }

  return json_node_get_object (node);
}

static char *
get_slug (FileContext *ctx,
          JsonObject  *object,
          const char  *what)
{
  g_autofree char *slug = get_string (ctx, object, what, "id", TRUE);

  if (slug != NULL && !is_slug (slug))
    {
      add_error (ctx->sources, ctx->filename, member_pos (ctx, object, "id"),
                 "id “%s” of %s must be lower-case letters, digits and single dashes", slug,
                 what);
      return NULL;
    }

  return g_steal_pointer (&slug);
}

/* Blocks, sections, services */

static void
read_table (FileContext *ctx,
            JsonObject  *object,
            NimbusBlock *block)
{
  JsonArray *rows = get_array (ctx, object, "a table", "rows", TRUE);

  block->items = get_strv (ctx, object, "a table", "columns", TRUE);
  if (rows == NULL || block->items == NULL)
    return;

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      GStrv row;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          add_error (ctx->sources, ctx->filename, element_pos (ctx, rows, i),
                     "row %u of a table must be an array of strings", i + 1);
          continue;
        }

      row = read_strv (ctx, json_node_get_array (node), "rows", "a table", TRUE);
      if (g_strv_length (row) != g_strv_length (block->items))
        add_error (ctx->sources, ctx->filename, element_pos (ctx, rows, i),
                   "row %u of a table has %u cell%s, the table has %u columns", i + 1,
                   g_strv_length (row), g_strv_length (row) == 1 ? "" : "s",
                   g_strv_length (block->items));
      g_ptr_array_add (block->rows, row);
    }
}

static void
read_fact (FileContext *ctx,
           JsonObject  *object,
           NimbusBlock *block)
{
  static const char * const previous_keys[] = { "value", "unit", "until", NULL };
  JsonNode *previous = json_object_get_member (object, "previous");

  block->label = get_string (ctx, object, "a fact", "label", TRUE);
  block->value = get_string (ctx, object, "a fact", "value", TRUE);
  block->unit = get_string (ctx, object, "a fact", "unit", FALSE);
  block->limits = get_string (ctx, object, "a fact", "limits", TRUE);
  block->note = get_string (ctx, object, "a fact", "note", FALSE);

  if (previous == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (previous))
    {
      add_error (ctx->sources, ctx->filename, member_pos (ctx, object, "previous"),
                 "“previous” of a fact must be an object");
      return;
    }

  check_keys (ctx, json_node_get_object (previous), "“previous”", previous_keys);
  block->previous_value = get_string (ctx, json_node_get_object (previous), "“previous”",
                                      "value", TRUE);
  block->previous_unit = get_string (ctx, json_node_get_object (previous), "“previous”",
                                     "unit", FALSE);
  block->previous_until = get_string (ctx, json_node_get_object (previous), "“previous”",
                                      "until", TRUE);
}

static gboolean
read_ordered (FileContext *ctx,
              JsonObject  *object)
{
  JsonNode *node = json_object_get_member (object, "ordered");

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      add_error (ctx->sources, ctx->filename, member_pos (ctx, object, "ordered"),
                 "“ordered” of a list must be true or false");
      return FALSE;
    }

  return json_node_get_boolean (node);
}

static const char * const *
block_keys (NimbusBlockType type)
{
  static const char * const paragraph[] = { "type", "text", NULL };
  static const char * const list[] = { "type", "items", "ordered", NULL };
  static const char * const table[] = { "type", "columns", "rows", "caption", NULL };
  static const char * const tip[] = { "type", "id", "text", NULL };
  static const char * const fact[] = { "type", "id", "label", "value", "unit", "limits", "note",
                                       "previous", NULL };
  static const char * const widget[] = { "type", "name", "caption", NULL };

  switch (type)
    {
    case NIMBUS_BLOCK_PARAGRAPH: return paragraph;
    case NIMBUS_BLOCK_LIST: return list;
    case NIMBUS_BLOCK_TABLE: return table;
    case NIMBUS_BLOCK_TIP: return tip;
    case NIMBUS_BLOCK_FACT: return fact;
    case NIMBUS_BLOCK_WIDGET: return widget;
    default: g_assert_not_reached ();
    }
}

static NimbusBlock *
read_block (FileContext *ctx,
            JsonObject  *object,
            const char  *section_id)
{
  g_autofree char *type_name = get_string (ctx, object, "a block", "type", TRUE);
  g_autoptr(NimbusBlock) block = NULL;
  NimbusBlockType type;

  if (type_name == NULL)
    return NULL;

  if (!nimbus_block_type_from_string (type_name, &type))
    {
      add_error (ctx->sources, ctx->filename, member_pos (ctx, object, "type"),
                 "unknown block type “%s” (expected paragraph, list, table, tip, fact or widget)",
                 type_name);
      return NULL;
    }

  block = nimbus_block_new (type);
  check_keys (ctx, object, type_name, block_keys (type));

  if (type == NIMBUS_BLOCK_TIP || type == NIMBUS_BLOCK_FACT)
    {
      g_autofree char *slug = get_slug (ctx, object, type_name);

      if (slug != NULL)
        block->id = g_strdup_printf ("%s#%s", section_id, slug);
    }

  switch (type)
    {
    case NIMBUS_BLOCK_PARAGRAPH:
    case NIMBUS_BLOCK_TIP:
      block->text = get_string (ctx, object, type_name, "text", TRUE);
      break;
    case NIMBUS_BLOCK_LIST:
      block->items = get_strv (ctx, object, "a list", "items", TRUE);
      block->ordered = read_ordered (ctx, object);
      break;
    case NIMBUS_BLOCK_TABLE:
      block->text = get_string (ctx, object, "a table", "caption", FALSE);
      read_table (ctx, object, block);
      break;
    case NIMBUS_BLOCK_FACT:
      read_fact (ctx, object, block);
      break;
    case NIMBUS_BLOCK_WIDGET:
      block->text = get_string (ctx, object, "a widget", "caption", FALSE);
      block->name = get_string (ctx, object, "a widget", "name", TRUE);
      if (block->name != NULL && !g_strv_contains (widget_names, block->name))
        {
          g_autofree char *expected = g_strjoinv (", ", (GStrv) widget_names);

          add_error (ctx->sources, ctx->filename, member_pos (ctx, object, "name"),
                     "unknown widget “%s” (expected %s)", block->name, expected);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&block);
}

static gboolean
is_date (const char *str)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = g_strconcat (str, "T00:00:00Z", NULL);

  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return strlen (str) == 10 && dt != NULL;
}

static void
read_sources (FileContext   *ctx,
              JsonObject    *object,
              NimbusSection *section)
{
  static const char * const keys[] = { "url", "title", "checked", NULL };
  JsonArray *array = get_array (ctx, object, "a section", "sources", FALSE);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *source_object = get_object_element (ctx, array, i, "source");
      NimbusSource *source;

      if (source_object == NULL)
        continue;

      check_keys (ctx, source_object, "a source", keys);
      source = nimbus_source_new ();
      source->url = get_string (ctx, source_object, "a source", "url", TRUE);
      source->title = get_string (ctx, source_object, "a source", "title", FALSE);
      source->checked = get_string (ctx, source_object, "a source", "checked", TRUE);

      if (source->url != NULL && !g_str_has_prefix (source->url, "https://"))
        add_error (ctx->sources, ctx->filename, member_pos (ctx, source_object, "url"),
                   "source url “%s” must start with https://", source->url);
      if (source->checked != NULL && !is_date (source->checked))
        add_error (ctx->sources, ctx->filename, member_pos (ctx, source_object, "checked"),
                   "“checked” must be a date as YYYY-MM-DD, not “%s”", source->checked);

      g_ptr_array_add (section->sources, source);
    }
}

static void
check_unique (FileContext *ctx,
              GHashTable  *seen,
              const char  *id,
              Pos          pos,
              const char  *what)
{
  if (id == NULL)
    return;

  if (g_hash_table_contains (seen, id))
    add_error (ctx->sources, ctx->filename, pos, "duplicate %s id “%s”", what, id);
  else
    g_hash_table_add (seen, g_strdup (id));
}

static NimbusSection *
read_section (FileContext *ctx,
              JsonObject  *object,
              const char  *service_id,
              GHashTable  *seen_ids)
{
  static const char * const keys[] = { "id", "title", "keywords", "blocks", "sources", NULL };
  g_autoptr(NimbusSection) section = nimbus_section_new ();
  g_autofree char *slug = NULL;
  JsonArray *blocks;

  check_keys (ctx, object, "a section", keys);
  slug = get_slug (ctx, object, "a section");
  section->id = g_strdup_printf ("%s/%s", service_id, slug != NULL ? slug : "?");
  section->title = get_string (ctx, object, "a section", "title", TRUE);
  section->keywords = get_strv (ctx, object, "a section", "keywords", FALSE);
  if (slug != NULL)
    check_unique (ctx, seen_ids, section->id, member_pos (ctx, object, "id"), "section");

  blocks = get_array (ctx, object, "a section", "blocks", TRUE);
  for (guint i = 0; blocks != NULL && i < json_array_get_length (blocks); i++)
    {
      JsonObject *block_object = get_object_element (ctx, blocks, i, "block");
      NimbusBlock *block;

      if (block_object == NULL || (block = read_block (ctx, block_object, section->id)) == NULL)
        continue;

      check_unique (ctx, seen_ids, block->id, member_pos (ctx, block_object, "id"),
                    nimbus_block_type_to_string (block->type));
      g_ptr_array_add (section->blocks, block);
    }

  read_sources (ctx, object, section);

  return g_steal_pointer (&section);
}

static void
read_related (FileContext *ctx,
              JsonObject  *object,
              NimbusEntry *entry,
              EntryOrigin *origin)
{
  JsonArray *array;

  if (json_object_get_member (object, "related") == NULL)
    {
      entry->related = g_new0 (char *, 1);
      return;
    }

  entry->related = get_strv (ctx, object, "the service", "related", FALSE);
  array = json_object_get_array_member (object, "related");
  for (guint i = 0; entry->related != NULL && i < g_strv_length (entry->related); i++)
    {
      Pos pos = element_pos (ctx, array, i);
      g_array_append_val (origin->related, pos);
    }
}

static NimbusEntry *
read_service (FileContext *ctx,
              JsonObject  *root,
              EntryOrigin *origin)
{
  static const char * const keys[] = { "id", "name", "full_name", "category", "summary",
                                       "keywords", "sections", "related", NULL };
  g_autoptr(NimbusEntry) entry = nimbus_entry_new ();
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *basename = g_path_get_basename (ctx->filename);
  JsonArray *sections;

  check_keys (ctx, root, "a service", keys);
  entry->id = get_slug (ctx, root, "the service");
  if (entry->id == NULL)
    return NULL;

  if (!g_str_has_suffix (basename, ".json") ||
      strlen (basename) != strlen (entry->id) + 5 ||
      strncmp (basename, entry->id, strlen (entry->id)) != 0)
    add_error (ctx->sources, ctx->filename, member_pos (ctx, root, "id"),
               "service id “%s” must match the file name (%s.json)", entry->id, entry->id);

  entry->name = get_string (ctx, root, "the service", "name", TRUE);
  entry->full_name = get_string (ctx, root, "the service", "full_name", TRUE);
  entry->category_id = get_string (ctx, root, "the service", "category", TRUE);
  origin->category = member_pos (ctx, root, "category");
  entry->summary = get_string (ctx, root, "the service", "summary", TRUE);
  entry->keywords = get_strv (ctx, root, "the service", "keywords", TRUE);

  sections = get_array (ctx, root, "the service", "sections", TRUE);
  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      JsonObject *object = get_object_element (ctx, sections, i, "section");

      if (object != NULL)
        g_ptr_array_add (entry->sections, read_section (ctx, object, entry->id, seen_ids));
    }

  read_related (ctx, root, entry, origin);

  return g_steal_pointer (&entry);
}

/* Files */

static JsonObject *
parse (FileContext *ctx,
       const char  *data,
       gsize        length)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_signal_connect (ctx->parser, "object-start", G_CALLBACK (on_object_start), ctx);
  g_signal_connect (ctx->parser, "object-end", G_CALLBACK (on_object_end), ctx);
  g_signal_connect (ctx->parser, "object-member", G_CALLBACK (on_object_member), ctx);
  g_signal_connect (ctx->parser, "array-element", G_CALLBACK (on_array_element), ctx);

  if (!json_parser_load_from_data (ctx->parser, data, length, &error))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: ..." */
      if (g_str_has_prefix (error->message, "<data>:"))
        g_ptr_array_add (ctx->sources->errors,
                         g_strdup_printf ("%s:%s", ctx->filename,
                                          error->message + strlen ("<data>:")));
      else
        g_ptr_array_add (ctx->sources->errors,
                         g_strdup_printf ("%s:1:1: %s", ctx->filename, error->message));
      return NULL;
    }

  root = json_parser_get_root (ctx->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      Pos start = { 1, 1 };

      add_error (ctx->sources, ctx->filename, start, "the file must hold one JSON object");
      return NULL;
    }

  return json_node_get_object (root);
}

static void
file_context_init (FileContext     *ctx,
                   NimbusKbSources *sources,
                   const char      *filename)
{
  ctx->sources = sources;
  ctx->filename = filename;
  ctx->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->open_objects = g_array_new (FALSE, FALSE, sizeof (Pos));
  ctx->parser = json_parser_new_immutable ();
}

static void
file_context_clear (FileContext *ctx)
{
  g_hash_table_unref (ctx->positions);
  g_array_unref (ctx->open_objects);
  g_object_unref (ctx->parser);
}

void
nimbus_kb_sources_add_service (NimbusKbSources *self,
                               const char      *filename,
                               const char      *data,
                               gsize            length)
{
  FileContext ctx;
  JsonObject *root;

  g_return_if_fail (self != NULL);
  g_return_if_fail (filename != NULL);

  file_context_init (&ctx, self, filename);
  if ((root = parse (&ctx, data, length)) != NULL)
    {
      EntryOrigin *origin = g_new0 (EntryOrigin, 1);
      NimbusEntry *entry;

      origin->filename = g_strdup (filename);
      origin->related = g_array_new (FALSE, FALSE, sizeof (Pos));
      if ((entry = read_service (&ctx, root, origin)) != NULL)
        {
          g_ptr_array_add (self->entries, entry);
          g_ptr_array_add (self->origins, origin);
        }
      else
        entry_origin_free (origin);
    }
  file_context_clear (&ctx);
}

void
nimbus_kb_sources_add_categories (NimbusKbSources *self,
                                  const char      *filename,
                                  const char      *data,
                                  gsize            length)
{
  static const char * const top_keys[] = { "categories", NULL };
  static const char * const keys[] = { "id", "name", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FileContext ctx;
  JsonObject *root;
  JsonArray *array;

  g_return_if_fail (self != NULL);
  g_return_if_fail (filename != NULL);

  file_context_init (&ctx, self, filename);
  if (self->categories_file != NULL)
    {
      Pos start = { 1, 1 };

      add_error (self, filename, start, "categories given twice (also in %s)",
                 self->categories_file);
      goto out;
    }
  self->categories_file = g_strdup (filename);
  if ((root = parse (&ctx, data, length)) == NULL)
    goto out;

  check_keys (&ctx, root, "the categories file", top_keys);
  array = get_array (&ctx, root, "the categories file", "categories", TRUE);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_object_element (&ctx, array, i, "category");
      NimbusCategory *category;

      if (object == NULL)
        continue;

      check_keys (&ctx, object, "a category", keys);
      category = g_new0 (NimbusCategory, 1);
      category->id = get_slug (&ctx, object, "a category");
      category->name = get_string (&ctx, object, "a category", "name", TRUE);
      if (category->id == NULL || category->name == NULL)
        {
          nimbus_category_free (category);
          continue;
        }

      check_unique (&ctx, seen, category->id, member_pos (&ctx, object, "id"), "category");
      g_ptr_array_add (self->categories, category);
    }

out:
  file_context_clear (&ctx);
}

gboolean
nimbus_kb_sources_add_file (NimbusKbSources *self,
                            const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_ptr_array_add (self->errors, g_strdup_printf ("%s:1:1: %s", path, error->message));
      return FALSE;
    }

  if (g_str_equal (basename, "categories.json"))
    nimbus_kb_sources_add_categories (self, path, data, length);
  else
    nimbus_kb_sources_add_service (self, path, data, length);

  return TRUE;
}

/* Checks across files, then sidebar order */

static const NimbusCategory *
find_category (NimbusKbSources *self,
               const char      *id,
               guint           *position)
{
  for (guint i = 0; i < self->categories->len; i++)
    {
      const NimbusCategory *category = g_ptr_array_index (self->categories, i);

      if (g_strcmp0 (category->id, id) == 0)
        {
          *position = i;
          return category;
        }
    }

  return NULL;
}

static void
check_related (NimbusKbSources *self,
               GHashTable      *service_ids)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      NimbusEntry *entry = g_ptr_array_index (self->entries, i);
      EntryOrigin *origin = g_ptr_array_index (self->origins, i);

      for (guint j = 0; entry->related != NULL && entry->related[j] != NULL; j++)
        {
          const char *related = entry->related[j];
          Pos pos = g_array_index (origin->related, Pos, j);

          if (g_str_equal (related, entry->id))
            add_error (self, origin->filename, pos, "a service cannot be related to itself");
          else if (!g_hash_table_contains (service_ids, related))
            add_error (self, origin->filename, pos, "unknown related service “%s”", related);
          else if (g_strv_contains ((const char * const *) entry->related + j + 1, related))
            add_error (self, origin->filename, pos, "related service “%s” listed twice", related);
        }
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  NimbusKbSources *self = user_data;
  const NimbusEntry *ea = *(NimbusEntry **) a;
  const NimbusEntry *eb = *(NimbusEntry **) b;
  guint pa = 0, pb = 0;
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  int cmp;

  find_category (self, ea->category_id, &pa);
  find_category (self, eb->category_id, &pb);
  if (pa != pb)
    return pa < pb ? -1 : 1;

  na = g_ascii_strdown (ea->name != NULL ? ea->name : "", -1);
  nb = g_ascii_strdown (eb->name != NULL ? eb->name : "", -1);
  cmp = strcmp (na, nb);

  return cmp != 0 ? cmp : strcmp (ea->id, eb->id);
}

void
nimbus_kb_sources_finish (NimbusKbSources *self)
{
  g_autoptr(GHashTable) service_ids = g_hash_table_new (g_str_hash, g_str_equal);
  Pos start = { 1, 1 };

  g_return_if_fail (self != NULL);

  if (self->categories_file == NULL)
    g_ptr_array_add (self->errors, g_strdup ("categories.json:1:1: no categories file given"));

  for (guint i = 0; i < self->entries->len; i++)
    {
      NimbusEntry *entry = g_ptr_array_index (self->entries, i);
      EntryOrigin *origin = g_ptr_array_index (self->origins, i);
      const NimbusCategory *category;
      guint position;

      if (g_hash_table_contains (service_ids, entry->id))
        add_error (self, origin->filename, start, "service “%s” is defined twice", entry->id);
      g_hash_table_add (service_ids, entry->id);

      if (entry->category_id == NULL)
        continue;
      if ((category = find_category (self, entry->category_id, &position)) == NULL)
        add_error (self, origin->filename, origin->category,
                   "unknown category “%s” (see %s)", entry->category_id,
                   self->categories_file != NULL ? self->categories_file : "categories.json");
      else
        entry->category_name = g_strdup (category->name);
    }

  check_related (self, service_ids);

  if (self->errors->len == 0)
    g_ptr_array_sort_with_data (self->entries, compare_entries, self);
}
