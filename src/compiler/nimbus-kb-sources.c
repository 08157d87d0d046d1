/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-sources"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "nimbus-kb-questions.h"
#include "nimbus-kb-reader.h"
#include "nimbus-kb-sources.h"

typedef struct
{
  char *filename;
  NimbusKbPos category;
  NimbusKbPos aliases;
  GArray *exams;          /* NimbusKbPos of each exam id */
  GArray *related;        /* NimbusKbPos of each related id */
} EntryOrigin;

struct _NimbusKbSources
{
  GPtrArray *errors;
  GPtrArray *categories;  /* NimbusCategory */
  GPtrArray *exams;       /* NimbusExam */
  GPtrArray *entries;     /* NimbusEntry */
  GPtrArray *origins;     /* EntryOrigin, parallel to entries */
  GPtrArray *questions;   /* NimbusKbQuestion */
  char *categories_file;
};

static const char * const widget_names[] = {
  "capacity-calculator", "cache-strategy", "lambda-concurrency", "kinesis-shards", "ebs-iops",
  "sqs-visibility", "api-throttling", NULL
};

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
  g_array_unref (origin->exams);
  g_array_unref (origin->related);
  g_free (origin);
}

NimbusKbSources *
nimbus_kb_sources_new (void)
{
  NimbusKbSources *self = g_new0 (NimbusKbSources, 1);

  self->errors = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_category_free);
  self->exams = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_exam_free);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_entry_free);
  self->origins = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_origin_free);
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_kb_question_free);

  return self;
}

void
nimbus_kb_sources_free (NimbusKbSources *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->errors);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->exams);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->origins);
  g_ptr_array_unref (self->questions);
  g_free (self->categories_file);
  g_free (self);
}

GPtrArray *
nimbus_kb_sources_get_errors (NimbusKbSources *self)
{
  return self->errors;
}

GPtrArray *
nimbus_kb_sources_get_exams (NimbusKbSources *self)
{
  return self->exams;
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

GPtrArray *
nimbus_kb_sources_get_questions (NimbusKbSources *self)
{
  return self->questions;
}


/* Blocks, sections, services */

static void
read_table (NimbusKbReader *ctx,
            JsonObject     *object,
            NimbusBlock    *block)
{
  JsonArray *rows = nimbus_kb_reader_get_array (ctx, object, "a table", "rows", TRUE);

  block->items = nimbus_kb_reader_get_strv (ctx, object, "a table", "columns", TRUE);
  if (rows == NULL || block->items == NULL)
    return;

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      GStrv row;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          nimbus_kb_reader_error (ctx, nimbus_kb_reader_element_pos (ctx, rows, i),
                                  "row %u of a table must be an array of strings", i + 1);
          continue;
        }

      row = nimbus_kb_reader_read_strv (ctx, json_node_get_array (node), "rows", "a table", TRUE);
      if (g_strv_length (row) != g_strv_length (block->items))
        nimbus_kb_reader_error (ctx, nimbus_kb_reader_element_pos (ctx, rows, i),
                                "row %u of a table has %u cell%s, the table has %u columns", i + 1,
                                g_strv_length (row), g_strv_length (row) == 1 ? "" : "s",
                                g_strv_length (block->items));
      g_ptr_array_add (block->rows, row);
    }
}

static void
read_fact (NimbusKbReader *ctx,
           JsonObject     *object,
           NimbusBlock    *block)
{
  static const char * const previous_keys[] = { "value", "unit", "until", NULL };
  JsonNode *previous = json_object_get_member (object, "previous");

  block->label = nimbus_kb_reader_get_string (ctx, object, "a fact", "label", TRUE);
  block->value = nimbus_kb_reader_get_string (ctx, object, "a fact", "value", TRUE);
  block->unit = nimbus_kb_reader_get_string (ctx, object, "a fact", "unit", FALSE);
  block->limits = nimbus_kb_reader_get_string (ctx, object, "a fact", "limits", TRUE);
  block->note = nimbus_kb_reader_get_string (ctx, object, "a fact", "note", FALSE);

  if (previous == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (previous))
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "previous"),
                              "“previous” of a fact must be an object");
      return;
    }

  nimbus_kb_reader_check_keys (ctx, json_node_get_object (previous), "“previous”", previous_keys);
  block->previous_value = nimbus_kb_reader_get_string (ctx, json_node_get_object (previous),
                                                       "“previous”", "value", TRUE);
  block->previous_unit = nimbus_kb_reader_get_string (ctx, json_node_get_object (previous),
                                                      "“previous”", "unit", FALSE);
  block->previous_until = nimbus_kb_reader_get_string (ctx, json_node_get_object (previous),
                                                       "“previous”", "until", TRUE);
}

static gboolean
read_ordered (NimbusKbReader *ctx,
              JsonObject     *object)
{
  JsonNode *node = json_object_get_member (object, "ordered");

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "ordered"),
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
read_block (NimbusKbReader *ctx,
            JsonObject     *object,
            const char     *section_id)
{
  g_autofree char *type_name = nimbus_kb_reader_get_string (ctx, object, "a block", "type", TRUE);
  g_autoptr(NimbusBlock) block = NULL;
  NimbusBlockType type;

  if (type_name == NULL)
    return NULL;

  if (!nimbus_block_type_from_string (type_name, &type))
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "type"),
                              "unknown block type “%s” (expected paragraph, list, table, tip, "
                              "fact or widget)", type_name);
      return NULL;
    }

  block = nimbus_block_new (type);
  nimbus_kb_reader_check_keys (ctx, object, type_name, block_keys (type));

  if (type == NIMBUS_BLOCK_TIP || type == NIMBUS_BLOCK_FACT)
    {
      g_autofree char *slug = nimbus_kb_reader_get_slug (ctx, object, type_name);

      if (slug != NULL)
        block->id = g_strdup_printf ("%s#%s", section_id, slug);
    }

  switch (type)
    {
    case NIMBUS_BLOCK_PARAGRAPH:
    case NIMBUS_BLOCK_TIP:
      block->text = nimbus_kb_reader_get_string (ctx, object, type_name, "text", TRUE);
      break;
    case NIMBUS_BLOCK_LIST:
      block->items = nimbus_kb_reader_get_strv (ctx, object, "a list", "items", TRUE);
      block->ordered = read_ordered (ctx, object);
      break;
    case NIMBUS_BLOCK_TABLE:
      block->text = nimbus_kb_reader_get_string (ctx, object, "a table", "caption", FALSE);
      read_table (ctx, object, block);
      break;
    case NIMBUS_BLOCK_FACT:
      read_fact (ctx, object, block);
      break;
    case NIMBUS_BLOCK_WIDGET:
      block->text = nimbus_kb_reader_get_string (ctx, object, "a widget", "caption", FALSE);
      block->name = nimbus_kb_reader_get_string (ctx, object, "a widget", "name", TRUE);
      if (block->name != NULL && !g_strv_contains (widget_names, block->name))
        {
          g_autofree char *expected = g_strjoinv (", ", (GStrv) widget_names);

          nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "name"),
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
read_sources (NimbusKbReader *ctx,
              JsonObject     *object,
              NimbusSection  *section)
{
  static const char * const keys[] = { "url", "title", "checked", NULL };
  JsonArray *array = nimbus_kb_reader_get_array (ctx, object, "a section", "sources", FALSE);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *source_object = nimbus_kb_reader_get_object (ctx, array, i, "source");
      NimbusSource *source;

      if (source_object == NULL)
        continue;

      nimbus_kb_reader_check_keys (ctx, source_object, "a source", keys);
      source = nimbus_source_new ();
      source->url = nimbus_kb_reader_get_string (ctx, source_object, "a source", "url", TRUE);
      source->title = nimbus_kb_reader_get_string (ctx, source_object, "a source", "title", FALSE);
      source->checked = nimbus_kb_reader_get_string (ctx, source_object, "a source", "checked",
                                                     TRUE);

      if (source->url != NULL && !g_str_has_prefix (source->url, "https://"))
        nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, source_object, "url"),
                                "source url “%s” must start with https://", source->url);
      if (source->checked != NULL && !is_date (source->checked))
        nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, source_object, "checked"),
                                "“checked” must be a date as YYYY-MM-DD, not “%s”",
                                source->checked);

      g_ptr_array_add (section->sources, source);
    }
}

static void
check_unique (NimbusKbReader *ctx,
              GHashTable     *seen,
              const char     *id,
              NimbusKbPos     pos,
              const char     *what)
{
  if (id == NULL)
    return;

  if (g_hash_table_contains (seen, id))
    nimbus_kb_reader_error (ctx, pos, "duplicate %s id “%s”", what, id);
  else
    g_hash_table_add (seen, g_strdup (id));
}

static NimbusSection *
read_section (NimbusKbReader *ctx,
              JsonObject     *object,
              const char     *service_id,
              GHashTable     *seen_ids)
{
  static const char * const keys[] = { "id", "title", "keywords", "blocks", "sources", NULL };
  g_autoptr(NimbusSection) section = nimbus_section_new ();
  g_autofree char *slug = NULL;
  JsonArray *blocks;

  nimbus_kb_reader_check_keys (ctx, object, "a section", keys);
  slug = nimbus_kb_reader_get_slug (ctx, object, "a section");
  section->id = g_strdup_printf ("%s/%s", service_id, slug != NULL ? slug : "?");
  section->title = nimbus_kb_reader_get_string (ctx, object, "a section", "title", TRUE);
  section->keywords = nimbus_kb_reader_get_strv (ctx, object, "a section", "keywords", FALSE);
  if (slug != NULL)
    check_unique (ctx, seen_ids, section->id, nimbus_kb_reader_member_pos (ctx, object, "id"),
                  "section");

  blocks = nimbus_kb_reader_get_array (ctx, object, "a section", "blocks", TRUE);
  for (guint i = 0; blocks != NULL && i < json_array_get_length (blocks); i++)
    {
      JsonObject *block_object = nimbus_kb_reader_get_object (ctx, blocks, i, "block");
      NimbusBlock *block;

      if (block_object == NULL || (block = read_block (ctx, block_object, section->id)) == NULL)
        continue;

      check_unique (ctx, seen_ids, block->id, nimbus_kb_reader_member_pos (ctx, block_object, "id"),
                    nimbus_block_type_to_string (block->type));
      g_ptr_array_add (section->blocks, block);
    }

  read_sources (ctx, object, section);

  return g_steal_pointer (&section);
}

static void
read_related (NimbusKbReader *ctx,
              JsonObject     *object,
              NimbusEntry    *entry,
              EntryOrigin    *origin)
{
  JsonArray *array;

  if (json_object_get_member (object, "related") == NULL)
    {
      entry->related = g_new0 (char *, 1);
      return;
    }

  entry->related = nimbus_kb_reader_get_strv (ctx, object, "the service", "related", FALSE);
  array = json_object_get_array_member (object, "related");
  for (guint i = 0; entry->related != NULL && i < g_strv_length (entry->related); i++)
    {
      NimbusKbPos pos = nimbus_kb_reader_element_pos (ctx, array, i);
      g_array_append_val (origin->related, pos);
    }
}

static NimbusEntry *
read_service (NimbusKbReader *ctx,
              JsonObject     *root,
              EntryOrigin    *origin)
{
  static const char * const keys[] = { "id", "name", "full_name", "category", "summary",
                                       "keywords", "aliases", "exams", "sections", "related",
                                       NULL };
  g_autoptr(NimbusEntry) entry = nimbus_entry_new ();
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *basename = g_path_get_basename (ctx->filename);
  JsonArray *sections;

  nimbus_kb_reader_check_keys (ctx, root, "a service", keys);
  entry->id = nimbus_kb_reader_get_slug (ctx, root, "the service");
  if (entry->id == NULL)
    return NULL;

  if (!g_str_has_suffix (basename, ".json") ||
      strlen (basename) != strlen (entry->id) + 5 ||
      strncmp (basename, entry->id, strlen (entry->id)) != 0)
    nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, root, "id"),
                            "service id “%s” must match the file name (%s.json)", entry->id,
                            entry->id);

  entry->name = nimbus_kb_reader_get_string (ctx, root, "the service", "name", TRUE);
  entry->full_name = nimbus_kb_reader_get_string (ctx, root, "the service", "full_name", TRUE);
  entry->category_id = nimbus_kb_reader_get_string (ctx, root, "the service", "category", TRUE);
  origin->category = nimbus_kb_reader_member_pos (ctx, root, "category");
  entry->summary = nimbus_kb_reader_get_string (ctx, root, "the service", "summary", TRUE);
  entry->keywords = nimbus_kb_reader_get_strv (ctx, root, "the service", "keywords", TRUE);
  entry->aliases = nimbus_kb_reader_get_strv (ctx, root, "the service", "aliases", FALSE);
  origin->aliases = nimbus_kb_reader_member_pos (ctx, root, "aliases");
  entry->exams = nimbus_kb_reader_get_strv (ctx, root, "the service", "exams", TRUE);
  for (guint i = 0; entry->exams != NULL && entry->exams[i] != NULL; i++)
    {
      NimbusKbPos pos = nimbus_kb_reader_element_pos (ctx,
                                                      json_object_get_array_member (root, "exams"),
                                                      i);

      g_array_append_val (origin->exams, pos);
    }

  sections = nimbus_kb_reader_get_array (ctx, root, "the service", "sections", TRUE);
  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      JsonObject *object = nimbus_kb_reader_get_object (ctx, sections, i, "section");

      if (object != NULL)
        g_ptr_array_add (entry->sections, read_section (ctx, object, entry->id, seen_ids));
    }

  read_related (ctx, root, entry, origin);

  return g_steal_pointer (&entry);
}

/* Files */

void
nimbus_kb_sources_add_service (NimbusKbSources *self,
                               const char      *filename,
                               const char      *data,
                               gsize            length)
{
  NimbusKbReader ctx;
  JsonObject *root;

  g_return_if_fail (self != NULL);
  g_return_if_fail (filename != NULL);

  nimbus_kb_reader_init (&ctx, self->errors, filename);
  if ((root = nimbus_kb_reader_parse (&ctx, data, length)) != NULL)
    {
      EntryOrigin *origin = g_new0 (EntryOrigin, 1);
      NimbusEntry *entry;

      origin->filename = g_strdup (filename);
      origin->exams = g_array_new (FALSE, FALSE, sizeof (NimbusKbPos));
      origin->related = g_array_new (FALSE, FALSE, sizeof (NimbusKbPos));
      if ((entry = read_service (&ctx, root, origin)) != NULL)
        {
          g_ptr_array_add (self->entries, entry);
          g_ptr_array_add (self->origins, origin);
        }
      else
        entry_origin_free (origin);
    }
  nimbus_kb_reader_clear (&ctx);
}

/* The domains of an exam's guide: numbered 1, 2, ... in order, weights summing to 100. */
static void
read_domains (NimbusKbReader *ctx,
              JsonObject     *object,
              NimbusExam     *exam)
{
  static const char * const keys[] = { "number", "name", "weight", NULL };
  JsonArray *array = nimbus_kb_reader_get_array (ctx, object, "an exam", "domains", TRUE);
  gint64 total = 0;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *domain_object = nimbus_kb_reader_get_object (ctx, array, i, "domain");
      g_autofree char *name = NULL;
      NimbusExamDomain *domain;
      gint64 number = 0, weight = 0;

      if (domain_object == NULL)
        continue;

      nimbus_kb_reader_check_keys (ctx, domain_object, "a domain", keys);
      name = nimbus_kb_reader_get_string (ctx, domain_object, "a domain", "name", TRUE);
      if (nimbus_kb_reader_get_int (ctx, domain_object, "a domain", "number", TRUE, 1, 99,
                                    &number) &&
          number != i + 1)
        nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, domain_object, "number"),
                                "domain %u of an exam must be numbered %u, not %" G_GINT64_FORMAT,
                                i + 1, i + 1, number);
      if (nimbus_kb_reader_get_int (ctx, domain_object, "a domain", "weight", TRUE, 1, 100,
                                    &weight))
        total += weight;

      domain = g_new0 (NimbusExamDomain, 1);
      domain->number = i + 1;
      domain->name = g_steal_pointer (&name);
      domain->weight = weight;
      g_ptr_array_add (exam->domains, domain);
    }

  if (array != NULL && total != 100)
    nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "domains"),
                            "the weights of an exam's domains sum to %" G_GINT64_FORMAT
                            ", not 100", total);
}

/* The exams a service can be on, in the order the sidebar offers them. */
static void
read_exams (NimbusKbReader  *ctx,
            NimbusKbSources *self,
            JsonObject      *root)
{
  static const char * const keys[] = { "id", "name", "short_name", "domains", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array = nimbus_kb_reader_get_array (ctx, root, "the categories file", "exams", TRUE);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = nimbus_kb_reader_get_object (ctx, array, i, "exam");
      NimbusExam *exam;

      if (object == NULL)
        continue;

      nimbus_kb_reader_check_keys (ctx, object, "an exam", keys);
      exam = nimbus_exam_new ();
      exam->id = nimbus_kb_reader_get_slug (ctx, object, "an exam");
      exam->name = nimbus_kb_reader_get_string (ctx, object, "an exam", "name", TRUE);
      exam->short_name = nimbus_kb_reader_get_string (ctx, object, "an exam", "short_name", TRUE);
      read_domains (ctx, object, exam);
      if (exam->id == NULL || exam->name == NULL || exam->short_name == NULL)
        {
          nimbus_exam_free (exam);
          continue;
        }

      check_unique (ctx, seen, exam->id, nimbus_kb_reader_member_pos (ctx, object, "id"), "exam");
      g_ptr_array_add (self->exams, exam);
    }
}

void
nimbus_kb_sources_add_categories (NimbusKbSources *self,
                                  const char      *filename,
                                  const char      *data,
                                  gsize            length)
{
  static const char * const top_keys[] = { "categories", "exams", NULL };
  static const char * const keys[] = { "id", "name", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  NimbusKbReader ctx;
  JsonObject *root;
  JsonArray *array;

  g_return_if_fail (self != NULL);
  g_return_if_fail (filename != NULL);

  nimbus_kb_reader_init (&ctx, self->errors, filename);
  if (self->categories_file != NULL)
    {
      NimbusKbPos start = { 1, 1 };

      nimbus_kb_reader_error_at (self->errors, filename, start,
                                 "categories given twice (also in %s)", self->categories_file);
      goto out;
    }
  self->categories_file = g_strdup (filename);
  if ((root = nimbus_kb_reader_parse (&ctx, data, length)) == NULL)
    goto out;

  nimbus_kb_reader_check_keys (&ctx, root, "the categories file", top_keys);
  array = nimbus_kb_reader_get_array (&ctx, root, "the categories file", "categories", TRUE);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = nimbus_kb_reader_get_object (&ctx, array, i, "category");
      NimbusCategory *category;

      if (object == NULL)
        continue;

      nimbus_kb_reader_check_keys (&ctx, object, "a category", keys);
      category = g_new0 (NimbusCategory, 1);
      category->id = nimbus_kb_reader_get_slug (&ctx, object, "a category");
      category->name = nimbus_kb_reader_get_string (&ctx, object, "a category", "name", TRUE);
      if (category->id == NULL || category->name == NULL)
        {
          nimbus_category_free (category);
          continue;
        }

      check_unique (&ctx, seen, category->id, nimbus_kb_reader_member_pos (&ctx, object, "id"),
                    "category");
      g_ptr_array_add (self->categories, category);
    }

  read_exams (&ctx, self, root);

out:
  nimbus_kb_reader_clear (&ctx);
}

/* The practice questions of one service, from questions/SERVICE.json. */
void
nimbus_kb_sources_add_questions (NimbusKbSources *self,
                                 const char      *filename,
                                 const char      *data,
                                 gsize            length)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (filename != NULL);

  nimbus_kb_questions_read (self->questions, self->errors, filename, data, length);
}

static gboolean
is_questions_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_path_get_basename (dir);

  return g_str_equal (dir_name, "questions");
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
  else if (is_questions_file (path))
    nimbus_kb_sources_add_questions (self, path, data, length);
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
          NimbusKbPos pos = g_array_index (origin->related, NimbusKbPos, j);

          if (g_str_equal (related, entry->id))
            nimbus_kb_reader_error_at (self->errors, origin->filename, pos,
                                       "a service cannot be related to itself");
          else if (!g_hash_table_contains (service_ids, related))
            nimbus_kb_reader_error_at (self->errors, origin->filename, pos,
                                       "unknown related service “%s”", related);
          else if (g_strv_contains ((const char * const *) entry->related + j + 1, related))
            nimbus_kb_reader_error_at (self->errors, origin->filename, pos,
                                       "related service “%s” listed twice", related);
        }
    }
}

/* Every name of a service (its id, name, full name with and without "Amazon"/"AWS", and
 * its aliases) means that service alone: a name two services claim is an error. */
static void
check_aliases (NimbusKbSources *self)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      NimbusEntry *entry = g_ptr_array_index (self->entries, i);
      EntryOrigin *origin = g_ptr_array_index (self->origins, i);
      g_auto(GStrv) names = nimbus_entry_dup_names (entry);

      for (guint j = 0; names[j] != NULL; j++)
        {
          const NimbusEntry *owner = g_hash_table_lookup (owners, names[j]);

          if (owner != NULL && owner != entry)
            nimbus_kb_reader_error_at (self->errors, origin->filename, origin->aliases,
                                       "the name “%s” already means the service “%s”",
                                       names[j], owner->id);
          else if (*names[j] != '\0')
            g_hash_table_insert (owners, g_strdup (names[j]), entry);
        }
    }
}

static const NimbusExam *
find_exam (NimbusKbSources *self,
           const char      *id)
{
  for (guint i = 0; i < self->exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (self->exams, i);

      if (g_str_equal (exam->id, id))
        return exam;
    }

  return NULL;
}

/* Every exam of a service (the reader has seen there is one at least) is known and named
 * once; their names follow. */
static void
check_exams (NimbusKbSources   *self,
             NimbusEntry       *entry,
             const EntryOrigin *origin)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (entry->exams == NULL)
    return;

  for (guint i = 0; entry->exams[i] != NULL; i++)
    {
      const NimbusExam *exam = find_exam (self, entry->exams[i]);
      NimbusKbPos pos = g_array_index (origin->exams, NimbusKbPos, i);

      if (exam == NULL)
        nimbus_kb_reader_error_at (self->errors, origin->filename, pos,
                                   "unknown exam “%s” (see %s)", entry->exams[i],
                                   self->categories_file != NULL ? self->categories_file
                                                                 : "categories.json");
      else if (!g_hash_table_add (seen, exam->id))
        nimbus_kb_reader_error_at (self->errors, origin->filename, pos,
                                   "exam “%s” listed twice", exam->id);
      else
        g_strv_builder_add (names, exam->short_name);
    }

  entry->exam_names = g_strv_builder_end (names);
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
  NimbusKbPos start = { 1, 1 };

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
        nimbus_kb_reader_error_at (self->errors, origin->filename, start,
                                   "service “%s” is defined twice", entry->id);
      g_hash_table_add (service_ids, entry->id);
      check_exams (self, entry, origin);

      if (entry->category_id == NULL)
        continue;
      if ((category = find_category (self, entry->category_id, &position)) == NULL)
        nimbus_kb_reader_error_at (self->errors, origin->filename, origin->category,
                                   "unknown category “%s” (see %s)", entry->category_id,
                                   self->categories_file != NULL ? self->categories_file
                                                                 : "categories.json");
      else
        entry->category_name = g_strdup (category->name);
    }

  check_related (self, service_ids);
  check_aliases (self);
  nimbus_kb_questions_check (self->questions, self->errors, self->exams, self->entries);

  if (self->errors->len == 0)
    g_ptr_array_sort_with_data (self->entries, compare_entries, self);
}
