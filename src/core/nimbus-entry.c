/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-entry"

#include "config.h"

#include <string.h>

#include "nimbus-entry.h"
#include "nimbus-enum.h"
#include "nimbus-query.h"

const char *
nimbus_block_type_to_string (NimbusBlockType type)
{
  return nimbus_enum_get_nick (NIMBUS_TYPE_BLOCK_TYPE, type);
}

gboolean
nimbus_block_type_from_string (const char      *str,
                               NimbusBlockType *type)
{
  int value;

  g_return_val_if_fail (type != NULL, FALSE);

  if (!nimbus_enum_from_nick (NIMBUS_TYPE_BLOCK_TYPE, str, &value))
    return FALSE;

  *type = value;
  return TRUE;
}

NimbusBlock *
nimbus_block_new (NimbusBlockType type)
{
  NimbusBlock *block = g_new0 (NimbusBlock, 1);

  block->type = type;

  return block;
}

void
nimbus_block_free (NimbusBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->id);
  g_free (block->text);
  g_free (block->name);
  g_strfreev (block->items);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->label);
  g_free (block->value);
  g_free (block->unit);
  g_free (block->limits);
  g_free (block->note);
  g_free (block->previous_value);
  g_free (block->previous_unit);
  g_free (block->previous_until);
  g_free (block);
}

static void
append_words (GString    *str,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  if (str->len > 0)
    g_string_append_c (str, ' ');

  g_string_append (str, text);
}

static void
append_strv (GString            *str,
             const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    append_words (str, strv[i]);
}

/* Everything a reader sees of a block, as one run of words: what search indexes. */
char *
nimbus_block_dup_plain_text (const NimbusBlock *block)
{
  GString *str;

  g_return_val_if_fail (block != NULL, NULL);

  str = g_string_new (NULL);
  append_words (str, block->label);
  append_words (str, block->value);
  append_words (str, block->unit);
  append_words (str, block->limits);
  append_words (str, block->note);
  append_words (str, block->previous_value);
  append_words (str, block->previous_unit);
  append_words (str, block->previous_until);
  append_words (str, block->text);
  append_strv (str, (const char * const *) block->items);

  for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
    append_strv (str, g_ptr_array_index (block->rows, i));

  return g_string_free (str, FALSE);
}

void
nimbus_exam_domain_free (NimbusExamDomain *domain)
{
  if (domain == NULL)
    return;

  g_free (domain->name);
  g_free (domain);
}

NimbusExam *
nimbus_exam_new (void)
{
  NimbusExam *exam = g_new0 (NimbusExam, 1);

  exam->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_exam_domain_free);
  return exam;
}

void
nimbus_exam_free (NimbusExam *exam)
{
  if (exam == NULL)
    return;

  g_free (exam->id);
  g_free (exam->name);
  g_free (exam->short_name);
  g_ptr_array_unref (exam->domains);
  g_free (exam);
}

/* The domain numbered number, or NULL when the exam has none such. */
const NimbusExamDomain *
nimbus_exam_find_domain (const NimbusExam *exam,
                         guint             number)
{
  g_return_val_if_fail (exam != NULL, NULL);

  for (guint i = 0; i < exam->domains->len; i++)
    {
      const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, i);

      if (domain->number == number)
        return domain;
    }

  return NULL;
}

NimbusSource *
nimbus_source_new (void)
{
  return g_new0 (NimbusSource, 1);
}

void
nimbus_source_free (NimbusSource *source)
{
  if (source == NULL)
    return;

  g_free (source->url);
  g_free (source->title);
  g_free (source->checked);
  g_free (source);
}

NimbusSection *
nimbus_section_new (void)
{
  NimbusSection *section = g_new0 (NimbusSection, 1);

  section->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_block_free);
  section->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_source_free);

  return section;
}

void
nimbus_section_free (NimbusSection *section)
{
  if (section == NULL)
    return;

  g_free (section->id);
  g_free (section->title);
  g_strfreev (section->keywords);
  g_ptr_array_unref (section->blocks);
  g_ptr_array_unref (section->sources);
  g_free (section);
}

const NimbusBlock *
nimbus_section_find_item (const NimbusSection *section,
                          const char          *item_id)
{
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  for (guint i = 0; i < section->blocks->len; i++)
    {
      const NimbusBlock *block = g_ptr_array_index (section->blocks, i);

      if (g_strcmp0 (block->id, item_id) == 0)
        return block;
    }

  return NULL;
}

/* "sqs/visibility-timeout#default" -> "sqs" */
char *
nimbus_id_dup_service_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_strndup (id, strcspn (id, "/#"));
}

/* "sqs/visibility-timeout#default" -> "sqs/visibility-timeout"; NULL for a service id. */
char *
nimbus_id_dup_section_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  if (strchr (id, '/') == NULL)
    return NULL;

  return g_strndup (id, strcspn (id, "#"));
}

/* One slug: lower-case letters and digits in runs joined by single dashes. */
static const char *
skip_slug (const char *p)
{
  const char *start = p;

  while (g_ascii_islower (*p) || g_ascii_isdigit (*p) ||
         (*p == '-' && p != start && p[1] != '-' && p[1] != '\0'))
    p++;

  return p != start && p[-1] != '-' ? p : NULL;
}

/* SERVICE, SERVICE/SECTION or SERVICE/SECTION#ITEM, each part a slug: the only ids the
 * knowledge base makes, so the only ones the user store keeps. */
gboolean
nimbus_id_is_valid (const char *id)
{
  const char *p;

  if (id == NULL || strlen (id) > NIMBUS_ID_MAX_LENGTH || (p = skip_slug (id)) == NULL)
    return FALSE;
  if (*p == '/' && (p = skip_slug (p + 1)) != NULL && *p == '#')
    p = skip_slug (p + 1);

  return p != NULL && *p == '\0';
}

/* Every name that means this service, folded as a query folds text ("simple queue
 * service"), without repeats: id, name, "Amazon NAME", "AWS NAME", full name, full name
 * without "Amazon " or "AWS ", and the aliases of its source. */
GStrv
nimbus_entry_dup_names (const NimbusEntry *entry)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (entry->id));
  g_ptr_array_add (names, g_strdup (entry->name));
  g_ptr_array_add (names, g_strdup (entry->full_name));
  /* "Amazon SQS" and "AWS SQS" are its name too. */
  g_ptr_array_add (names, entry->name != NULL ? g_strconcat ("Amazon ", entry->name, NULL) : NULL);
  g_ptr_array_add (names, entry->name != NULL ? g_strconcat ("AWS ", entry->name, NULL) : NULL);
  for (guint i = 0; entry->aliases != NULL && entry->aliases[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (entry->aliases[i]));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *folded = NULL;

      if (name == NULL)
        continue;

      folded = nimbus_query_fold_phrase (name);
      for (guint pass = 0; pass < 2; pass++)
        {
          if (*folded != '\0' && g_hash_table_add (seen, g_strdup (folded)))
            g_strv_builder_add (builder, folded);

          /* "Amazon Simple Queue Service" is also "Simple Queue Service". */
          if (g_str_has_prefix (folded, "amazon ") || g_str_has_prefix (folded, "aws "))
            {
              char *rest = g_strdup (strchr (folded, ' ') + 1);
              g_free (folded);
              folded = rest;
            }
          else
            break;
        }
    }

  return g_strv_builder_end (builder);
}

/* How many of nimbus_entry_dup_names () come first as the service's own names, before its
 * aliases. */
guint
nimbus_entry_count_own_names (const NimbusEntry *entry)
{
  NimbusEntry own = *entry;
  g_auto(GStrv) names = NULL;

  own.aliases = NULL;
  names = nimbus_entry_dup_names (&own);
  return g_strv_length (names);
}

NimbusEntry *
nimbus_entry_new (void)
{
  NimbusEntry *entry = g_new0 (NimbusEntry, 1);

  entry->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_section_free);

  return entry;
}

void
nimbus_entry_free (NimbusEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->full_name);
  g_free (entry->category_id);
  g_free (entry->category_name);
  g_free (entry->summary);
  g_strfreev (entry->keywords);
  g_strfreev (entry->aliases);
  g_strfreev (entry->exams);
  g_strfreev (entry->exam_names);
  g_ptr_array_unref (entry->sections);
  g_strfreev (entry->related);
  g_strfreev (entry->related_names);
  g_free (entry);
}

const NimbusSection *
nimbus_entry_find_section (const NimbusEntry *entry,
                           const char        *section_id)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < entry->sections->len; i++)
    {
      const NimbusSection *section = g_ptr_array_index (entry->sections, i);

      if (g_strcmp0 (section->id, section_id) == 0)
        return section;
    }

  return NULL;
}

/* The whole page as words, for checks that a fact is on it. */
char *
nimbus_entry_dup_plain_text (const NimbusEntry *entry)
{
  GString *str;

  g_return_val_if_fail (entry != NULL, NULL);

  str = g_string_new (NULL);
  append_words (str, entry->name);
  append_words (str, entry->full_name);
  append_words (str, entry->summary);
  append_strv (str, (const char * const *) entry->keywords);

  for (guint i = 0; i < entry->sections->len; i++)
    {
      const NimbusSection *section = g_ptr_array_index (entry->sections, i);

      append_words (str, section->title);
      append_strv (str, (const char * const *) section->keywords);

      for (guint j = 0; j < section->blocks->len; j++)
        {
          g_autofree char *text = nimbus_block_dup_plain_text (g_ptr_array_index (section->blocks,
                                                                                  j));

          append_words (str, text);
        }
    }

  return g_string_free (str, FALSE);
}
