/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-cheat-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nimbus-cheat-sheet.h"
#include "nimbus-service.h"

/* The one place that decides what a cheat sheet says: the weak areas with their sections'
 * text and the student's notes, or one page with its notes. The window prints it, and
 * nimbus --export-weak writes it as Markdown. */

static void
block_free (NimbusSheetBlock *block)
{
  g_free (block->text);
  g_free (block);
}

void
nimbus_cheat_sheet_free (NimbusCheatSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->title);
  g_ptr_array_unref (sheet->blocks);
  g_free (sheet);
}

static NimbusCheatSheet *
sheet_new (const char *title)
{
  NimbusCheatSheet *sheet = g_new0 (NimbusCheatSheet, 1);
  NimbusSheetBlock *block = g_new0 (NimbusSheetBlock, 1);

  sheet->title = g_strdup (title);
  sheet->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  block->kind = NIMBUS_SHEET_TITLE;
  block->text = g_strdup (title);
  g_ptr_array_add (sheet->blocks, block);

  return sheet;
}

static void
add (NimbusCheatSheet *sheet,
     NimbusSheetKind   kind,
     const char       *text)
{
  NimbusSheetBlock *block;

  if (text == NULL || *text == '\0')
    return;

  block = g_new0 (NimbusSheetBlock, 1);
  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (sheet->blocks, block);
}

static void G_GNUC_PRINTF (3, 4)
addf (NimbusCheatSheet *sheet,
      NimbusSheetKind   kind,
      const char       *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  add (sheet, kind, text);
}

/* The note on id, marked as shown. */
static void
add_note (NimbusCheatSheet *sheet,
          GHashTable       *notes,
          GHashTable       *shown,
          const char       *id)
{
  const char *text = id != NULL ? g_hash_table_lookup (notes, id) : NULL;

  if (text == NULL)
    return;

  add (sheet, NIMBUS_SHEET_NOTE, text);
  g_hash_table_add (shown, g_strdup (id));
}

static void
add_table (NimbusCheatSheet  *sheet,
           const NimbusBlock *block)
{
  add (sheet, NIMBUS_SHEET_PARAGRAPH, block->text);
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (block->rows, i);
      g_autoptr(GString) line = g_string_new (row[0]);

      for (guint j = 1; row[j] != NULL && block->items[j] != NULL; j++)
        g_string_append_printf (line, "%s%s: %s", j == 1 ? " — " : "; ", block->items[j], row[j]);
      add (sheet, NIMBUS_SHEET_BULLET, line->str);
    }
}

static void
add_block (NimbusCheatSheet  *sheet,
           const NimbusBlock *block,
           GHashTable        *notes,
           GHashTable        *shown)
{
  switch (block->type)
    {
    case NIMBUS_BLOCK_PARAGRAPH:
      add (sheet, NIMBUS_SHEET_PARAGRAPH, block->text);
      break;
    case NIMBUS_BLOCK_LIST:
      for (guint i = 0; block->items[i] != NULL; i++)
        add (sheet, NIMBUS_SHEET_BULLET, block->items[i]);
      break;
    case NIMBUS_BLOCK_TABLE:
      add_table (sheet, block);
      break;
    case NIMBUS_BLOCK_TIP:
      add (sheet, NIMBUS_SHEET_TIP, block->text);
      add_note (sheet, notes, shown, block->id);
      break;
    case NIMBUS_BLOCK_FACT:
      /* Translators: a key number on a cheat sheet: "Maximum message size: 1 MiB — per message" */
      addf (sheet, NIMBUS_SHEET_BULLET, _("%s: %s%s%s — %s%s%s"), block->label, block->value,
            block->unit != NULL ? " " : "", block->unit != NULL ? block->unit : "", block->limits,
            block->note != NULL ? ". " : "", block->note != NULL ? block->note : "");
      break;
    case NIMBUS_BLOCK_WIDGET:
      /* Interactive: nothing to print. */
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_section (NimbusCheatSheet    *sheet,
             NimbusSheetKind      heading,
             const NimbusSection *section,
             GHashTable          *notes,
             GHashTable          *shown)
{
  add (sheet, heading, section->title);
  add_note (sheet, notes, shown, section->id);
  for (guint i = 0; i < section->blocks->len; i++)
    add_block (sheet, g_ptr_array_index (section->blocks, i), notes, shown);
}

/* The notes by id; a flag's own note stands in for an item without one (a store from
 * before notes, read as it is). */
static GHashTable *
notes_by_id (NimbusUserStore  *store,
             GPtrArray        *flags,
             GError          **error)
{
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) list = NULL;

  if (store == NULL)
    return g_steal_pointer (&notes);
  if ((list = nimbus_user_store_list_notes (store, error)) == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      NimbusNote *note = g_ptr_array_index (list, i);

      g_hash_table_insert (notes, g_steal_pointer (&note->id), g_steal_pointer (&note->text));
    }

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      NimbusFlag *flag = g_ptr_array_index (flags, i);

      if (flag->note != NULL && *flag->note != '\0' && !g_hash_table_contains (notes, flag->id))
        g_hash_table_insert (notes, g_strdup (flag->id), g_strdup (flag->note));
    }

  return g_steal_pointer (&notes);
}

/* One page with the notes on it, for printing what is being read. */
NimbusCheatSheet *
nimbus_cheat_sheet_new_for_entry (const NimbusEntry *entry,
                                  NimbusUserStore   *store)
{
  g_autoptr(GHashTable) notes = notes_by_id (store, NULL, NULL);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  NimbusCheatSheet *sheet;

  g_return_val_if_fail (entry != NULL, NULL);

  if (notes == NULL)
    notes = g_hash_table_new (g_str_hash, g_str_equal);

  sheet = sheet_new (entry->name);
  addf (sheet, NIMBUS_SHEET_PARAGRAPH, "%s · %s", entry->full_name, entry->category_name);
  add (sheet, NIMBUS_SHEET_PARAGRAPH, entry->summary);
  for (guint i = 0; i < entry->sections->len; i++)
    add_section (sheet, NIMBUS_SHEET_HEADING, g_ptr_array_index (entry->sections, i), notes,
                 shown);

  return sheet;
}

/* The weak areas of one service, in the order of its page: a flagged section whole, a
 * flagged tip alone; flags of items the page no longer has, by id. */
static void
add_service (NimbusCheatSheet *sheet,
             NimbusKb         *kb,
             const char       *service_id,
             GPtrArray        *flags,
             GHashTable       *notes,
             GHashTable       *shown)
{
  g_autoptr(NimbusEntry) entry = nimbus_kb_load_entry (kb, service_id, NULL);
  g_autoptr(GHashTable) flagged = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < flags->len; i++)
    {
      NimbusFlag *flag = g_ptr_array_index (flags, i);
      g_autofree char *service = nimbus_id_dup_service_id (flag->id);

      if (g_strcmp0 (service, service_id) == 0)
        g_hash_table_add (flagged, flag->id);
    }
  if (g_hash_table_size (flagged) == 0)
    return;

  add (sheet, NIMBUS_SHEET_HEADING, entry != NULL ? entry->name : service_id);
  for (guint i = 0; entry != NULL && i < entry->sections->len; i++)
    {
      const NimbusSection *section = g_ptr_array_index (entry->sections, i);

      if (g_hash_table_remove (flagged, section->id))
        {
          add_section (sheet, NIMBUS_SHEET_SUBHEADING, section, notes, shown);
          continue;
        }

      for (guint j = 0; j < section->blocks->len; j++)
        {
          const NimbusBlock *block = g_ptr_array_index (section->blocks, j);

          if (block->id == NULL || !g_hash_table_remove (flagged, block->id))
            continue;
          /* Translators: a flagged exam tip on a cheat sheet, after its section's title */
          addf (sheet, NIMBUS_SHEET_SUBHEADING, _("%s: exam tip"), section->title);
          add_block (sheet, block, notes, shown);
        }
    }

  /* Kept from an older knowledge base. */
  for (guint i = 0; i < flags->len; i++)
    {
      NimbusFlag *flag = g_ptr_array_index (flags, i);

      if (!g_hash_table_remove (flagged, flag->id))
        continue;
      add (sheet, NIMBUS_SHEET_SUBHEADING, flag->id);
      add (sheet, NIMBUS_SHEET_PARAGRAPH, _("No longer in the knowledge base."));
      add_note (sheet, notes, shown, flag->id);
    }
}

/* Services in sidebar order, then those of flags the knowledge base no longer has. */
static GPtrArray *
service_order (NimbusKb  *kb,
               GPtrArray *flags)
{
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, NULL);
  GPtrArray *order = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);

      g_ptr_array_add (order, g_strdup (nimbus_service_get_id (service)));
    }

  for (guint i = 0; i < flags->len; i++)
    {
      NimbusFlag *flag = g_ptr_array_index (flags, i);
      g_autofree char *id = nimbus_id_dup_service_id (flag->id);

      if (id != NULL && !g_ptr_array_find_with_equal_func (order, id, g_str_equal, NULL))
        g_ptr_array_add (order, g_steal_pointer (&id));
    }

  return order;
}

/* The notes on items that are not weak areas, after them. */
static void
add_other_notes (NimbusCheatSheet *sheet,
                 NimbusKb         *kb,
                 NimbusUserStore  *store,
                 GHashTable       *shown)
{
  g_autoptr(GPtrArray) list = nimbus_user_store_list_notes (store, NULL);
  gboolean any = FALSE;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      NimbusNote *note = g_ptr_array_index (list, i);
      g_autofree char *title = NULL;

      if (g_hash_table_contains (shown, note->id))
        continue;
      if (!any)
        add (sheet, NIMBUS_SHEET_HEADING, _("Other Notes"));
      any = TRUE;
      title = nimbus_kb_lookup_title (kb, note->id);
      add (sheet, NIMBUS_SHEET_SUBHEADING, title != NULL ? title : note->id);
      add (sheet, NIMBUS_SHEET_NOTE, note->text);
    }
}

/* The weak areas of store with their sections' text from kb, and every note. */
NimbusCheatSheet *
nimbus_cheat_sheet_new_weak_areas (NimbusKb         *kb,
                                   NimbusUserStore  *store,
                                   GError          **error)
{
  g_autoptr(NimbusCheatSheet) sheet = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (NIMBUS_IS_KB (kb), NULL);
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (store), NULL);

  if ((flags = nimbus_user_store_list (store, error)) == NULL ||
      (notes = notes_by_id (store, flags, error)) == NULL)
    return NULL;

  sheet = sheet_new (_("Weak Areas"));
  if (flags->len == 0)
    add (sheet, NIMBUS_SHEET_PARAGRAPH, _("No weak areas are flagged."));

  order = service_order (kb, flags);
  for (guint i = 0; i < order->len; i++)
    add_service (sheet, kb, g_ptr_array_index (order, i), flags, notes, shown);
  add_other_notes (sheet, kb, store, shown);

  return g_steal_pointer (&sheet);
}

/* Markdown */

/* Text that Markdown shows as it is: its punctuation escaped, and what would start a heading,
 * a list, a quote or a rule at the start of a line too, so that no text can make markup or
 * HTML of its own. Lines end with a hard break. The knowledge base's `code` may stay code. */
static char *
escape (const char *text,
        gboolean    keep_code)
{
  GString *out = g_string_new (NULL);
  gboolean line_start = TRUE;
  gboolean in_code = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      /* Nothing is escaped inside a code span, where a backslash would show. */
      if (keep_code && *p == '`' && (in_code || strchr (p + 1, '`') != NULL))
        in_code = !in_code;
      if (in_code || (keep_code && *p == '`'))
        {
          g_string_append_c (out, *p);
          line_start = FALSE;
          continue;
        }
      if (*p == '\n')
        {
          g_string_append (out, "  \n");
          line_start = TRUE;
          continue;
        }
      if ((*p == '`' && !keep_code) || strchr ("\\*_{}[]<>#!|~&", *p) != NULL ||
          (line_start && strchr ("-+=>", *p) != NULL))
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit (*p))
        {
          /* "1." or "1)" would start a numbered list. */
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          g_string_append_len (out, p, q - p);
          if (*q == '.' || *q == ')')
            g_string_append_c (out, '\\');
          p = q - 1;
          line_start = FALSE;
          continue;
        }
      g_string_append_c (out, *p);
      line_start = line_start && (*p == ' ' || *p == '\t');
    }

  return g_string_free (out, FALSE);
}

char *
nimbus_markdown_escape (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return escape (text, FALSE);
}

static void
append_quoted (GString    *out,
               const char *label,
               const char *text,
               gboolean    keep_code)
{
  g_autofree char *escaped = escape (text, keep_code);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

  g_string_append_printf (out, "> **%s**  \n", label);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "> %s\n", lines[i]);
  g_string_append_c (out, '\n');
}

char *
nimbus_cheat_sheet_to_markdown (const NimbusCheatSheet *sheet)
{
  GString *out;

  g_return_val_if_fail (sheet != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < sheet->blocks->len; i++)
    {
      const NimbusSheetBlock *block = g_ptr_array_index (sheet->blocks, i);
      const NimbusSheetBlock *next = i + 1 < sheet->blocks->len
                                     ? g_ptr_array_index (sheet->blocks, i + 1) : NULL;
      g_autofree char *text = escape (block->text, block->kind != NIMBUS_SHEET_NOTE);

      switch (block->kind)
        {
        case NIMBUS_SHEET_TITLE:
          g_string_append_printf (out, "# %s\n\n", text);
          break;
        case NIMBUS_SHEET_HEADING:
          g_string_append_printf (out, "## %s\n\n", text);
          break;
        case NIMBUS_SHEET_SUBHEADING:
          g_string_append_printf (out, "### %s\n\n", text);
          break;
        case NIMBUS_SHEET_PARAGRAPH:
          g_string_append_printf (out, "%s\n\n", text);
          break;
        case NIMBUS_SHEET_BULLET:
          /* A list goes on while its items follow one another. */
          g_string_append_printf (out, "- %s\n%s", text,
                                  next != NULL && next->kind == NIMBUS_SHEET_BULLET ? "" : "\n");
          break;
        case NIMBUS_SHEET_TIP:
          append_quoted (out, _("Exam tip"), block->text, TRUE);
          break;
        case NIMBUS_SHEET_NOTE:
          append_quoted (out, _("Your note"), block->text, FALSE);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}
