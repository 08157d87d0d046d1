/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-entry-writer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nimbus-entry-writer.h"

/* An entry as JSON (the --show --json contract) and as readable plain text. */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strv)
{
  if (name != NULL)
    json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_block (JsonBuilder       *builder,
           const NimbusBlock *block)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", nimbus_block_type_to_string (block->type));
  add_string (builder, "id", block->id);

  switch (block->type)
    {
    case NIMBUS_BLOCK_PARAGRAPH:
    case NIMBUS_BLOCK_TIP:
      add_string (builder, "text", block->text);
      break;
    case NIMBUS_BLOCK_LIST:
      add_strv (builder, "items", (const char * const *) block->items);
      json_builder_set_member_name (builder, "ordered");
      json_builder_add_boolean_value (builder, block->ordered);
      break;
    case NIMBUS_BLOCK_TABLE:
      add_string (builder, "caption", block->text);
      add_strv (builder, "columns", (const char * const *) block->items);
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
        add_strv (builder, NULL, g_ptr_array_index (block->rows, i));
      json_builder_end_array (builder);
      break;
    case NIMBUS_BLOCK_FACT:
      add_string (builder, "label", block->label);
      add_string (builder, "value", block->value);
      add_string (builder, "unit", block->unit);
      add_string (builder, "limits", block->limits);
      add_string (builder, "note", block->note);
      if (block->previous_value != NULL)
        {
          json_builder_set_member_name (builder, "previous");
          json_builder_begin_object (builder);
          add_string (builder, "value", block->previous_value);
          add_string (builder, "unit", block->previous_unit);
          add_string (builder, "until", block->previous_until);
          json_builder_end_object (builder);
        }
      break;
    case NIMBUS_BLOCK_WIDGET:
      add_string (builder, "name", block->name);
      add_string (builder, "caption", block->text);
      break;
    default:
      g_assert_not_reached ();
    }

  json_builder_end_object (builder);
}

static void
add_section (JsonBuilder         *builder,
             const NimbusSection *section)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", section->id);
  add_string (builder, "title", section->title);
  add_strv (builder, "keywords", (const char * const *) section->keywords);

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < section->blocks->len; i++)
    add_block (builder, g_ptr_array_index (section->blocks, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < section->sources->len; i++)
    {
      const NimbusSource *source = g_ptr_array_index (section->sources, i);

      json_builder_begin_object (builder);
      add_string (builder, "url", source->url);
      add_string (builder, "title", source->title);
      add_string (builder, "checked", source->checked);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

JsonNode *
nimbus_entry_writer_to_json (const NimbusEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (entry != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", entry->id);
  add_string (builder, "name", entry->name);
  add_string (builder, "full_name", entry->full_name);
  add_string (builder, "category", entry->category_name);
  add_string (builder, "category_id", entry->category_id);
  add_strv (builder, "exams", (const char * const *) entry->exams);
  add_string (builder, "summary", entry->summary);
  add_strv (builder, "keywords", (const char * const *) entry->keywords);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entry->sections->len; i++)
    add_section (builder, g_ptr_array_index (entry->sections, i));
  json_builder_end_array (builder);

  add_strv (builder, "related", (const char * const *) entry->related);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Text */

/* Appends text after a first-line prefix, wrapped at width columns (0: never) with the
 * following lines indented as deep as the prefix. */
void
nimbus_entry_writer_append_wrapped (GString    *out,
                                    const char *prefix,
                                    const char *text,
                                    guint       width)
{
  guint indent = g_utf8_strlen (prefix, -1);
  guint column = indent;
  g_auto(GStrv) words = NULL;

  g_string_append (out, prefix);
  if (width == 0 || width <= indent + 20)
    {
      g_string_append (out, text);
      g_string_append_c (out, '\n');
      return;
    }

  words = g_strsplit_set (text, " \n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint len = g_utf8_strlen (words[i], -1);

      if (len == 0)
        continue;

      if (column > indent && column + 1 + len > width)
        {
          g_string_append_c (out, '\n');
          for (guint j = 0; j < indent; j++)
            g_string_append_c (out, ' ');
          column = indent;
        }
      else if (column > indent)
        {
          g_string_append_c (out, ' ');
          column++;
        }

      g_string_append (out, words[i]);
      column += len;
    }

  g_string_append_c (out, '\n');
}

static void
append_fact (GString           *out,
             const NimbusBlock *block,
             guint              width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *prefix = NULL;

  g_string_append_printf (text, "%s%s%s — %s", block->value,
                          block->unit != NULL ? " " : "", block->unit != NULL ? block->unit : "",
                          block->limits);
  if (block->previous_value != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: an older figure of a fact: "(256 KB until August 2025)" */
      g_string_append_printf (text, _("(%s%s%s until %s)"), block->previous_value,
                              block->previous_unit != NULL ? " " : "",
                              block->previous_unit != NULL ? block->previous_unit : "",
                              block->previous_until);
    }
  if (block->note != NULL)
    g_string_append_printf (text, ". %s", block->note);

  prefix = g_strdup_printf ("  %s: ", block->label);
  nimbus_entry_writer_append_wrapped (out, prefix, text->str, width);
}

static void
append_table (GString           *out,
              const NimbusBlock *block,
              guint              width)
{
  if (block->text != NULL)
    nimbus_entry_writer_append_wrapped (out, "  ", block->text, width);

  /* Each row as a small record: its first cell, then "Heading: cell" for the others. */
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (block->rows, i);

      nimbus_entry_writer_append_wrapped (out, "  • ", row[0], width);
      for (guint j = 1; row[j] != NULL && block->items[j] != NULL; j++)
        {
          g_autofree char *prefix = g_strdup_printf ("      %s: ", block->items[j]);

          nimbus_entry_writer_append_wrapped (out, prefix, row[j], width);
        }
    }
}

static void
append_block (GString           *out,
              const NimbusBlock *block,
              guint              width)
{
  switch (block->type)
    {
    case NIMBUS_BLOCK_PARAGRAPH:
      nimbus_entry_writer_append_wrapped (out, "  ", block->text, width);
      break;
    case NIMBUS_BLOCK_LIST:
      for (guint i = 0; block->items[i] != NULL; i++)
        {
          g_autofree char *prefix = block->ordered ? g_strdup_printf ("  %u. ", i + 1)
                                                   : g_strdup ("  • ");

          nimbus_entry_writer_append_wrapped (out, prefix, block->items[i], width);
        }
      break;
    case NIMBUS_BLOCK_TABLE:
      append_table (out, block, width);
      break;
    case NIMBUS_BLOCK_TIP:
      nimbus_entry_writer_append_wrapped (out, _("  Exam tip: "), block->text, width);
      break;
    case NIMBUS_BLOCK_FACT:
      append_fact (out, block, width);
      break;
    case NIMBUS_BLOCK_WIDGET:
      nimbus_entry_writer_append_wrapped (out, _("  Interactive: "),
                                          block->text != NULL
                                          ? block->text
                                          : _("open this page in the Nimbus window to use it"),
                                          width);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
append_section (GString             *out,
                const NimbusSection *section,
                guint                width)
{
  g_string_append_printf (out, "\n%s  [%s]\n", section->title, section->id);

  for (guint i = 0; i < section->blocks->len; i++)
    {
      g_string_append_c (out, '\n');
      append_block (out, g_ptr_array_index (section->blocks, i), width);
    }

  if (section->sources->len > 0)
    g_string_append_printf (out, "\n  %s\n", _("Sources:"));
  for (guint i = 0; i < section->sources->len; i++)
    {
      const NimbusSource *source = g_ptr_array_index (section->sources, i);
      g_autofree char *line = NULL;

      /* Translators: a source URL and the date it was checked */
      line = g_strdup_printf (_("%s (checked %s)"), source->url, source->checked);
      nimbus_entry_writer_append_wrapped (out, "    ", line, width);
    }
}

char *
nimbus_entry_writer_to_text (const NimbusEntry *entry,
                             guint              width)
{
  GString *out;

  g_return_val_if_fail (entry != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s — %s\n%s\n\n", entry->name, entry->full_name,
                          entry->category_name);
  nimbus_entry_writer_append_wrapped (out, "", entry->summary, width);

  for (guint i = 0; i < entry->sections->len; i++)
    append_section (out, g_ptr_array_index (entry->sections, i), width);

  if (entry->related[0] != NULL)
    {
      g_autofree char *related = g_strjoinv (", ", entry->related);

      g_string_append_c (out, '\n');
      nimbus_entry_writer_append_wrapped (out, _("Related: "), related, width);
    }

  return g_string_free (out, FALSE);
}
