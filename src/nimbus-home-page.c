/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-home-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-accessible.h"
#include "nimbus-home-page.h"
#include "nimbus-service.h"

/* What the window shows when no page is open: the exam being studied (or the choice of one),
 * reviews due, how ready the student is in each of the exam's domains, weak areas by
 * service, and ways to go on: practice, or the page last read. */
struct _NimbusHomePage
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkLabel *title_label;
  GtkLabel *description_label;
  GtkBox *exam_choice;
  GtkWidget *start_box;
  GtkWidget *continue_button;
  GtkLabel *continue_label;
  GtkWidget *reviews_group;
  AdwActionRow *reviews_row;
  GtkWidget *review_button;
  GtkBox *readiness_box;
  AdwPreferencesGroup *weak_group;

  NimbusKb *kb;
  NimbusUserStore *store;
  gulong changed_id;
  GPtrArray *exams;          /* NimbusExam */
  GPtrArray *weak_rows;
  char *exam;                /* "", "all" or an exam's id */
  char *last_page;
  guint due;
};

G_DEFINE_FINAL_TYPE (NimbusHomePage, nimbus_home_page, GTK_TYPE_WIDGET)

static guint
percent (guint part,
         guint whole)
{
  return whole > 0 ? (part * 100 + whole / 2) / whole : 0;
}

/* The figures of a domain in words, as the row shows them and a screen reader says them. */
static char *
readiness_text (const NimbusDomainReadiness *readiness)
{
  g_autofree char *answered = NULL;
  g_autofree char *recent = NULL;
  g_autofree char *weak = NULL;

  /* Translators: questions answered in an exam domain */
  answered = g_strdup_printf (ngettext ("%u answered", "%u answered", readiness->answered),
                              readiness->answered);
  if (readiness->recent > 0)
    /* Translators: "75% right of the last 20" */
    recent = g_strdup_printf (ngettext ("%u%% right of the last %u", "%u%% right of the last %u",
                                        readiness->recent),
                              percent (readiness->recent_right, readiness->recent),
                              readiness->recent);
  else
    recent = g_strdup (_("no answers yet"));
  weak = g_strdup_printf (ngettext ("%u weak area", "%u weak areas", readiness->weak),
                          readiness->weak);

  /* Translators: "12 answered · 75% right of the last 20 · 2 weak areas" */
  return g_strdup_printf (_("%s · %s · %s"), answered, recent, weak);
}

static GtkWidget *
readiness_row_new (const NimbusDomainReadiness *readiness)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *level = gtk_level_bar_new_for_interval (0, 1);
  g_autofree char *title = NULL;
  g_autofree char *figures = readiness_text (readiness);
  g_autofree char *spoken = NULL;

  title = g_strdup_printf (_("Domain %u: %s"), readiness->domain, readiness->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), figures);
  gtk_widget_add_css_class (row, "readiness");

  if (readiness->recent > 0)
    gtk_level_bar_set_value (GTK_LEVEL_BAR (level),
                             (double) readiness->recent_right / readiness->recent);
  gtk_widget_set_size_request (level, 96, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  /* Translators: the readiness bar of a domain as a screen reader says it */
  spoken = g_strdup_printf (_("Readiness in %s: %s"), title, figures);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
  g_object_set_data_full (G_OBJECT (row), "nimbus-figures", g_strdup (figures), g_free);

  return row;
}

static GtkWidget *
readiness_group_new (NimbusHomePage   *self,
                     const NimbusExam *exam,
                     gboolean          one_exam)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  g_assert (NIMBUS_IS_HOME_PAGE (self));

  /* Translators: "Readiness for Developer" */
  title = one_exam ? g_strdup (_("Readiness by Domain"))
                   : g_strdup_printf (_("Readiness for %s"), exam->short_name);
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The bar is the share right of the latest answers."));

  domains = nimbus_user_store_get_readiness (self->store, self->kb, exam->id,
                                             NIMBUS_STORE_READINESS_LAST, &error);
  if (domains == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return group;
    }

  for (guint i = 0; i < domains->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               readiness_row_new (g_ptr_array_index (domains, i)));

  return group;
}

/* Flags per service, in sidebar order. */
static void
fill_weak_areas (NimbusHomePage *self,
                 GPtrArray      *flags)
{
  g_autoptr(GListModel) services = nimbus_kb_list_services (self->kb, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (NIMBUS_IS_HOME_PAGE (self));

  for (guint i = 0; self->weak_rows != NULL && i < self->weak_rows->len; i++)
    adw_preferences_group_remove (self->weak_group, g_ptr_array_index (self->weak_rows, i));
  g_clear_pointer (&self->weak_rows, g_ptr_array_unref);
  self->weak_rows = g_ptr_array_new ();

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      const NimbusFlag *flag = g_ptr_array_index (flags, i);
      char *service_id = nimbus_id_dup_service_id (flag->id);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, service_id));

      g_hash_table_replace (counts, service_id, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, nimbus_service_get_id (service)));
      GtkWidget *row;
      g_autofree char *count = NULL;

      if (n == 0)
        continue;
      row = adw_action_row_new ();
      count = g_strdup_printf (ngettext ("%u weak area", "%u weak areas", n), n);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nimbus_service_get_name (service));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.weak-areas");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (self->weak_group, row);
      g_ptr_array_add (self->weak_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->weak_group), self->weak_rows->len > 0);
}

/* Flags due now or earlier today count as due today. */
static guint
count_due (GPtrArray *flags)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (g_date_time_get_year (tomorrow),
                                                      g_date_time_get_month (tomorrow),
                                                      g_date_time_get_day_of_month (tomorrow),
                                                      0, 0, 0);
  g_autofree char *limit = g_date_time_format_iso8601 (midnight);
  guint due = 0;

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      const NimbusFlag *flag = g_ptr_array_index (flags, i);

      due += flag->due_at == NULL || g_strcmp0 (flag->due_at, limit) < 0;
    }

  return due;
}

static void
fill_reviews (NimbusHomePage *self,
              GPtrArray      *flags)
{
  g_autofree char *title = NULL;

  g_assert (NIMBUS_IS_HOME_PAGE (self));

  self->due = count_due (flags);
  if (self->due > 0)
    /* Translators: weak areas whose Leitner box makes them due */
    title = g_strdup_printf (ngettext ("%u weak area due for review today",
                                       "%u weak areas due for review today", self->due), self->due);
  else if (flags != NULL && flags->len > 0)
    title = g_strdup (_("No reviews due today"));
  else
    title = g_strdup (_("No weak areas yet: practice finds them for you"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->reviews_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reviews_row), title);
  gtk_widget_set_visible (self->review_button, self->due > 0);
}

static const NimbusExam *
find_exam (NimbusHomePage *self,
           const char     *id)
{
  g_assert (NIMBUS_IS_HOME_PAGE (self));

  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (self->exams, i);

      if (g_strcmp0 (exam->id, id) == 0)
        return exam;
    }

  return NULL;
}

static void
fill_heading (NimbusHomePage *self)
{
  const NimbusExam *exam = find_exam (self, self->exam);
  gboolean chosen = self->exam != NULL && *self->exam != '\0';

  g_assert (NIMBUS_IS_HOME_PAGE (self));

  if (!chosen)
    {
      gtk_label_set_text (self->title_label, _("Study AWS"));
      gtk_label_set_text (self->description_label,
                          _("Which exam are you studying for? You can change it at the top of "
                            "the sidebar."));
    }
  else
    {
      gtk_label_set_text (self->title_label, exam != NULL ? exam->name : _("All Services"));
      gtk_label_set_text (self->description_label,
                          _("Pick a service, or type anywhere to search every topic."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->exam_choice), !chosen);
}

static void
fill_continue (NimbusHomePage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  g_assert (NIMBUS_IS_HOME_PAGE (self));

  if (self->kb != NULL && self->last_page != NULL && *self->last_page != '\0')
    title = nimbus_kb_lookup_title (self->kb, self->last_page);

  gtk_widget_set_visible (self->continue_button, title != NULL);
  if (title == NULL)
    return;

  /* Translators: the button back to the page last read, "Continue with “Visibility timeout”" */
  text = g_strdup_printf (_("Continue with “%s”"), title);
  gtk_label_set_text (self->continue_label, text);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->continue_button), "s", self->last_page);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->continue_button), "win.show-page");
}

static void
rebuild (NimbusHomePage *self)
{
  g_autoptr(GPtrArray) flags = NULL;
  const NimbusExam *exam;
  GtkWidget *child;

  g_assert (NIMBUS_IS_HOME_PAGE (self));

  fill_heading (self);
  fill_continue (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->readiness_box))) != NULL)
    gtk_box_remove (self->readiness_box, child);

  if (self->kb == NULL || self->store == NULL)
    return;

  flags = nimbus_user_store_list (self->store, NULL);
  fill_reviews (self, flags);
  fill_weak_areas (self, flags);

  if ((exam = find_exam (self, self->exam)) != NULL)
    gtk_box_append (self->readiness_box, readiness_group_new (self, exam, TRUE));
  else
    for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
      gtk_box_append (self->readiness_box,
                      readiness_group_new (self, g_ptr_array_index (self->exams, i), FALSE));
}

static void
fill_exam_choice (NimbusHomePage *self)
{
  GtkWidget *child;

  g_assert (NIMBUS_IS_HOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exam_choice))) != NULL)
    gtk_box_remove (self->exam_choice, child);

  for (guint i = 0; self->exams != NULL && i <= self->exams->len; i++)
    {
      const NimbusExam *exam = i < self->exams->len ? g_ptr_array_index (self->exams, i) : NULL;
      GtkWidget *button = gtk_button_new_with_label (exam != NULL ? exam->short_name
                                                                  : _("All Services"));

      if (exam != NULL)
        {
          gtk_widget_set_tooltip_text (button, exam->name);
          gtk_widget_add_css_class (button, "suggested-action");
        }
      gtk_widget_add_css_class (button, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.choose-exam");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        exam != NULL ? exam->id : "all");
      gtk_box_append (self->exam_choice, button);
    }
}

void
nimbus_home_page_set_sources (NimbusHomePage  *self,
                              NimbusKb        *kb,
                              NimbusUserStore *store)
{
  g_return_if_fail (NIMBUS_IS_HOME_PAGE (self));

  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->kb, kb);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->exams, g_ptr_array_unref);
  self->exams = kb != NULL ? nimbus_kb_list_exams (kb, NULL) : NULL;
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (rebuild), self);

  fill_exam_choice (self);
  rebuild (self);
}

/* The exam chosen in the sidebar: "" before the first choice, "all", or an exam's id. */
void
nimbus_home_page_set_exam (NimbusHomePage *self,
                           const char     *exam)
{
  g_return_if_fail (NIMBUS_IS_HOME_PAGE (self));

  if (g_strcmp0 (self->exam, exam) == 0)
    return;
  g_free (self->exam);
  self->exam = g_strdup (exam);
  rebuild (self);
}

/* The page to continue with: a service, section or tip id, or NULL. */
void
nimbus_home_page_set_last_page (NimbusHomePage *self,
                                const char     *id)
{
  g_return_if_fail (NIMBUS_IS_HOME_PAGE (self));

  g_free (self->last_page);
  self->last_page = g_strdup (id);
  fill_continue (self);
}

/* Reads the store again: answers do not change what it signals. */
void
nimbus_home_page_refresh (NimbusHomePage *self)
{
  g_return_if_fail (NIMBUS_IS_HOME_PAGE (self));

  rebuild (self);
}

guint
nimbus_home_page_get_n_due (NimbusHomePage *self)
{
  g_return_val_if_fail (NIMBUS_IS_HOME_PAGE (self), 0);

  return self->due;
}

static void
nimbus_home_page_dispose (GObject *object)
{
  NimbusHomePage *self = NIMBUS_HOME_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_HOME_PAGE);
  g_clear_object (&self->kb);
  g_clear_object (&self->store);
  g_clear_pointer (&self->exams, g_ptr_array_unref);
  g_clear_pointer (&self->weak_rows, g_ptr_array_unref);
  g_clear_pointer (&self->exam, g_free);
  g_clear_pointer (&self->last_page, g_free);

  G_OBJECT_CLASS (nimbus_home_page_parent_class)->dispose (object);
}

static void
nimbus_home_page_class_init (NimbusHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_home_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/nimbus-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, exam_choice);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, start_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, continue_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, reviews_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, review_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, readiness_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusHomePage, weak_group);
}

static void
nimbus_home_page_init (NimbusHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nimbus_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  self->exam = g_strdup ("");
}
