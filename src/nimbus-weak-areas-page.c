/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-weak-areas-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nimbus-flag-list.h"
#include "nimbus-service.h"
#include "nimbus-accessible.h"
#include "nimbus-weak-areas-page.h"

/* Everything the student flagged, by service, with progress; removal with undo; the review
 * (nimbus-review-page.c) to start; export and import to move to another machine. */
struct _NimbusWeakAreasPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *summary_label;
  GtkLabel *problem_label;
  GtkBox *groups;

  NimbusKb *kb;
  NimbusUserStore *store;
  gulong changed_id;
  NimbusFlagList *flags;
  GHashTable *service_groups;   /* service id → its group in groups */
  GtkWidget *notes_group;
  char *notes_shown;            /* the notes notes_group shows, one string */
  guint n_flags;
  guint n_notes;
};

G_DEFINE_FINAL_TYPE (NimbusWeakAreasPage, nimbus_weak_areas_page, GTK_TYPE_WIDGET)

enum {
  OPEN_ITEM,
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define KNOWN_BOX 2

static void
toast (NimbusWeakAreasPage *self,
       AdwToast            *toast)
{
  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* Toast titles are markup; messages name files and ids. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static char *
title_of (NimbusWeakAreasPage *self,
          const char          *id)
{
  char *title = self->kb != NULL ? nimbus_kb_lookup_title (self->kb, id) : NULL;

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  return title != NULL ? title : g_strdup (_("No longer in the knowledge base"));
}

/* The list */

static GtkWidget *
row_new (gpointer item,
         gpointer user_data)
{
  NimbusFlagItem *flag_item = item;
  const NimbusFlag *flag = nimbus_flag_item_get_flag (flag_item);
  const char *title = nimbus_flag_item_get_title (flag_item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *day = g_strndup (flag->flagged_at, 10);
  g_autofree char *subtitle = NULL;

  /* Translators: "Exam tip · flagged 2026-11-25 · box 2 of 5" */
  subtitle = g_strdup_printf (_("%s · flagged %s · box %d of %d"),
                              nimbus_flag_item_is_tip (flag_item) ? _("Exam tip") : _("Section"),
                              day, flag->box, NIMBUS_STORE_LAST_BOX);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL ? title : _("No longer in the knowledge base"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From Weak Areas"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "weak.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", flag->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  if (title != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "weak.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", flag->id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }

  return row;
}

static gboolean
in_service (gpointer item,
            gpointer user_data)
{
  return g_str_equal (nimbus_flag_item_get_service_id (item), user_data);
}

/* "1 of 3 known" and the level bar of a service's group. */
static void
update_progress (AdwPreferencesGroup *group,
                 guint                position,
                 guint                removed,
                 guint                added,
                 GListModel          *flags)
{
  GtkWidget *level = g_object_get_data (G_OBJECT (group), "nimbus-level");
  guint n = g_list_model_get_n_items (flags);
  g_autofree char *progress = NULL;
  guint known = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NimbusFlagItem) item = g_list_model_get_item (flags, i);

      known += nimbus_flag_item_get_flag (item)->box >= KNOWN_BOX;
    }

  /* Translators: progress of one service: "1 of 3 known" */
  progress = g_strdup_printf (ngettext ("%u of %u known", "%u of %u known", n), known, n);
  adw_preferences_group_set_description (group, progress);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), n > 0 ? (double) known / n : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, progress,
                                  -1);
}

/* A service's group, its rows bound to the flags of the service. */
static GtkWidget *
group_new (NimbusWeakAreasPage *self,
           const char          *service_id)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (in_service, g_strdup (service_id), g_free);
  GtkFilterListModel *flags = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->flags)),
                                                         GTK_FILTER (filter));
  g_autofree char *name = self->kb != NULL ? nimbus_kb_lookup_title (self->kb, service_id) : NULL;
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : service_id, -1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *level = gtk_level_bar_new_for_interval (0, 1);

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  gtk_widget_set_size_request (level, 96, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), level);
  g_object_set_data (G_OBJECT (group), "nimbus-level", level);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (flags), row_new, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  g_signal_connect_object (flags, "items-changed", G_CALLBACK (update_progress), group,
                           G_CONNECT_SWAPPED);
  update_progress (ADW_PREFERENCES_GROUP (group), 0, 0, 0, G_LIST_MODEL (flags));
  g_object_unref (flags);

  return group;
}

/* One group per service with flags, in the list's order; a group lives as long as its
 * service has flags, its rows kept by its own model. */
static void
sync_groups (NimbusWeakAreasPage *self)
{
  GListModel *flags = G_LIST_MODEL (self->flags);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  GtkWidget *previous = NULL;

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  for (guint i = 0; flags != NULL && i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(NimbusFlagItem) item = g_list_model_get_item (flags, i);
      const char *service_id = nimbus_flag_item_get_service_id (item);

      /* The items hold the ids: the list holds the items. */
      if (g_hash_table_add (present, (gpointer) service_id))
        g_ptr_array_add (order, (gpointer) service_id);
    }

  g_hash_table_iter_init (&iter, self->service_groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (present, key))
        {
          gtk_box_remove (self->groups, value);
          g_hash_table_iter_remove (&iter);
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *service_id = g_ptr_array_index (order, i);
      GtkWidget *group = g_hash_table_lookup (self->service_groups, service_id);

      if (group == NULL)
        {
          group = group_new (self, service_id);
          g_hash_table_insert (self->service_groups, g_strdup (service_id), group);
          gtk_box_insert_child_after (self->groups, group, previous);
        }
      else if (gtk_widget_get_prev_sibling (group) != previous)
        gtk_box_reorder_child_after (self->groups, group, previous);
      previous = group;
    }
}

/* Every note, with the item it is on, the latest first. */
static GtkWidget *
notes_group_new (NimbusWeakAreasPage *self,
                 GPtrArray           *notes)
{
  GtkWidget *group;

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (notes->len == 0)
    return NULL;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Notes"));
  for (guint i = 0; i < notes->len; i++)
    {
      const NimbusNote *note = g_ptr_array_index (notes, i);
      g_autofree char *title = title_of (self, note->id);
      g_autofree char *in_kb = self->kb != NULL ? nimbus_kb_lookup_title (self->kb, note->id)
                                                : NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Neither the title nor the student's text is markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note->text);
      gtk_widget_add_css_class (row, "note-row");
      if (in_kb != NULL)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "weak.open");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", note->id);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

/* The notes' group, made again only when the notes are not those it shows. */
static void
sync_notes (NimbusWeakAreasPage *self,
            GPtrArray           *notes)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  for (guint i = 0; i < notes->len; i++)
    {
      const NimbusNote *note = g_ptr_array_index (notes, i);

      g_string_append_printf (shown, "%s%c%s%c", note->id, 0x1f, note->text, 0x1e);
    }
  if (g_strcmp0 (shown->str, self->notes_shown) == 0)
    return;

  g_free (self->notes_shown);
  self->notes_shown = g_string_free (g_steal_pointer (&shown), FALSE);
  if (self->notes_group != NULL)
    gtk_box_remove (self->groups, self->notes_group);
  self->notes_group = notes_group_new (self, notes);
  if (self->notes_group != NULL)
    gtk_box_append (self->groups, self->notes_group);
}

static void
update_actions (NimbusWeakAreasPage *self)
{
  gboolean writable = self->store != NULL && nimbus_user_store_is_writable (self->store);

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "weak.review", writable && self->n_flags > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "weak.remove", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "weak.import", writable);
  /* Exports carry the notes too: anything to export will do. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "weak.export",
                                 self->n_flags > 0 || self->n_notes > 0);
}

/* What the store's change means for the page beyond the flags' rows: the count, the notes,
 * a problem to tell, the list or the empty page. */
static void
update (NimbusWeakAreasPage *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *summary = NULL;
  const char *problem;

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  notes = self->store != NULL ? nimbus_user_store_list_notes (self->store, NULL) : NULL;
  if (notes == NULL)
    notes = g_ptr_array_new ();

  problem = self->store != NULL ? nimbus_user_store_get_problem (self->store) : NULL;
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  self->n_flags = self->flags != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->flags))
                                      : 0;
  self->n_notes = notes->len;
  update_actions (self);

  if (self->n_flags == 0 && notes->len > 0)
    summary = g_strdup_printf (ngettext ("No weak areas, %u note", "No weak areas, %u notes",
                                         notes->len), notes->len);
  else
    summary = g_strdup_printf (ngettext ("%u weak area", "%u weak areas", self->n_flags),
                               self->n_flags);
  gtk_label_set_text (self->summary_label, summary);
  sync_notes (self, notes);

  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_flags > 0 || notes->len > 0 ? "list" : "empty");
}

static void
clear_sources (NimbusWeakAreasPage *self)
{
  GtkWidget *child;

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  g_clear_signal_handler (&self->changed_id, self->store);
  if (self->flags != NULL)
    g_signal_handlers_disconnect_by_data (self->flags, self);
  g_clear_object (&self->flags);
  if (self->service_groups != NULL)
    g_hash_table_remove_all (self->service_groups);
  while (self->groups != NULL &&
         (child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
  self->notes_group = NULL;
  g_clear_pointer (&self->notes_shown, g_free);
}

void
nimbus_weak_areas_page_set_sources (NimbusWeakAreasPage *self,
                                    NimbusKb            *kb,
                                    NimbusUserStore     *store)
{
  g_return_if_fail (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  clear_sources (self);
  g_set_object (&self->kb, kb);
  g_set_object (&self->store, store);
  self->flags = nimbus_flag_list_new (kb, store);
  /* After the groups' own models have taken the change, so that a group made for it starts
   * from the list as it now is. */
  g_signal_connect_object (self->flags, "items-changed", G_CALLBACK (sync_groups), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (update), self);

  sync_groups (self);
  update (self);
}

/* The weak areas the page shows, as a list model of NimbusFlagItem. */
GListModel *
nimbus_weak_areas_page_get_flags (NimbusWeakAreasPage *self)
{
  g_return_val_if_fail (NIMBUS_IS_WEAK_AREAS_PAGE (self), NULL);

  return G_LIST_MODEL (self->flags);
}

/* Actions */

/* The review has its own page, which the window shows. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.review", NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_ITEM], 0, g_variant_get_string (parameter, NULL));
}

static void
undo_cb (AdwToast   *undo_toast,
         NimbusFlag *flag)
{
  NimbusUserStore *store = g_object_get_data (G_OBJECT (undo_toast), "nimbus-store");
  g_autoptr(GError) error = NULL;

  if (!nimbus_user_store_restore (store, flag, &error))
    g_warning ("Could not restore %s: %s", flag->id, error->message);
}

static void
free_flag_closure_data (gpointer  data,
                        GClosure *closure)
{
  nimbus_flag_free (data);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NimbusWeakAreasPage *self = NIMBUS_WEAK_AREAS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) flags = nimbus_user_store_list (self->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = title_of (self, id);
  g_autofree char *message = NULL;
  NimbusFlag *kept = NULL;
  AdwToast *undo_toast;

  for (guint i = 0; flags != NULL && i < flags->len && kept == NULL; i++)
    {
      if (g_str_equal (((NimbusFlag *) g_ptr_array_index (flags, i))->id, id))
        kept = g_ptr_array_steal_index (flags, i);
    }

  if (!nimbus_user_store_unflag (self->store, id, &error))
    {
      nimbus_flag_free (kept);
      toast (self, toast_new (error->message));
      return;
    }

  /* Translators: after removing a weak area, with an Undo button */
  message = g_strdup_printf (_("Removed “%s”"), title);
  undo_toast = toast_new (message);
  if (kept != NULL)
    {
      adw_toast_set_button_label (undo_toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (undo_toast), "nimbus-store", g_object_ref (self->store),
                              g_object_unref);
      g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (undo_cb), kept,
                             free_flag_closure_data, 0);
    }
  toast (self, undo_toast);
}

/* Export and import */

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NimbusWeakAreasPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (!nimbus_user_store_export_file_finish (NIMBUS_USER_STORE (source), result, &error))
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  else
    message = g_strdup (_("Weak areas exported"));

  toast (self, toast_new (message));
}

static GtkFileFilter *
json_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");

  return filter;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(NimbusWeakAreasPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added = 0;

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (!nimbus_user_store_import_file_finish (NIMBUS_USER_STORE (source), result, &added, &error))
    message = g_strdup (error->message);
  else
    message = g_strdup_printf (ngettext ("Imported %u new weak area", "Imported %u new weak areas",
                                         added), added);

  toast (self, toast_new (message));
}

/* A file was chosen. The page of a window closed while the dialog was open does nothing. */
static void
export_to (NimbusWeakAreasPage *self,
           GFile               *file)
{
  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (self->store != NULL)
    nimbus_user_store_export_file_async (self->store, file, NULL, export_written_cb,
                                         g_object_ref (self));
}

static void
import_from (NimbusWeakAreasPage *self,
             GFile               *file)
{
  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (self->store != NULL)
    nimbus_user_store_import_file_async (self->store, file, NULL, import_done_cb,
                                         g_object_ref (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* GtkFileDialog, which replaced GtkFileChooserNative in GTK 4.10. */
static GtkFileDialog *
file_dialog_new (const char *title,
                 const char *accept)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = json_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);

  return dialog;
}

static GtkWindow *
parent_window (NimbusWeakAreasPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The file chosen, or NULL when the dialog was dismissed or failed, which is told, or when
 * the page left its window meanwhile (the window was closed): then nothing is done. */
static GFile *
chosen_file (NimbusWeakAreasPage *self,
             GFile               *file,
             GError              *error)
{
  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return NULL;

  if (error != NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    toast (self, toast_new (error->message));

  return file;
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(NimbusWeakAreasPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (chosen_file (self, file, error) != NULL)
    export_to (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NimbusWeakAreasPage *self = NIMBUS_WEAK_AREAS_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = file_dialog_new (_("Export Weak Areas"), _("_Export"));

  gtk_file_dialog_set_initial_name (dialog, "nimbus-weak-areas.json");
  gtk_file_dialog_save (dialog, parent_window (self), NULL, export_chosen_cb, g_object_ref (self));
}

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(NimbusWeakAreasPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (chosen_file (self, file, error) != NULL)
    import_from (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NimbusWeakAreasPage *self = NIMBUS_WEAK_AREAS_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = file_dialog_new (_("Import Weak Areas"), _("_Import"));

  gtk_file_dialog_open (dialog, parent_window (self), NULL, import_chosen_cb, g_object_ref (self));
}
#else
static void
export_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    NimbusWeakAreasPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    export_to (self, file);
}

/* The chooser goes once it has answered, whether or not its page is still there. */
static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_object_unref (dialog);
}

/* A chooser whose answer goes to on_response while the page is there: a window closed
 * while the dialog is open takes its page's handler with it. */
static void
chooser_show (NimbusWeakAreasPage  *self,
              GtkFileChooserNative *chooser,
              GCallback             on_response)
{
  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  g_signal_connect_object (chooser, "response", on_response, self, 0);
  g_signal_connect_after (chooser, "response", G_CALLBACK (chooser_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkFileChooserNative *
chooser_new (NimbusWeakAreasPage  *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = json_filter_new ();

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  return chooser;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NimbusWeakAreasPage *self = NIMBUS_WEAK_AREAS_PAGE (widget);
  GtkFileChooserNative *chooser = chooser_new (self, _("Export Weak Areas"),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "nimbus-weak-areas.json");
  chooser_show (self, chooser, G_CALLBACK (export_response_cb));
}

static void
import_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    NimbusWeakAreasPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  g_assert (NIMBUS_IS_WEAK_AREAS_PAGE (self));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    import_from (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NimbusWeakAreasPage *self = NIMBUS_WEAK_AREAS_PAGE (widget);
  GtkFileChooserNative *chooser = chooser_new (self, _("Import Weak Areas"),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));

  chooser_show (self, chooser, G_CALLBACK (import_response_cb));
}
#endif

static void
nimbus_weak_areas_page_dispose (GObject *object)
{
  NimbusWeakAreasPage *self = NIMBUS_WEAK_AREAS_PAGE (object);

  clear_sources (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_WEAK_AREAS_PAGE);
  g_clear_object (&self->kb);
  g_clear_object (&self->store);
  g_clear_pointer (&self->service_groups, g_hash_table_unref);

  G_OBJECT_CLASS (nimbus_weak_areas_page_parent_class)->dispose (object);
}

static void
nimbus_weak_areas_page_class_init (NimbusWeakAreasPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_weak_areas_page_dispose;

  /* A flagged item to open: its section or tip id. */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Something to tell the user, for the window's toast overlay. */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-weak-areas-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusWeakAreasPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusWeakAreasPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusWeakAreasPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusWeakAreasPage, groups);

  gtk_widget_class_install_action (widget_class, "weak.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "weak.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "weak.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "weak.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "weak.import", NULL, import_action);
}

static void
nimbus_weak_areas_page_init (NimbusWeakAreasPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->service_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Review and Import, like every button with a mnemonic, are named as they read. */
  nimbus_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  update_actions (self);
}
