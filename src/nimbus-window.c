/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nimbus-cheat-sheet.h"
#include "nimbus-entry-page.h"
#include "nimbus-history-menu.h"
#include "nimbus-home-page.h"
#include "nimbus-kb.h"
#include "nimbus-link.h"
#include "nimbus-page-contents.h"
#include "nimbus-practice-page.h"
#include "nimbus-search-results.h"
#include "nimbus-service.h"
#include "nimbus-service-list.h"
#include "nimbus-sheet-print.h"
#include "nimbus-review-page.h"
#include "nimbus-weak-areas-page.h"
#include "nimbus-window.h"

#define SEARCH_LIMIT 50
#define MOUSE_BACK 8
#define MOUSE_FORWARD 9

struct _NimbusWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkWidget *panes;        /* AdwNavigationSplitView from libadwaita 1.4, else AdwLeaflet */
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkWidget *sidebar_button;
  GtkWidget *sidebar_header;
  GtkWidget *content_header;
  GtkWidget *history_buttons;
  GtkMenuButton *main_menu_button;
  GtkWidget *zoom_box;
  GtkLabel *zoom_label;
  AdwToast *zoom_toast;     /* while it shows */
  AdwToast *link_toast;     /* while it shows */
  GtkSearchEntry *search_entry;
  GtkDropDown *exam_dropdown;
  NimbusServiceList *service_list;
  NimbusHomePage *home_page;
  NimbusPracticePage *practice_page;
  AdwWindowTitle *content_title;
  GtkWidget *contents_button;
  NimbusPageContents *page_contents;
  GtkStack *stack;
  NimbusEntryPage *entry_page;
  NimbusSearchResults *search_results;
  NimbusSearchResults *sidebar_results; /* where the hits show at phone width */
  GtkStack *sidebar_stack;
  NimbusWeakAreasPage *weak_page;
  NimbusReviewPage *review_page;
  GtkListBox *places_list;
  GtkLabel *weak_count;
  AdwStatusPage *error_page;
  GMenu *primary_menu;

  NimbusKb *kb;            /* the application's, NULL when it could not be opened */
  NimbusUserStore *store;  /* the application's */
  GListModel *services;
  GStrv exam_ids;          /* what the exam menu offers: "all", then the exams' ids */
  GSettings *settings;
  GCancellable *search_cancellable;
  guint typing_id;         /* until typing pauses (on_search_entry_changed_cb ()) */
  char *current;           /* the page shown: a service, section, tip or fact id */
  GPtrArray *back;         /* ids, most recent last */
  GPtrArray *forward;
  NimbusHistoryMenu *history_menu;  /* Recently Viewed, in the main menu */
};

G_DEFINE_FINAL_TYPE (NimbusWindow, nimbus_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_KB,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void nimbus_window_show_page (NimbusWindow *self,
                                     const char   *id,
                                     gboolean      record);
static void show_content            (NimbusWindow *self);

static void
update_actions (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->back->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward", self->forward->len > 0);
}

/* The content pane: a page of the stack and the title above it. */
static void
show_pane (NimbusWindow *self,
           const char   *page,
           const char   *title,
           const char   *subtitle)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->contents_button, g_str_equal (page, "entry"));
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

/* Sidebar */

static void
on_service_list_service_activated_cb (NimbusWindow *self,
                                      const char   *id)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  nimbus_window_show_page (self, id, TRUE);
}

/* The exam whose services the sidebar lists: "" before the first choice, "all", or an
 * exam's id. */
static char *
dup_exam_choice (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  return g_settings_get_string (self->settings, "exam");
}

/* Shows the choice kept in the exam menu and the sidebar; the home page offers the exams
 * until there is one. An exam the knowledge base no longer has means all. */
static void
update_exam (NimbusWindow *self)
{
  g_autofree char *choice = dup_exam_choice (self);
  guint index = 0;

  g_assert (NIMBUS_IS_WINDOW (self));

  for (guint i = 0; self->exam_ids != NULL && self->exam_ids[i] != NULL; i++)
    {
      if (g_str_equal (self->exam_ids[i], choice))
        index = i;
    }

  g_signal_handlers_block_matched (self->exam_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   self);
  gtk_drop_down_set_selected (self->exam_dropdown, index);
  g_signal_handlers_unblock_matched (self->exam_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
  nimbus_service_list_set_exam (self->service_list, index > 0 ? self->exam_ids[index] : NULL);

  nimbus_home_page_set_exam (self->home_page, choice);
  nimbus_practice_page_set_exam (self->practice_page, choice);
}

static void
choose_exam (NimbusWindow *self,
             const char   *choice)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  g_settings_set_string (self->settings, "exam", choice);
  update_exam (self);
}

static void
on_exam_dropdown_selected_cb (NimbusWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->exam_dropdown);

  g_assert (NIMBUS_IS_WINDOW (self));

  if (self->exam_ids != NULL && index < g_strv_length (self->exam_ids))
    choose_exam (self, self->exam_ids[index]);
}

static void
choose_exam_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_exam (NIMBUS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The exam menu, from the exams the knowledge base covers. */
static gboolean
load_exams (NimbusWindow  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) exams = nimbus_kb_list_exams (self->kb, error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_assert (NIMBUS_IS_WINDOW (self));

  if (exams == NULL)
    return FALSE;

  g_strv_builder_add (ids, "all");
  gtk_string_list_append (labels, _("All Services"));
  for (guint i = 0; i < exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (exams, i);

      g_strv_builder_add (ids, exam->id);
      gtk_string_list_append (labels, exam->short_name);
    }

  self->exam_ids = g_strv_builder_end (ids);
  g_signal_handlers_block_matched (self->exam_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   self);
  gtk_drop_down_set_model (self->exam_dropdown, G_LIST_MODEL (labels));
  g_signal_handlers_unblock_matched (self->exam_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);

  return TRUE;
}

/* Weak areas */

/* Print is for a page being read, or weak areas with anything on them: flags or notes. */
static void
update_print_action (NimbusWindow *self)
{
  const char *pane = gtk_stack_get_visible_child_name (self->stack);
  gboolean enabled = FALSE;

  g_assert (NIMBUS_IS_WINDOW (self));

  if (g_strcmp0 (pane, "entry") == 0)
    enabled = nimbus_entry_page_get_entry (self->entry_page) != NULL;
  else if (g_strcmp0 (pane, "weak") == 0 && self->kb != NULL && self->store != NULL)
    {
      g_autoptr(GPtrArray) flags = nimbus_user_store_list (self->store, NULL);
      g_autoptr(GPtrArray) notes = nimbus_user_store_list_notes (self->store, NULL);

      enabled = (flags != NULL && flags->len > 0) || (notes != NULL && notes->len > 0);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", enabled);
}

static void
update_weak_count (NimbusWindow *self)
{
  g_autoptr(GPtrArray) flags = nimbus_user_store_list (self->store, NULL);
  g_autofree char *count = g_strdup_printf ("%u", flags != NULL ? flags->len : 0);

  g_assert (NIMBUS_IS_WINDOW (self));

  gtk_label_set_text (self->weak_count, flags != NULL && flags->len > 0 ? count : "");
  update_print_action (self);
}

void
nimbus_window_show_weak_areas (NimbusWindow *self)
{
  g_return_if_fail (NIMBUS_IS_WINDOW (self));

  nimbus_service_list_select (self->service_list, NULL);
  gtk_list_box_select_row (self->places_list,
                           gtk_list_box_get_row_at_index (self->places_list, 0));
  /* A review under way is where the weak areas were left. */
  show_pane (self, nimbus_review_page_is_reviewing (self->review_page) ? "review" : "weak",
             _("Weak Areas"), NULL);
  show_content (self);
}

static void
on_places_list_row_activated_cb (NimbusWindow  *self,
                                 GtkListBoxRow *row)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  nimbus_window_show_weak_areas (self);
}

static void
on_review_page_stopped_cb (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  nimbus_window_show_weak_areas (self);
}

static void
on_weak_page_open_item_cb (NimbusWindow *self,
                           const char   *id)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  gtk_list_box_unselect_all (self->places_list);
  nimbus_window_show_page (self, id, TRUE);
}

static void
on_practice_page_open_item_cb (NimbusWindow *self,
                               const char   *id)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  nimbus_window_show_page (self, id, TRUE);
}

/* Home and practice */

void
nimbus_window_show_home (NimbusWindow *self)
{
  g_return_if_fail (NIMBUS_IS_WINDOW (self));

  if (self->kb == NULL)
    return;
  nimbus_service_list_select (self->service_list, NULL);
  gtk_list_box_unselect_all (self->places_list);
  nimbus_home_page_refresh (self->home_page);
  show_pane (self, "home", _("Home"), NULL);
  show_content (self);
}

/* The practice under way, or its setup with the exam the sidebar lists. */
void
nimbus_window_show_practice (NimbusWindow *self)
{
  g_return_if_fail (NIMBUS_IS_WINDOW (self));

  if (self->kb == NULL)
    return;
  nimbus_service_list_select (self->service_list, NULL);
  gtk_list_box_unselect_all (self->places_list);
  show_pane (self, "practice", _("Practice"), NULL);
  show_content (self);
}

static void
on_weak_page_add_toast_cb (NimbusWindow *self,
                           AdwToast     *toast)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
on_entry_page_store_error_cb (NimbusWindow *self,
                              const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_assert (NIMBUS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Pages */

static void
show_content (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

#if ADW_CHECK_VERSION (1, 4, 0)
  adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (self->panes), TRUE);
#else
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->panes), self->content);
#endif
}

/* Sidebar and content side by side? Then nothing needs showing, and moving to the content
 * would take the keyboard away from whatever has it (the search entry while typing). */
static gboolean
is_folded (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

#if ADW_CHECK_VERSION (1, 4, 0)
  return adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (self->panes));
#else
  return adw_leaflet_get_folded (ADW_LEAFLET (self->panes));
#endif
}

static void
show_sidebar (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

#if ADW_CHECK_VERSION (1, 4, 0)
  adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (self->panes), FALSE);
#else
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->panes), self->sidebar);
#endif
}

static void
on_sidebar_button_clicked_cb (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  show_sidebar (self);
}

static void
nimbus_window_show_page (NimbusWindow *self,
                         const char   *id,
                         gboolean      record)
{
  const NimbusEntry *shown = nimbus_entry_page_get_entry (self->entry_page);
  g_autofree char *service_id = NULL;
  gboolean reloaded = FALSE;

  g_assert (NIMBUS_IS_WINDOW (self));

  if (self->kb == NULL || id == NULL || *id == '\0')
    return;

  service_id = nimbus_id_dup_service_id (id);
  if (shown == NULL || g_strcmp0 (shown->id, service_id) != 0)
    {
      g_autoptr(GError) error = NULL;
      NimbusEntry *entry = nimbus_kb_load_entry (self->kb, service_id, &error);

      reloaded = TRUE;
      if (entry == NULL)
        {
          g_debug ("Cannot show %s: %s", id, error->message);
          return;
        }
      nimbus_entry_page_set_entry (self->entry_page, entry);
      update_print_action (self);
      shown = entry;
    }

  if (record && self->current != NULL && g_strcmp0 (self->current, id) != 0)
    {
      g_ptr_array_add (self->back, g_strdup (self->current));
      g_ptr_array_set_size (self->forward, 0);
    }
  g_free (self->current);
  self->current = g_strdup (id);
  update_actions (self);

  if (!g_str_equal (id, service_id))
    nimbus_entry_page_scroll_to (self->entry_page, id);
  else if (!reloaded)
    nimbus_entry_page_scroll_to_top (self->entry_page);

  show_pane (self, "entry", shown->name, shown->category_name);
  gtk_list_box_unselect_all (self->places_list);
  nimbus_service_list_select (self->service_list, service_id);
  show_content (self);

  g_settings_set_string (self->settings, "last-page", id);
  /* Recently Viewed: a store that cannot be written keeps the history it has. */
  if (nimbus_user_store_is_writable (self->store))
    nimbus_user_store_record_view (self->store, service_id, NULL);
  nimbus_home_page_set_last_page (self->home_page, id);
}

static void
show_current (NimbusWindow *self)
{
  const NimbusEntry *entry = nimbus_entry_page_get_entry (self->entry_page);

  g_assert (NIMBUS_IS_WINDOW (self));

  if (self->current == NULL || entry == NULL)
    show_pane (self, "home", _("Home"), NULL);
  else
    show_pane (self, "entry", entry->name, entry->category_name);
}

/* Search */

#define NOTE_HITS_MAX 5
#define NOTE_SNIPPET_CHARS 160

/* The student's notes that hold the words searched for, as hits of their own kind; their
 * text is plain, with no marks of a match that the note could forge. */
static GListModel *
note_hits_new (NimbusWindow *self,
               const char   *text)
{
  GListStore *hits = g_list_store_new (NIMBUS_TYPE_SEARCH_HIT);
  g_autoptr(GPtrArray) notes = NULL;

  g_assert (NIMBUS_IS_WINDOW (self));

  if (self->kb == NULL ||
      (notes = nimbus_user_store_search_notes (self->store, text, NULL)) == NULL)
    return G_LIST_MODEL (hits);

  for (guint i = 0; i < notes->len && i < NOTE_HITS_MAX; i++)
    {
      NimbusNote *note = g_ptr_array_index (notes, i);
      g_autofree char *title = nimbus_kb_lookup_title (self->kb, note->id);
      g_autofree char *service_id = nimbus_id_dup_service_id (note->id);
      g_autofree char *service_name = nimbus_kb_lookup_title (self->kb, service_id);
      g_autofree char *section_id = nimbus_id_dup_section_id (note->id);
      glong length = g_utf8_strlen (note->text, -1);
      g_autofree char *snippet = g_utf8_substring (note->text, 0,
                                                   MIN (length, NOTE_SNIPPET_CHARS));
      g_autoptr(NimbusSearchHit) hit = NULL;

      for (char *p = snippet; *p != '\0'; p++)
        if ((guchar) *p < 0x20)
          *p = ' ';
      hit = nimbus_search_hit_new (note->id, NIMBUS_HIT_KIND_NOTE, service_id,
                                   service_name != NULL ? service_name : service_id, section_id,
                                   title != NULL ? title : note->id, snippet);
      g_list_store_append (hits, hit);
    }

  return G_LIST_MODEL (hits);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(NimbusWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *corrected = NULL;
  g_autoptr(GListModel) kb_hits = nimbus_kb_search_finish (NIMBUS_KB (source), result, &corrected,
                                                           &error);
  g_autoptr(GListStore) parts = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GtkFlattenListModel) hits = NULL;

  g_assert (NIMBUS_IS_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Search failed: %s", error->message);

  /* The student's notes first, marked as theirs, then the knowledge base's ranking. */
  notes = note_hits_new (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, notes);
  if (kb_hits != NULL)
    g_list_store_append (parts, kb_hits);
  hits = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));

  nimbus_search_results_set_corrected (self->search_results, corrected);
  nimbus_search_results_set_hits (self->search_results, G_LIST_MODEL (hits));
  nimbus_search_results_set_corrected (self->sidebar_results, corrected);
  nimbus_search_results_set_hits (self->sidebar_results, G_LIST_MODEL (hits));
}

/* The hits in use: under the entry at phone width, else in the content pane. */
static NimbusSearchResults *
shown_results (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  return is_folded (self) ? self->sidebar_results : self->search_results;
}

/* Where a search in progress shows: side by side, the hits fill the content pane and the
 * keyboard stays in the entry; at phone width, where the content would hide the entry, they
 * show under it in the sidebar. */
static void
place_search (NimbusWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = self->kb != NULL && *text != '\0';

  g_assert (NIMBUS_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    searching && is_folded (self) ? "search" : "browse");
  if (!searching)
    return;

  if (is_folded (self))
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry));

      show_sidebar (self);
      if (!gtk_widget_has_focus (GTK_WIDGET (delegate)))
        gtk_text_grab_focus_without_selecting (GTK_TEXT (delegate));
    }
  else
    show_pane (self, "results", _("Search"), NULL);
}

static void
on_search_entry_search_changed_cb (NimbusWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_assert (NIMBUS_IS_WINDOW (self));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->kb == NULL)
    return;

  nimbus_service_list_set_filter (self->service_list, text);
  if (*text == '\0')
    {
      nimbus_search_results_set_searching (self->search_results, FALSE);
      nimbus_search_results_set_searching (self->sidebar_results, FALSE);
      place_search (self);
      show_current (self);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  nimbus_search_results_set_searching (self->search_results, TRUE);
  nimbus_search_results_set_searching (self->sidebar_results, TRUE);
  nimbus_kb_search_async (self->kb, text, SEARCH_LIMIT, self->search_cancellable,
                          search_done_cb, g_object_ref (self));
  place_search (self);
}

#define TYPING_MSEC 2000

static gboolean
typing_done_cb (gpointer user_data)
{
  NimbusWindow *self = user_data;

  g_assert (NIMBUS_IS_WINDOW (self));

  self->typing_id = 0;
  gtk_settings_reset_property (gtk_widget_get_settings (GTK_WIDGET (self)),
                               "gtk-entry-select-on-focus");
  return G_SOURCE_REMOVE;
}

/* While typing, the keyboard can be moved into the entry again: the leaflet or the split
 * view does it when it slides to the sidebar at phone width, and GTK would then select the
 * whole query, which the next key replaces. Until the typing pauses, focusing the entry
 * selects nothing. */
static void
on_search_entry_changed_cb (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  if (self->typing_id == 0)
    g_object_set (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-entry-select-on-focus", FALSE,
                  NULL);
  g_clear_handle_id (&self->typing_id, g_source_remove);
  self->typing_id = g_timeout_add (TYPING_MSEC, typing_done_cb, self);
}

static void
on_search_entry_activate_cb (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  nimbus_search_results_activate_first (shown_results (self));
}

static void
on_search_entry_stop_search_cb (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          NimbusWindow          *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return nimbus_search_results_focus_first (shown_results (self));

  return GDK_EVENT_PROPAGATE;
}

static void
on_search_results_hit_activated_cb (NimbusWindow *self,
                                    const char   *id)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  nimbus_window_show_page (self, id, TRUE);
  g_signal_handlers_block_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  nimbus_service_list_set_filter (self->service_list, NULL);
  place_search (self);
}

/* Actions */

static void
go_back_or_forward (NimbusWindow *self,
                    GPtrArray    *from,
                    GPtrArray    *to)
{
  g_autofree char *id = NULL;

  g_assert (NIMBUS_IS_WINDOW (self));

  if (from->len == 0)
    return;

  id = g_ptr_array_steal_index (from, from->len - 1);
  if (self->current != NULL)
    g_ptr_array_add (to, g_strdup (self->current));
  nimbus_window_show_page (self, id, FALSE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  go_back_or_forward (self, self->back, self->forward);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  go_back_or_forward (self, self->forward, self->back);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  nimbus_window_show_page (NIMBUS_WINDOW (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static gboolean
is_reading (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "entry") == 0;
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  if (is_reading (self))
    nimbus_entry_page_move_section (self->entry_page,
                                    g_str_equal (action_name, "win.next-section") ? 1 : -1);
}

static void
flag_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  if (is_reading (self))
    nimbus_entry_page_toggle_flag_in_view (self->entry_page);
}

static void
weak_areas_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  nimbus_window_show_weak_areas (NIMBUS_WINDOW (widget));
}

/* The review of the weak areas, from their page or the home page. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  nimbus_review_page_start (self->review_page);
  nimbus_window_show_weak_areas (self);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nimbus_window_show_home (NIMBUS_WINDOW (widget));
}

static void
practice_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nimbus_window_show_practice (NIMBUS_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  show_sidebar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+F finds in the page being read; elsewhere it searches every topic. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  if (is_reading (self))
    nimbus_entry_page_find (self->entry_page);
  else
    search_action (widget, "win.search", NULL);
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);

  if (is_reading (self))
    nimbus_entry_page_find_step (self->entry_page,
                                 g_str_equal (action_name, "win.find-next") ? 1 : -1);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);
  g_autofree char *escaped = g_markup_escape_text (g_variant_get_string (parameter, NULL), -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Zoom: the reading text size of the preferences, in its bounds, a tenth at a time. */

#define ZOOM_STEP 0.1

static void
zoom_bounds (NimbusWindow *self,
             double       *min,
             double       *max)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) bounds = NULL;
  const char *type;

  g_assert (NIMBUS_IS_WINDOW (self));

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "text-scale");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &bounds);
  *min = 0.1;
  *max = 10;
  if (g_str_equal (type, "range"))
    g_variant_get (bounds, "(dd)", min, max);
}

static void
update_zoom (NimbusWindow *self)
{
  double scale = g_settings_get_double (self->settings, "text-scale");
  double min, max;
  int percent = (int) (scale * 100 + 0.5);
  /* Translators: the reading text size, as in "110%" */
  g_autofree char *label = g_strdup_printf (_("%d%%"), percent);
  g_autofree char *name = g_strdup_printf (_("Reset Text Size, Now %d%%"), percent);
  GtkWidget *zoom_control;

  g_assert (NIMBUS_IS_WINDOW (self));

  zoom_bounds (self, &min, &max);
  gtk_label_set_text (self->zoom_label, label);
  zoom_control = gtk_widget_get_parent (GTK_WIDGET (self->zoom_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", scale < max - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", scale > min + 1e-6);
}

static void
on_zoom_toast_dismissed_cb (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  g_clear_object (&self->zoom_toast);
}

/* The size just chosen, in one toast that follows the keys rather than a queue of them. */
static void
show_zoom_toast (NimbusWindow *self)
{
  g_autofree char *title = g_strdup_printf (_("Text size %s"),
                                            gtk_label_get_text (self->zoom_label));

  g_assert (NIMBUS_IS_WINDOW (self));

  if (self->zoom_toast != NULL)
    {
      adw_toast_set_title (self->zoom_toast, title);
      return;
    }

  self->zoom_toast = g_object_ref (adw_toast_new (title));
  adw_toast_set_timeout (self->zoom_toast, 2);
  adw_toast_set_priority (self->zoom_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->zoom_toast, "dismissed", G_CALLBACK (on_zoom_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->zoom_toast));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);
  double scale, min, max;

  zoom_bounds (self, &min, &max);
  scale = g_settings_get_double (self->settings, "text-scale");
  if (g_str_equal (action_name, "win.zoom-in"))
    scale = round ((scale + ZOOM_STEP) * 10) / 10;
  else if (g_str_equal (action_name, "win.zoom-out"))
    scale = round ((scale - ZOOM_STEP) * 10) / 10;
  else
    scale = 1;
  g_settings_set_double (self->settings, "text-scale", CLAMP (scale, min, max));
  show_zoom_toast (self);
}

static void
on_mouse_button_pressed_cb (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            NimbusWindow    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  g_assert (NIMBUS_IS_WINDOW (self));

  if (button == MOUSE_BACK)
    go_back_or_forward (self, self->back, self->forward);
  else if (button == MOUSE_FORWARD)
    go_back_or_forward (self, self->forward, self->back);
}

/* Loading */

static void
show_error (NimbusWindow *self,
            const GError *error)
{
  /* The description is markup; the message names a path, which is not. */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  g_assert (NIMBUS_IS_WINDOW (self));

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  show_content (self);
}

/* History and printing */

static void
add_history_menu (NimbusWindow *self)
{
  g_autoptr(GMenu) section = g_menu_new ();

  g_assert (NIMBUS_IS_WINDOW (self));

  self->history_menu = nimbus_history_menu_new (self->kb, self->store);
  g_menu_append_submenu (section, _("_Recently Viewed"),
                         nimbus_history_menu_get_model (self->history_menu));
  g_menu_prepend_section (self->primary_menu, NULL, G_MENU_MODEL (section));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-history",
                                 nimbus_user_store_is_writable (self->store));
}

static void
clear_history_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!nimbus_user_store_clear_history (self->store, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
}

/* What Print prints: the cheat sheet of the weak areas on their page, else the page read. */
static NimbusCheatSheet *
sheet_to_print (NimbusWindow  *self,
                GError       **error)
{
  const char *pane = gtk_stack_get_visible_child_name (self->stack);
  const NimbusEntry *entry = nimbus_entry_page_get_entry (self->entry_page);

  g_assert (NIMBUS_IS_WINDOW (self));

  if (self->kb != NULL && (g_strcmp0 (pane, "weak") == 0 || g_strcmp0 (pane, "review") == 0))
    return nimbus_cheat_sheet_new_weak_areas (self->kb, self->store, error);
  if (g_strcmp0 (pane, "entry") == 0 && entry != NULL)
    return nimbus_cheat_sheet_new_for_entry (entry, self->store);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("Open a page or the weak areas to print them"));
  return NULL;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  NimbusWindow            *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (NIMBUS_IS_WINDOW (self));

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
}

/* Prints what is shown (sheet_to_print ()): with the print dialog, where "Print to File"
 * makes a PDF, or, given pdf_path, straight to that PDF file. */
gboolean
nimbus_window_print (NimbusWindow  *self,
                     const char    *pdf_path,
                     GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  NimbusCheatSheet *sheet;
  GtkPrintOperationResult result;
  double scale = 1.0;

  g_return_val_if_fail (NIMBUS_IS_WINDOW (self), FALSE);

  if ((sheet = sheet_to_print (self, error)) == NULL)
    return FALSE;

  /* A page prints at the size it is read at; the cheat sheet stays compact. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "entry") == 0 &&
      self->settings != NULL)
    scale = g_settings_get_double (self->settings, "text-scale");
  operation = nimbus_sheet_print_new (sheet, scale);
  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        GTK_WINDOW (self), error);
      return result != GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NimbusWindow *self = NIMBUS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!nimbus_window_print (self, NULL, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
}

/* The pages on the knowledge base and the store given; with no knowledge base, nothing
 * until nimbus_window_new () says why. */
static void
nimbus_window_constructed (GObject *object)
{
  NimbusWindow *self = NIMBUS_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (nimbus_window_parent_class)->constructed (object);

  g_assert (NIMBUS_IS_USER_STORE (self->store));

  if (self->kb == NULL)
    return;

  self->services = nimbus_kb_list_services (self->kb, &error);
  if (self->services == NULL || !load_exams (self, &error))
    {
      g_clear_object (&self->kb);
      show_error (self, error);
      return;
    }

  nimbus_service_list_set_services (self->service_list, self->services);

  nimbus_entry_page_set_store (self->entry_page, self->store);
  nimbus_weak_areas_page_set_sources (self->weak_page, self->kb, self->store);
  nimbus_review_page_set_sources (self->review_page, self->kb, self->store);
  nimbus_home_page_set_sources (self->home_page, self->kb, self->store);
  nimbus_practice_page_set_sources (self->practice_page, self->kb, self->store);
  update_exam (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (update_weak_count), self,
                           G_CONNECT_SWAPPED);
  update_weak_count (self);
  add_history_menu (self);
  if (nimbus_user_store_get_problem (self->store) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (nimbus_user_store_get_problem (self->store),
                                                       -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  /* A page kept from a knowledge base that no longer has it is quietly skipped. */
  last = g_settings_get_string (self->settings, "last-page");
  nimbus_window_show_page (self, last, FALSE);
}

static void
nimbus_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NimbusWindow *self = NIMBUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KB:
      g_value_set_object (value, self->kb);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NimbusWindow *self = NIMBUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KB:
      self->kb = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_window_dispose (GObject *object)
{
  NimbusWindow *self = NIMBUS_WINDOW (object);

  g_cancellable_cancel (self->search_cancellable);
  if (self->typing_id != 0)
    {
      g_clear_handle_id (&self->typing_id, g_source_remove);
      gtk_settings_reset_property (gtk_widget_get_settings (GTK_WIDGET (self)),
                                   "gtk-entry-select-on-focus");
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_WINDOW);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->zoom_toast);
  g_clear_weak_pointer (&self->link_toast);
  g_clear_object (&self->services);
  g_clear_object (&self->history_menu);
  g_clear_object (&self->kb);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->exam_ids, g_strfreev);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);

  G_OBJECT_CLASS (nimbus_window_parent_class)->dispose (object);
}

static void
nimbus_window_class_init (NimbusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nimbus_window_constructed;
  object_class->get_property = nimbus_window_get_property;
  object_class->set_property = nimbus_window_set_property;
  object_class->dispose = nimbus_window_dispose;

  /* The application's models, which every window shares (nimbus_window_new ()). */
  properties[PROP_KB] =
    g_param_spec_object ("kb", NULL, NULL, NIMBUS_TYPE_KB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NIMBUS_TYPE_USER_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NIMBUS_TYPE_ENTRY_PAGE);
  g_type_ensure (NIMBUS_TYPE_SEARCH_RESULTS);
  g_type_ensure (NIMBUS_TYPE_SERVICE_LIST);
  g_type_ensure (NIMBUS_TYPE_PAGE_CONTENTS);
  g_type_ensure (NIMBUS_TYPE_WEAK_AREAS_PAGE);
  g_type_ensure (NIMBUS_TYPE_REVIEW_PAGE);
  g_type_ensure (NIMBUS_TYPE_HOME_PAGE);
  g_type_ensure (NIMBUS_TYPE_PRACTICE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/nimbus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, weak_page);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, places_list);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, weak_count);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, content);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, history_buttons);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, service_list);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, exam_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, practice_page);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, contents_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, page_contents);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, entry_page);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, sidebar_results);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_service_list_service_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exam_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_results_hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_places_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_weak_page_open_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_weak_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_review_page_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_practice_page_open_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_page_store_error_cb);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.choose-exam", "s", choose_exam_action);
  gtk_widget_class_install_action (widget_class, "win.next-section", NULL, section_action);
  gtk_widget_class_install_action (widget_class, "win.previous-section", NULL, section_action);
  gtk_widget_class_install_action (widget_class, "win.flag-section", NULL, flag_section_action);
  gtk_widget_class_install_action (widget_class, "win.weak-areas", NULL, weak_areas_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.clear-history", NULL, clear_history_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "win.practice", NULL, practice_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_slash, 0, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Divide, 0, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  {
    const struct { guint keyval; const char *action; } zoom_keys[] = {
      { GDK_KEY_plus, "win.zoom-in" }, { GDK_KEY_equal, "win.zoom-in" },
      { GDK_KEY_KP_Add, "win.zoom-in" }, { GDK_KEY_minus, "win.zoom-out" },
      { GDK_KEY_KP_Subtract, "win.zoom-out" }, { GDK_KEY_0, "win.zoom-reset" },
      { GDK_KEY_KP_0, "win.zoom-reset" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
      gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, GDK_CONTROL_MASK,
                                           zoom_keys[i].action, NULL);
    /* Ctrl+plus is Ctrl+Shift+equal on many layouts. */
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus,
                                         GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in", NULL);
  }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-section",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "win.previous-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.flag-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.weak-areas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.practice", NULL);
}

#if ADW_CHECK_VERSION (1, 4, 0)
/* A pane as libadwaita 1.4 lays one out: its header bar on top of a toolbar view, the rest
 * of the pane under it. */
static GtkWidget *
toolbar_view_new (GtkWidget *pane,
                  GtkWidget *header)
{
  AdwToolbarView *view = ADW_TOOLBAR_VIEW (adw_toolbar_view_new ());

  g_object_ref (header);
  gtk_box_remove (GTK_BOX (pane), header);
  adw_toolbar_view_add_top_bar (view, header);
  g_object_unref (header);
  adw_toolbar_view_set_content (view, pane);

  return GTK_WIDGET (view);
}

/* The split view collapses at a breakpoint and brings its own way back, and the window
 * buttons where they belong. */
static void
create_panes (NimbusWindow *self)
{
  AdwNavigationSplitView *split_view = ADW_NAVIGATION_SPLIT_VIEW (adw_navigation_split_view_new ());
  AdwBreakpoint *breakpoint =
    adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 600sp"));
  GtkWidget *sidebar = toolbar_view_new (self->sidebar, self->sidebar_header);
  GtkWidget *content = toolbar_view_new (self->content, self->content_header);
  GValue collapsed = G_VALUE_INIT;

  g_assert (NIMBUS_IS_WINDOW (self));

  adw_navigation_split_view_set_sidebar (split_view,
                                         adw_navigation_page_new (sidebar, _("Services")));
  adw_navigation_split_view_set_content (split_view,
                                         adw_navigation_page_new (content, _("Nimbus")));
  gtk_widget_set_visible (self->sidebar_button, FALSE);
  g_object_bind_property (split_view, "collapsed", self->history_buttons, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  g_value_init (&collapsed, G_TYPE_BOOLEAN);
  g_value_set_boolean (&collapsed, TRUE);
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (split_view), "collapsed", &collapsed);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), breakpoint);
  g_signal_connect_object (split_view, "notify::collapsed", G_CALLBACK (place_search), self,
                           G_CONNECT_SWAPPED);

  self->panes = GTK_WIDGET (split_view);
}
#else
static void
on_leaflet_folded_cb (NimbusWindow *self)
{
  g_assert (NIMBUS_IS_WINDOW (self));

  /* Unfolding shows both panes; folding keeps the one being read, and the services
   * when there is nothing to read yet. */
  if (adw_leaflet_get_folded (ADW_LEAFLET (self->panes)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "home") == 0)
    show_sidebar (self);
  place_search (self);
}

/* Folded, the leaflet shows one pane, with a button back to the services. */
static void
create_panes (NimbusWindow *self)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (adw_leaflet_new ());
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  const struct { GObject *target; const char *property; GBindingFlags flags; } follow[] = {
    { G_OBJECT (self->sidebar_header), "show-end-title-buttons", 0 },
    { G_OBJECT (self->content_header), "show-start-title-buttons", 0 },
    { G_OBJECT (self->sidebar_button), "visible", 0 },
    { G_OBJECT (self->history_buttons), "visible", G_BINDING_INVERT_BOOLEAN },
  };

  g_assert (NIMBUS_IS_WINDOW (self));

  gtk_widget_add_css_class (separator, "sidebar");
  adw_leaflet_set_can_navigate_back (leaflet, TRUE);
  adw_leaflet_append (leaflet, self->sidebar);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (leaflet, separator), FALSE);
  adw_leaflet_append (leaflet, self->content);
  for (guint i = 0; i < G_N_ELEMENTS (follow); i++)
    g_object_bind_property (leaflet, "folded", follow[i].target, follow[i].property,
                            G_BINDING_SYNC_CREATE | follow[i].flags);
  g_signal_connect_object (leaflet, "notify::folded", G_CALLBACK (on_leaflet_folded_cb), self,
                           G_CONNECT_SWAPPED);

  self->panes = GTK_WIDGET (leaflet);
}
#endif

static void
nimbus_window_init (NimbusWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkPopover *main_menu;

  self->back = g_ptr_array_new_with_free_func (g_free);
  self->forward = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (update_print_action),
                           self, G_CONNECT_SWAPPED);

  /* Typing anywhere in the window types into the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (on_search_entry_changed_cb),
                            self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_mouse_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  create_panes (self);
  adw_toast_overlay_set_child (self->toast_overlay, self->panes);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "collapsed-categories", self->service_list, "collapsed",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::exam", G_CALLBACK (update_exam), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::text-scale", G_CALLBACK (update_zoom),
                           self, G_CONNECT_SWAPPED);
  main_menu = gtk_menu_button_get_popover (self->main_menu_button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (main_menu), self->zoom_box, "zoom");
  update_zoom (self);

  nimbus_page_contents_set_page (self->page_contents, self->entry_page);
  update_actions (self);
}

/* A window on the application's knowledge base and user store, which it shares with every
 * other window; the error page when the knowledge base cannot be opened. */
NimbusWindow *
nimbus_window_new (NimbusApplication *application)
{
  g_autoptr(GError) error = NULL;
  NimbusKb *kb;
  NimbusWindow *self;

  g_return_val_if_fail (NIMBUS_IS_APPLICATION (application), NULL);

  kb = nimbus_application_get_kb (application, &error);
  self = g_object_new (NIMBUS_TYPE_WINDOW,
                       "application", application,
                       "kb", kb,
                       "store", nimbus_application_get_store (application),
                       NULL);
  if (kb == NULL)
    show_error (self, error);

  return self;
}

/* The id of the page shown, NULL when none is. */
const char *
nimbus_window_get_page (NimbusWindow *self)
{
  g_return_val_if_fail (NIMBUS_IS_WINDOW (self), NULL);

  return self->current;
}

/* A message that stays until read: what went wrong with the link, and what to do. */
static void
show_link_problem (NimbusWindow *self,
                   const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_assert (NIMBUS_IS_WINDOW (self));

  g_message ("%s", message);
  /* The newest link's problem takes the place of the one before. */
  if (self->link_toast != NULL)
    {
      adw_toast_set_title (self->link_toast, escaped);
      return;
    }
  g_set_weak_pointer (&self->link_toast, adw_toast_new (escaped));
  adw_toast_set_timeout (self->link_toast, 0);
  adw_toast_set_priority (self->link_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, self->link_toast);
}

/* Opens what a nimbus: URI links to (nimbus:sqs/visibility-timeout), with the keyboard on the
 * section's heading; anything else is a message naming the URI, and the page shown stays.
 * FALSE when nothing was opened. */
gboolean
nimbus_window_open_uri (NimbusWindow *self,
                        const char   *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (NIMBUS_IS_WINDOW (self), FALSE);

  if (self->kb == NULL)
    return FALSE;

  if ((id = nimbus_link_dup_id (uri, &error)) == NULL)
    {
      show_link_problem (self, error->message);
      return FALSE;
    }
  if ((title = nimbus_kb_lookup_title (self->kb, id)) == NULL)
    {
      g_autofree char *display = nimbus_link_dup_display (uri);
      g_autofree char *message = NULL;

      /* Translators: %s is a link such as nimbus:sqs/visibility-timeout */
      message = g_strdup_printf (_("No page “%s” here: search for its topic instead"),
                                 display);
      show_link_problem (self, message);
      return FALSE;
    }

  nimbus_window_show_page (self, id, TRUE);
  return g_strcmp0 (self->current, id) == 0;
}

/* The user store the window's pages read and write. */
NimbusUserStore *
nimbus_window_get_store (NimbusWindow *self)
{
  g_return_val_if_fail (NIMBUS_IS_WINDOW (self), NULL);

  return self->store;
}

/* Searches for text as if it had been typed, as the Shell asks when a search is launched. */
void
nimbus_window_search (NimbusWindow *self,
                      const char   *text)
{
  g_return_if_fail (NIMBUS_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
