/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-practice-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-accessible.h"
#include "nimbus-markup.h"
#include "nimbus-practice-page.h"
#include "nimbus-practice-results.h"
#include "nimbus-service.h"

/* Practice: a set of exam-style questions picked by exam, domains and service, asked one at
 * a time. A wrong answer flags the sections that teach it, with an undo; a right one on a
 * flagged section counts as its review. A mock exam runs against a timer that can pause. */
struct _NimbusPracticePage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwComboRow *exam_row;
  AdwComboRow *service_row;
  AdwComboRow *count_row;
  AdwPreferencesGroup *domains_group;
  GtkLabel *available_label;
  GtkLabel *progress_label;
  GtkLabel *timer_label;
  GtkWidget *pause_button;
  GtkProgressBar *progress_bar;
  GtkStack *question_stack;
  GtkScrolledWindow *question_scroller;
  GtkLabel *meta_label;
  GtkLabel *stem_label;
  GtkLabel *choose_label;
  GtkBox *options_box;
  GtkWidget *verdict_box;
  GtkImage *verdict_icon;
  GtkLabel *verdict_label;
  GtkBox *links_box;
  GtkLabel *keys_label;
  GtkWidget *check_button;
  GtkWidget *next_button;
  NimbusPracticeResults *results;

  NimbusKb *kb;
  NimbusUserStore *store;
  GPtrArray *exams;          /* NimbusExam, as the exam row lists them */
  GPtrArray *service_ids;    /* as the service row lists them; NULL first: any */
  GPtrArray *domain_checks;  /* GtkCheckButton for each domain of the exam chosen */
  GPtrArray *domain_rows;

  /* The practice under way */
  char *exam_id;
  GListModel *questions;     /* NimbusQuestion */
  GArray *outcomes;          /* NimbusPracticeOutcome per question */
  guint position;
  gboolean checked;
  GPtrArray *option_buttons; /* GtkCheckButton of the question shown */
  GPtrArray *why_labels;
  gboolean timed;
  gboolean paused;
  gint64 left_usec;          /* on the timer when it last started or stopped */
  gint64 started_usec;       /* monotonic time it last started */
  guint tick_id;
  gint64 paused_usec;        /* the time the timer has been paused */
  gint64 session_id;         /* in the user store's history; 0: not kept */
};

G_DEFINE_FINAL_TYPE (NimbusPracticePage, nimbus_practice_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_ITEM,
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Counts the setup offers; the last is the mock exam. */
static const guint counts[] = { 10, 20, NIMBUS_PRACTICE_MOCK_QUESTIONS };

/* 1 to 5 pick an option; more than five are picked with the mouse or Tab. */
#define KEYED_OPTIONS 5

static void show_question (NimbusPracticePage *self);
static void finish (NimbusPracticePage *self);

static void
toast (NimbusPracticePage *self,
       const char         *text,
       AdwToast          **out)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (out != NULL)
    *out = toast;
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  if (out == NULL)
    g_object_unref (toast);
}

static const NimbusExam *
chosen_exam (NimbusPracticePage *self)
{
  guint index = adw_combo_row_get_selected (self->exam_row);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  return self->exams != NULL && index < self->exams->len ? g_ptr_array_index (self->exams, index)
                                                         : NULL;
}

static const NimbusExam *
session_exam (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (self->exams, i);

      if (g_strcmp0 (exam->id, self->exam_id) == 0)
        return exam;
    }

  return NULL;
}

static void
update_actions (NimbusPracticePage *self)
{
  gboolean asking = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "question") == 0;
  gboolean picked = FALSE;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  for (guint i = 0; self->option_buttons != NULL && i < self->option_buttons->len; i++)
    picked |= gtk_check_button_get_active (g_ptr_array_index (self->option_buttons, i));

  asking = asking && !self->paused;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.check",
                                 asking && !self->checked && picked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.next", asking && self->checked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.pick", asking && !self->checked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.paused", self->timed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.resume",
                                 self->timed && self->paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.finish", self->questions != NULL);
}

/* Setup */

/* How many questions the choices in the setup give, told under them. */
static void
update_available (NimbusPracticePage *self)
{
  const NimbusExam *exam = chosen_exam (self);
  guint index = adw_combo_row_get_selected (self->service_row);
  const char *service_id = NULL;
  guint available = 0;
  guint wanted;
  g_autofree char *text = NULL;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (exam == NULL || self->kb == NULL)
    return;

  if (self->service_ids != NULL && index < self->service_ids->len)
    service_id = g_ptr_array_index (self->service_ids, index);
  for (guint i = 0; self->domain_checks != NULL && i < self->domain_checks->len; i++)
    {
      const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, i);

      if (gtk_check_button_get_active (g_ptr_array_index (self->domain_checks, i)))
        available += nimbus_kb_count_questions (self->kb, exam->id, domain->number, service_id,
                                                NULL);
    }

  wanted = counts[MIN (adw_combo_row_get_selected (self->count_row), G_N_ELEMENTS (counts) - 1)];
  if (available == 0)
    text = g_strdup (_("No questions match these choices: choose more domains or any service."));
  else if (available < wanted)
    /* Translators: "12 questions match, so the practice has 12." */
    text = g_strdup_printf (ngettext ("%u question matches, so the practice has %u.",
                                      "%u questions match, so the practice has %u.", available),
                            available, available);
  else
    text = g_strdup_printf (ngettext ("%u question matches.", "%u questions match.", available),
                            available);

  gtk_label_set_text (self->available_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.start", available > 0);
}

static void
on_setup_changed_cb (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  update_available (self);
}

static void
fill_services (NimbusPracticePage *self,
               const NimbusExam   *exam)
{
  g_autoptr(GListModel) services = nimbus_kb_list_services (self->kb, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  g_clear_pointer (&self->service_ids, g_ptr_array_unref);
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->service_ids, NULL);
  gtk_string_list_append (names, _("Any Service"));

  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      const char *id = nimbus_service_get_id (service);

      if (!g_strv_contains (nimbus_service_get_exams (service), exam->id) ||
          nimbus_kb_count_questions (self->kb, exam->id, 0, id, NULL) == 0)
        continue;
      g_ptr_array_add (self->service_ids, g_strdup (id));
      gtk_string_list_append (names, nimbus_service_get_name (service));
    }

  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->service_row, 0);
}

static void
fill_domains (NimbusPracticePage *self,
              const NimbusExam   *exam)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  for (guint i = 0; self->domain_rows != NULL && i < self->domain_rows->len; i++)
    adw_preferences_group_remove (self->domains_group, g_ptr_array_index (self->domain_rows, i));
  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);
  g_clear_pointer (&self->domain_checks, g_ptr_array_unref);
  self->domain_rows = g_ptr_array_new ();
  self->domain_checks = g_ptr_array_new ();

  for (guint i = 0; i < exam->domains->len; i++)
    {
      const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: "Domain 2: Security" */
      title = g_strdup_printf (_("Domain %u: %s"), domain->number, domain->name);
      /* Translators: a domain's weight in its exam, "26% of the exam" */
      subtitle = g_strdup_printf (_("%u%% of the exam"), domain->weight);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_available), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->domains_group, row);
      g_ptr_array_add (self->domain_rows, row);
      g_ptr_array_add (self->domain_checks, check);
    }
}

static void
on_exam_row_selected_cb (NimbusPracticePage *self)
{
  const NimbusExam *exam = chosen_exam (self);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (exam == NULL || self->kb == NULL)
    return;

  fill_services (self, exam);
  fill_domains (self, exam);
  update_available (self);
}

void
nimbus_practice_page_set_sources (NimbusPracticePage *self,
                                  NimbusKb           *kb,
                                  NimbusUserStore    *store)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (NIMBUS_IS_PRACTICE_PAGE (self));

  g_set_object (&self->kb, kb);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->exams, g_ptr_array_unref);
  self->exams = kb != NULL ? nimbus_kb_list_exams (kb, NULL) : NULL;

  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (self->exams, i);

      gtk_string_list_append (names, exam->short_name);
    }
  adw_combo_row_set_model (self->exam_row, G_LIST_MODEL (names));
  on_exam_row_selected_cb (self);
}

/* The exam the setup offers first: the one the sidebar lists; "all" or none changes
 * nothing. */
void
nimbus_practice_page_set_exam (NimbusPracticePage *self,
                               const char         *exam_id)
{
  g_return_if_fail (NIMBUS_IS_PRACTICE_PAGE (self));

  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      if (g_strcmp0 (((NimbusExam *) g_ptr_array_index (self->exams, i))->id, exam_id) == 0)
        adw_combo_row_set_selected (self->exam_row, i);
    }
}

/* The timer */

gint64
nimbus_practice_page_get_seconds_left (NimbusPracticePage *self)
{
  gint64 left;

  g_return_val_if_fail (NIMBUS_IS_PRACTICE_PAGE (self), 0);

  if (!self->timed)
    return 0;
  left = self->left_usec;
  if (!self->paused)
    left -= g_get_monotonic_time () - self->started_usec;

  return MAX (left, 0) / G_USEC_PER_SEC;
}

static void
update_timer (NimbusPracticePage *self)
{
  gint64 left = nimbus_practice_page_get_seconds_left (self);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  /* Translators: the time left in a mock exam, hours:minutes:seconds */
  text = g_strdup_printf (_("%d:%02d:%02d left"), (int) (left / 3600), (int) (left / 60 % 60),
                          (int) (left % 60));
  spoken = g_strdup_printf (self->paused ? _("Timer paused, %s") : _("Timer, %s"), text);
  gtk_label_set_text (self->timer_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static gboolean
tick_cb (gpointer user_data)
{
  NimbusPracticePage *self = user_data;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  update_timer (self);
  if (nimbus_practice_page_get_seconds_left (self) > 0)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  toast (self, _("Time is up"), NULL);
  finish (self);
  return G_SOURCE_REMOVE;
}

static void
stop_timer (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
}

gboolean
nimbus_practice_page_get_paused (NimbusPracticePage *self)
{
  g_return_val_if_fail (NIMBUS_IS_PRACTICE_PAGE (self), FALSE);

  return self->paused;
}

/* Pausing stops the timer of a mock exam and hides the question until it goes on. */
void
nimbus_practice_page_set_paused (NimbusPracticePage *self,
                                 gboolean            paused)
{
  g_return_if_fail (NIMBUS_IS_PRACTICE_PAGE (self));

  paused = paused && self->timed;
  if (self->paused == paused)
    return;

  if (paused)
    {
      self->left_usec -= g_get_monotonic_time () - self->started_usec;
      self->started_usec = g_get_monotonic_time ();
      stop_timer (self);
    }
  else
    {
      self->paused_usec += g_get_monotonic_time () - self->started_usec;
      self->started_usec = g_get_monotonic_time ();
      self->tick_id = g_timeout_add (500, tick_cb, self);
    }
  self->paused = paused;

  gtk_stack_set_visible_child_name (self->question_stack, paused ? "paused" : "running");
  gtk_button_set_icon_name (GTK_BUTTON (self->pause_button),
                            paused ? "media-playback-start-symbolic"
                                   : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (self->pause_button,
                               paused ? _("Resume the Timer") : _("Pause the Timer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume the Timer") : _("Pause the Timer"), -1);
  update_timer (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/* A practice */

gboolean
nimbus_practice_page_is_running (NimbusPracticePage *self)
{
  g_return_val_if_fail (NIMBUS_IS_PRACTICE_PAGE (self), FALSE);

  return self->questions != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "question") == 0;
}

static void
begin (NimbusPracticePage *self,
       const char         *exam_id,
       GListModel         *questions,
       gboolean            timed)
{
  guint n = g_list_model_get_n_items (questions);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  stop_timer (self);
  g_free (self->exam_id);
  self->exam_id = g_strdup (exam_id);
  g_set_object (&self->questions, questions);
  g_clear_pointer (&self->outcomes, g_array_unref);
  self->outcomes = g_array_sized_new (FALSE, TRUE, sizeof (guint8), n);
  g_array_set_size (self->outcomes, n);
  self->position = 0;
  self->paused = FALSE;
  self->timed = timed;
  self->left_usec = (gint64) NIMBUS_PRACTICE_MOCK_MINUTES * 60 * G_USEC_PER_SEC;
  self->started_usec = g_get_monotonic_time ();
  self->paused_usec = 0;
  if (timed)
    self->tick_id = g_timeout_add (500, tick_cb, self);

  self->session_id = 0;
  if (self->store != NULL && nimbus_user_store_is_writable (self->store))
    {
      g_autoptr(GError) error = NULL;

      self->session_id = nimbus_user_store_start_practice (self->store, exam_id,
                                                           timed ? "mock" : "practice", &error);
      if (self->session_id == 0)
        toast (self, error->message, NULL);
    }
  else if (self->store != NULL && nimbus_user_store_get_problem (self->store) != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the user store cannot be written */
      message = g_strdup_printf (_("Answers will not be kept and nothing will be flagged: %s"),
                                 nimbus_user_store_get_problem (self->store));
      toast (self, message, NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), timed);
  gtk_widget_set_visible (self->pause_button, timed);
  gtk_stack_set_visible_child_name (self->question_stack, "running");
  gtk_stack_set_visible_child_name (self->stack, "question");
  update_timer (self);
  show_question (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/* Starts a practice with the setup's choices; FALSE when none of the questions match. */
gboolean
nimbus_practice_page_start (NimbusPracticePage *self)
{
  const NimbusExam *exam;
  g_autoptr(GArray) domains = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GError) error = NULL;
  const char *service_ids[2] = { NULL, NULL };
  guint index;
  guint count;

  g_return_val_if_fail (NIMBUS_IS_PRACTICE_PAGE (self), FALSE);

  if ((exam = chosen_exam (self)) == NULL)
    return FALSE;

  for (guint i = 0; self->domain_checks != NULL && i < self->domain_checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->domain_checks, i)))
        {
          const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, i);

          g_array_append_val (domains, domain->number);
        }
    }
  index = adw_combo_row_get_selected (self->service_row);
  if (self->service_ids != NULL && index < self->service_ids->len)
    service_ids[0] = g_ptr_array_index (self->service_ids, index);
  index = MIN (adw_combo_row_get_selected (self->count_row), G_N_ELEMENTS (counts) - 1);
  count = counts[index];

  questions = nimbus_kb_pick_questions (self->kb, exam->id, (guint *) domains->data, domains->len,
                                        service_ids[0] != NULL ? service_ids : NULL, count,
                                        g_random_int (), &error);
  if (questions == NULL || g_list_model_get_n_items (questions) == 0)
    {
      toast (self, error != NULL ? error->message : _("No questions match these choices"), NULL);
      return FALSE;
    }

  begin (self, exam->id, questions, index == G_N_ELEMENTS (counts) - 1);
  return TRUE;
}

void
nimbus_practice_page_show_setup (NimbusPracticePage *self)
{
  g_return_if_fail (NIMBUS_IS_PRACTICE_PAGE (self));

  stop_timer (self);
  self->timed = FALSE;
  self->paused = FALSE;
  g_clear_object (&self->questions);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->stack, "setup");
  update_available (self);
  update_actions (self);
}

/* One question */

static NimbusQuestion *
current_question (NimbusPracticePage *self)
{
  g_autoptr(NimbusQuestion) question = g_list_model_get_item (self->questions, self->position);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  /* The model holds it. */
  return question;
}

static char *
domain_text (const NimbusExam *exam,
             guint             number)
{
  const NimbusExamDomain *domain = exam != NULL ? nimbus_exam_find_domain (exam, number) : NULL;

  if (domain == NULL)
    return g_strdup_printf (_("Domain %u"), number);
  return g_strdup_printf (_("Domain %u: %s"), number, domain->name);
}

static void
on_option_toggled_cb (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  update_actions (self);
}

static GtkWidget *
option_new (NimbusPracticePage *self,
            NimbusQuestion     *question,
            guint               option,
            GtkCheckButton     *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *why = gtk_label_new (NULL);
  g_autofree char *markup = nimbus_markup_from_text (nimbus_question_get_option_text (question,
                                                                                   option));
  g_autofree char *text = NULL;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  /* Translators: an option as the keyboard picks it, "2. Turn on long polling" */
  text = g_strdup_printf (_("%u. %s"), option + 1, markup);
  gtk_label_set_markup (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (on_option_toggled_cb), self);
  gtk_widget_add_css_class (box, "option");

  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_label_set_selectable (GTK_LABEL (why), TRUE);
  gtk_widget_set_focusable (why, FALSE);
  gtk_widget_set_margin_start (why, 28);
  gtk_widget_set_visible (why, FALSE);
  gtk_widget_add_css_class (why, "why");

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), why);
  g_ptr_array_add (self->option_buttons, button);
  g_ptr_array_add (self->why_labels, why);

  return box;
}

static void
show_question (NimbusPracticePage *self)
{
  NimbusQuestion *question = current_question (self);
  guint n = g_list_model_get_n_items (self->questions);
  guint choose = nimbus_question_get_choose (question);
  g_autofree char *progress = NULL;
  g_autofree char *service = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *choose_text = NULL;
  g_autofree char *stem = NULL;
  GtkWidget *child;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  self->checked = FALSE;
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->why_labels, g_ptr_array_unref);
  self->option_buttons = g_ptr_array_new ();
  self->why_labels = g_ptr_array_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_box))) != NULL)
    gtk_box_remove (self->options_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_box_remove (self->links_box, child);

  /* Translators: "Question 3 of 20" */
  progress = g_strdup_printf (_("Question %u of %u"), self->position + 1, n);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->position / n);

  service = nimbus_kb_lookup_title (self->kb, nimbus_question_get_service_id (question));
  domain = domain_text (session_exam (self), nimbus_question_get_domain (question, self->exam_id));
  /* Translators: what a question is about, "SQS · Domain 4: Troubleshooting and Optimization" */
  meta = g_strdup_printf (_("%s · %s"), service != NULL ? service : "", domain);
  gtk_label_set_text (self->meta_label, meta);
  stem = nimbus_markup_from_text (nimbus_question_get_stem (question));
  gtk_label_set_markup (self->stem_label, stem);

  if (choose > 1)
    {
      const char *numbers[] = { NULL, NULL, N_("TWO"), N_("THREE"), N_("FOUR") };

      /* Translators: how many options to choose; %s is "TWO", "THREE" */
      choose_text = g_strdup_printf (_("Choose %s."), choose < G_N_ELEMENTS (numbers)
                                                      ? _(numbers[choose]) : "");
    }
  gtk_label_set_text (self->choose_label, choose_text != NULL ? choose_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->choose_label), choose_text != NULL);

  for (guint i = 0; i < nimbus_question_get_n_options (question); i++)
    gtk_box_append (self->options_box,
                    option_new (self, question,  i,
                                choose == 1 && i > 0 ? g_ptr_array_index (self->option_buttons, 0)
                                                     : NULL));

  gtk_widget_set_visible (self->verdict_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), FALSE);
  gtk_widget_set_visible (self->check_button, TRUE);
  gtk_widget_set_visible (self->next_button, FALSE);
  gtk_label_set_text (self->keys_label, choose > 1 ? _("1–5 choose · Enter checks")
                                                   : _("1–5 pick · Enter checks"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->question_scroller), 0);
  update_actions (self);

  if (self->option_buttons->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->option_buttons, 0));
}

/* The questions of the practice under way or just ended, in the order asked; NULL before
 * the first. */
GListModel *
nimbus_practice_page_get_questions (NimbusPracticePage *self)
{
  g_return_val_if_fail (NIMBUS_IS_PRACTICE_PAGE (self), NULL);

  return self->questions;
}

/* The question shown, or NULL when none is. */
NimbusQuestion *
nimbus_practice_page_get_question (NimbusPracticePage *self)
{
  g_return_val_if_fail (NIMBUS_IS_PRACTICE_PAGE (self), NULL);

  return nimbus_practice_page_is_running (self) ? current_question (self) : NULL;
}

/* Picks option (from 0) as a click would: a radio is chosen, a check button toggled. */
static void
pick (NimbusPracticePage *self,
      guint               option)
{
  GtkCheckButton *button;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (self->checked || self->option_buttons == NULL || option >= self->option_buttons->len)
    return;

  button = g_ptr_array_index (self->option_buttons, option);
  if (nimbus_question_get_choose (current_question (self)) > 1)
    gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
  else
    gtk_check_button_set_active (button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

/* Answers */

typedef struct
{
  NimbusUserStore *store;
  GPtrArray *changed;    /* NimbusFlag as they were before the answer */
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  g_ptr_array_unref (undo->changed);
  g_free (undo);
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!nimbus_user_store_undo_flags (undo->store, undo->changed, &error))
    g_warning ("Could not undo the flags of an answer: %s", error->message);
}

/* A wrong answer has flagged the sections that teach it: the toast says which, with an
 * undo of what the answer changed. */
static void
tell_flagged (NimbusPracticePage *self,
              NimbusQuestion     *question,
              GPtrArray          *changed)
{
  const char * const *sections = nimbus_question_get_section_ids (question);
  guint n = g_strv_length ((GStrv) sections);
  g_autofree char *message = NULL;
  AdwToast *flagged_toast = NULL;
  Undo *undo;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (n == 1)
    {
      g_autofree char *title = nimbus_kb_lookup_title (self->kb, sections[0]);

      /* Translators: after a wrong answer, with an Undo button */
      message = g_strdup_printf (_("“%s” flagged as a weak area"),
                                 title != NULL ? title : sections[0]);
    }
  else
    message = g_strdup_printf (ngettext ("%u section flagged as a weak area",
                                         "%u sections flagged as weak areas", n), n);

  toast (self, message, &flagged_toast);
  if (changed != NULL && changed->len > 0)
    {
      undo = g_new0 (Undo, 1);
      undo->store = g_object_ref (self->store);
      undo->changed = g_ptr_array_ref (changed);
      /* No mnemonic: libadwaita 1.2 names the toast's button with its underscore. */
      adw_toast_set_button_label (flagged_toast, _("Undo"));
      g_signal_connect_data (flagged_toast, "button-clicked", G_CALLBACK (undo_cb), undo,
                             undo_free, 0);
    }
  g_object_unref (flagged_toast);
}

/* Keeps the answer in the history; a wrong one flags the sections that teach it, a right
 * one counts as a review of those already flagged. */
static void
record_answer (NimbusPracticePage *self,
               NimbusQuestion     *question,
               gboolean            right)
{
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (self->store == NULL || !nimbus_user_store_is_writable (self->store))
    return;

  if (!nimbus_user_store_record_answer (self->store, self->session_id, question, self->exam_id,
                                        right, &changed, &error))
    toast (self, error->message, NULL);
  else if (!right)
    tell_flagged (self, question, changed);
}

static GtkWidget *
link_new (NimbusPracticePage *self,
          const char         *section_id)
{
  g_autofree char *service_id = nimbus_id_dup_service_id (section_id);
  g_autofree char *title = nimbus_kb_lookup_title (self->kb, section_id);
  g_autofree char *service = nimbus_kb_lookup_title (self->kb, service_id);
  g_autofree char *text = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  /* Translators: a link to the section that explains a question, "Read “Visibility timeout”
   * in SQS" */
  text = g_strdup_printf (_("Read “%s” in %s"), title != NULL ? title : section_id,
                          service != NULL ? service : service_id);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "practice.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", section_id);

  return button;
}

static char *
right_options_text (NimbusQuestion *question)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < nimbus_question_get_n_options (question); i++)
    {
      if (!nimbus_question_get_option_correct (question, i))
        continue;
      if (text->len > 0)
        g_string_append (text, _(" and "));
      g_string_append_printf (text, "%u", i + 1);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_verdict (NimbusPracticePage *self,
              NimbusQuestion     *question,
              gboolean            right)
{
  const char * const *sections = nimbus_question_get_section_ids (question);
  g_autofree char *answer = right_options_text (question);
  g_autofree char *verdict = NULL;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (right)
    verdict = g_strdup (_("Right."));
  else
    /* Translators: %s is the numbers of the right options, "2" or "1 and 4" */
    verdict = g_strdup_printf (nimbus_question_get_choose (question) > 1
                               ? _("Wrong. The right answers are %s.")
                               : _("Wrong. The right answer is %s."), answer);
  gtk_label_set_text (self->verdict_label, verdict);
  gtk_image_set_from_icon_name (self->verdict_icon, right ? "object-select-symbolic"
                                                          : "dialog-error-symbolic");
  gtk_widget_remove_css_class (self->verdict_box, right ? "error" : "success");
  gtk_widget_add_css_class (self->verdict_box, right ? "success" : "error");
  gtk_widget_set_visible (self->verdict_box, TRUE);

  for (guint i = 0; i < self->why_labels->len; i++)
    {
      GtkWidget *why = g_ptr_array_index (self->why_labels, i);
      GtkCheckButton *button = g_ptr_array_index (self->option_buttons, i);
      gboolean correct = nimbus_question_get_option_correct (question, i);
      gboolean chosen = gtk_check_button_get_active (button);
      g_autofree char *text = NULL;

      g_autofree char *markup = nimbus_markup_from_text (nimbus_question_get_option_why (question,
                                                                                         i));

      /* Translators: under an option once the answer is checked, "Correct: why" */
      text = g_strdup_printf (correct ? _("Correct: %s") : _("Not correct: %s"), markup);
      gtk_label_set_markup (GTK_LABEL (why), text);
      gtk_widget_set_visible (why, TRUE);
      if (correct)
        gtk_widget_add_css_class (why, "success");
      else if (chosen)
        gtk_widget_add_css_class (why, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
    }

  for (guint i = 0; sections[i] != NULL; i++)
    gtk_box_append (self->links_box, link_new (self, sections[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), sections[0] != NULL);

  gtk_widget_set_visible (self->check_button, FALSE);
  gtk_widget_set_visible (self->next_button, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        self->position + 1 < g_list_model_get_n_items (self->questions)
                        ? _("_Next") : _("See _Results"));
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->next_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_label_set_text (self->keys_label, _("N next"));
}

static void
check (NimbusPracticePage *self)
{
  NimbusQuestion *question = current_question (self);
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean right;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (self->checked || self->paused)
    return;

  for (guint i = 0; i < self->option_buttons->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->option_buttons, i)))
        g_array_append_val (chosen, i);
    }
  if (chosen->len == 0)
    return;

  right = nimbus_question_check_answer (question, (guint *) chosen->data, chosen->len);
  g_array_index (self->outcomes, guint8, self->position) = right ? NIMBUS_PRACTICE_RIGHT
                                                                 : NIMBUS_PRACTICE_WRONG;
  self->checked = TRUE;

  record_answer (self, question, right);

  show_verdict (self, question, right);
  update_actions (self);
  gtk_widget_grab_focus (self->next_button);
}

static void
finish (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (self->questions == NULL)
    return;

  if (self->paused)
    self->paused_usec += g_get_monotonic_time () - self->started_usec;
  stop_timer (self);
  if (self->session_id != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!nimbus_user_store_finish_practice (self->store, self->session_id,
                                              self->paused_usec / G_USEC_PER_SEC, &error))
        toast (self, error->message, NULL);
      self->session_id = 0;
    }
  self->timed = FALSE;
  self->paused = FALSE;
  nimbus_practice_results_set_session (self->results, self->kb, session_exam (self),
                                       self->questions, (const guint8 *) self->outcomes->data);
  gtk_stack_set_visible_child_name (self->stack, "results");
  update_actions (self);
}

static void
next (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (!self->checked)
    return;

  if (self->position + 1 >= g_list_model_get_n_items (self->questions))
    {
      finish (self);
      return;
    }

  self->position++;
  show_question (self);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nimbus_practice_page_start (NIMBUS_PRACTICE_PAGE (widget));
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pick (NIMBUS_PRACTICE_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  check (NIMBUS_PRACTICE_PAGE (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  next (NIMBUS_PRACTICE_PAGE (widget));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  finish (NIMBUS_PRACTICE_PAGE (widget));
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nimbus_practice_page_set_paused (NIMBUS_PRACTICE_PAGE (widget), FALSE);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  nimbus_practice_page_show_setup (NIMBUS_PRACTICE_PAGE (widget));
}

static void
retry_missed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NimbusPracticePage *self = NIMBUS_PRACTICE_PAGE (widget);
  g_autoptr(GListStore) missed = g_list_store_new (NIMBUS_TYPE_QUESTION);
  g_autofree char *exam_id = g_strdup (self->exam_id);

  for (guint i = 0; self->questions != NULL && i < g_list_model_get_n_items (self->questions); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (self->questions, i);

      if (g_array_index (self->outcomes, guint8, i) != NIMBUS_PRACTICE_RIGHT)
        g_list_store_append (missed, question);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (missed)) > 0)
    begin (self, exam_id, G_LIST_MODEL (missed), FALSE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_ITEM], 0, g_variant_get_string (parameter, NULL));
}

/* 1 to 5, Enter and N, ahead of the option that has the keyboard (which would take Enter)
 * and of the window's typing-to-search. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   NimbusPracticePage    *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (!nimbus_practice_page_is_running (self) || self->paused ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (!self->checked && keyval >= GDK_KEY_1 && keyval < GDK_KEY_1 + KEYED_OPTIONS)
    pick (self, keyval - GDK_KEY_1);
  else if (!self->checked && keyval >= GDK_KEY_KP_1 && keyval < GDK_KEY_KP_1 + KEYED_OPTIONS)
    pick (self, keyval - GDK_KEY_KP_1);
  else if (!self->checked && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
                              keyval == GDK_KEY_ISO_Enter))
    check (self);
  else if (self->checked && (keyval == GDK_KEY_n || keyval == GDK_KEY_N))
    next (self);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

static void
nimbus_practice_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NimbusPracticePage *self = NIMBUS_PRACTICE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_practice_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  NimbusPracticePage *self = NIMBUS_PRACTICE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      nimbus_practice_page_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_practice_page_dispose (GObject *object)
{
  NimbusPracticePage *self = NIMBUS_PRACTICE_PAGE (object);

  stop_timer (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_PRACTICE_PAGE);
  g_clear_object (&self->kb);
  g_clear_object (&self->store);
  g_clear_object (&self->questions);
  g_clear_pointer (&self->exams, g_ptr_array_unref);
  g_clear_pointer (&self->service_ids, g_ptr_array_unref);
  g_clear_pointer (&self->domain_checks, g_ptr_array_unref);
  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);
  g_clear_pointer (&self->outcomes, g_array_unref);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->why_labels, g_ptr_array_unref);
  g_clear_pointer (&self->exam_id, g_free);

  G_OBJECT_CLASS (nimbus_practice_page_parent_class)->dispose (object);
}

static void
nimbus_practice_page_class_init (NimbusPracticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_practice_page_dispose;
  object_class->get_property = nimbus_practice_page_get_property;
  object_class->set_property = nimbus_practice_page_set_property;

  properties[PROP_PAUSED] = g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A section to open: the id of one that teaches a question. */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Something to tell the user, for the window's toast overlay. */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (NIMBUS_TYPE_PRACTICE_RESULTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, exam_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, service_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, count_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, domains_group);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, available_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, timer_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, question_stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, stem_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, choose_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, options_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, links_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, keys_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, check_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, results);
  gtk_widget_class_bind_template_callback (widget_class, on_exam_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_changed_cb);

  gtk_widget_class_install_action (widget_class, "practice.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "practice.pick", "u", pick_action);
  gtk_widget_class_install_action (widget_class, "practice.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "practice.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "practice.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "practice.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "practice.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "practice.retry-missed", NULL,
                                   retry_missed_action);
  gtk_widget_class_install_action (widget_class, "practice.open", "s", open_action);
  gtk_widget_class_install_property_action (widget_class, "practice.paused", "paused");
}

static void
nimbus_practice_page_init (NimbusPracticePage *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  g_autoptr(GtkStringList) counts_list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (counts_list, _("10 questions"));
  gtk_string_list_append (counts_list, _("20 questions"));
  /* Translators: the mock exam, as many questions and minutes as the real one */
  gtk_string_list_append (counts_list, _("Mock exam: 65 questions in 130 minutes"));
  adw_combo_row_set_model (self->count_row, G_LIST_MODEL (counts_list));

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  nimbus_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  update_actions (self);
}
