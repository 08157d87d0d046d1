/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-search-results"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-kb.h"
#include "nimbus-search-results.h"

/* The hits of a search, bound to their list model: title, service and a snippet with the
 * matched words in bold. */
struct _NimbusSearchResults
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *corrected_label;
  GtkListBox *list;

  guint n_hits;
  guint searching_id;     /* shows the spinner when a search takes long */
};

G_DEFINE_FINAL_TYPE (NimbusSearchResults, nimbus_search_results, GTK_TYPE_WIDGET)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SEARCHING_DELAY_MS 400

static const char *
kind_label (NimbusHitKind kind)
{
  switch (kind)
    {
    case NIMBUS_HIT_KIND_SERVICE:
      return _("Service");
    case NIMBUS_HIT_KIND_TIP:
      return _("Exam tip");
    case NIMBUS_HIT_KIND_FACT:
      return _("Key number");
    case NIMBUS_HIT_KIND_NOTE:
      return _("Your note");
    case NIMBUS_HIT_KIND_SECTION:
    default:
      return _("Section");
    }
}

static GtkWidget *
label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
row_new (gpointer item,
         gpointer user_data)
{
  NimbusSearchHit *hit = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = label_new ("heading");
  GtkWidget *where = label_new ("caption");
  GtkWidget *snippet = label_new ("snippet");
  g_autofree char *markup = nimbus_search_hit_dup_snippet_markup (hit);
  NimbusHitKind kind = nimbus_search_hit_get_kind (hit);
  g_autofree char *context = g_strdup_printf ("%s · %s", nimbus_search_hit_get_service_name (hit),
                                              kind_label (kind));

  /* Titles and service names are text, not markup. */
  gtk_label_set_text (GTK_LABEL (title), nimbus_search_hit_get_title (hit));
  gtk_label_set_text (GTK_LABEL (where), context);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_markup (GTK_LABEL (snippet), markup);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "search-result");
  if (kind == NIMBUS_HIT_KIND_NOTE)
    gtk_widget_add_css_class (row, "note-hit");
  g_object_set_data_full (G_OBJECT (row), "nimbus-id", g_strdup (nimbus_search_hit_get_id (hit)),
                          g_free);

  return row;
}

/* Shows hits, a list model of NimbusSearchHit; none (or NULL) shows that nothing was
 * found. */
void
nimbus_search_results_set_hits (NimbusSearchResults *self,
                                GListModel          *hits)
{
  g_return_if_fail (NIMBUS_IS_SEARCH_RESULTS (self));
  g_return_if_fail (hits == NULL || G_IS_LIST_MODEL (hits));

  g_clear_handle_id (&self->searching_id, g_source_remove);
  gtk_list_box_bind_model (self->list, hits, row_new, NULL, NULL);
  self->n_hits = hits != NULL ? g_list_model_get_n_items (hits) : 0;

  gtk_stack_set_visible_child_name (self->stack, self->n_hits > 0 ? "results" : "empty");
}

/* "Showing results for “visibility timeout”" above the hits when search corrected a word;
 * NULL hides it. */
void
nimbus_search_results_set_corrected (NimbusSearchResults *self,
                                     const char          *corrected)
{
  g_autofree char *text = NULL;

  g_return_if_fail (NIMBUS_IS_SEARCH_RESULTS (self));

  if (corrected != NULL)
    text = g_strdup_printf (_("Showing results for “%s”"), corrected);
  gtk_label_set_text (self->corrected_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->corrected_label), corrected != NULL);
}

guint
nimbus_search_results_get_n_hits (NimbusSearchResults *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_RESULTS (self), 0);

  return self->n_hits;
}

static void
on_list_row_activated_cb (NimbusSearchResults *self,
                          GtkListBoxRow       *row)
{
  g_assert (NIMBUS_IS_SEARCH_RESULTS (self));

  g_signal_emit (self, signals[HIT_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "nimbus-id"));
}

gboolean
nimbus_search_results_activate_first (NimbusSearchResults *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row == NULL)
    return FALSE;

  on_list_row_activated_cb (self, row);
  return TRUE;
}

gboolean
nimbus_search_results_focus_first (NimbusSearchResults *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

static gboolean
show_searching_cb (gpointer user_data)
{
  NimbusSearchResults *self = user_data;

  g_assert (NIMBUS_IS_SEARCH_RESULTS (self));

  self->searching_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "searching");
  return G_SOURCE_REMOVE;
}

/* A search has started (or, FALSE, was given up): the hits shown stay until the new ones
 * come, and a spinner shows if they are long in coming (a loaded machine, a long pasted
 * question). */
void
nimbus_search_results_set_searching (NimbusSearchResults *self,
                                     gboolean             searching)
{
  g_return_if_fail (NIMBUS_IS_SEARCH_RESULTS (self));

  if (searching)
    {
      if (self->searching_id == 0)
        self->searching_id = g_timeout_add (SEARCHING_DELAY_MS, show_searching_cb, self);
      return;
    }

  g_clear_handle_id (&self->searching_id, g_source_remove);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "searching") == 0)
    gtk_stack_set_visible_child_name (self->stack, self->n_hits > 0 ? "results" : "empty");
}

gboolean
nimbus_search_results_is_searching (NimbusSearchResults *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_RESULTS (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "searching") == 0;
}

static GtkWidget *
spinner_new (void)
{
#if ADW_CHECK_VERSION (1, 6, 0)
  GtkWidget *spinner = adw_spinner_new ();
#else
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
#endif
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Searching"), -1);

  return spinner;
}

static void
nimbus_search_results_dispose (GObject *object)
{
  NimbusSearchResults *self = NIMBUS_SEARCH_RESULTS (object);

  g_clear_handle_id (&self->searching_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), NIMBUS_TYPE_SEARCH_RESULTS);

  G_OBJECT_CLASS (nimbus_search_results_parent_class)->dispose (object);
}

static void
nimbus_search_results_class_init (NimbusSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_search_results_dispose;

  /* A hit was opened: its service, section, tip or fact id. */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusSearchResults, stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusSearchResults, corrected_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusSearchResults, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
}

static void
nimbus_search_results_init (NimbusSearchResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_add_named (self->stack, spinner_new (), "searching");
}

GtkWidget *
nimbus_search_results_new (void)
{
  return g_object_new (NIMBUS_TYPE_SEARCH_RESULTS, NULL);
}
