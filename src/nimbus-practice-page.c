/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-practice-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-accessible.h"
#include "nimbus-practice-page.h"
#include "nimbus-practice-question.h"
#include "nimbus-practice-results.h"

/* Practice: a set of exam-style questions picked by exam, domains and service, asked one at
 * a time. A wrong answer flags the sections that teach it, with an undo; a right one on a
 * flagged section counts as its review. A mock exam runs against a timer that can pause. */
struct _NimbusPracticePage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  NimbusPracticeSetup *setup;
  GtkLabel *progress_label;
  GtkLabel *timer_label;
  GtkWidget *pause_button;
  GtkProgressBar *progress_bar;
  GtkStack *question_stack;
  GtkScrolledWindow *question_scroller;
  NimbusPracticeQuestion *question_view;
  GtkLabel *keys_label;
  GtkWidget *check_button;
  GtkWidget *next_button;
  NimbusPracticeResults *results;

  NimbusKb *kb;
  NimbusUserStore *store;

  /* The practice under way */
  char *exam_id;
  GListModel *questions;     /* NimbusQuestion */
  GArray *outcomes;          /* NimbusPracticeOutcome per question */
  guint position;
  gboolean checked;
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
session_exam (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  return nimbus_practice_setup_find_exam (self->setup, self->exam_id);
}

static void
update_actions (NimbusPracticePage *self)
{
  gboolean asking = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "question") == 0;
  gboolean picked = nimbus_practice_question_has_choice (self->question_view);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

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

static void
on_setup_n_available_cb (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.start",
                                 nimbus_practice_setup_get_n_available (self->setup) > 0);
}

void
nimbus_practice_page_set_sources (NimbusPracticePage *self,
                                  NimbusKb           *kb,
                                  NimbusUserStore    *store)
{
  g_return_if_fail (NIMBUS_IS_PRACTICE_PAGE (self));

  g_set_object (&self->kb, kb);
  g_set_object (&self->store, store);
  nimbus_practice_setup_set_kb (self->setup, kb);
}

/* The exam the setup offers first: the one the sidebar lists; "all" or none changes
 * nothing. */
void
nimbus_practice_page_set_exam (NimbusPracticePage *self,
                               const char         *exam_id)
{
  g_return_if_fail (NIMBUS_IS_PRACTICE_PAGE (self));

  nimbus_practice_setup_set_exam (self->setup, exam_id);
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
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GError) error = NULL;
  gboolean mock;

  g_return_val_if_fail (NIMBUS_IS_PRACTICE_PAGE (self), FALSE);

  if ((exam = nimbus_practice_setup_get_exam (self->setup)) == NULL)
    return FALSE;

  questions = nimbus_practice_setup_pick_questions (self->setup, &mock, &error);
  if (questions == NULL || g_list_model_get_n_items (questions) == 0)
    {
      toast (self, error != NULL ? error->message : _("No questions match these choices"), NULL);
      return FALSE;
    }

  begin (self, exam->id, questions, mock);
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
  gtk_stack_set_visible_child_name (self->stack, "setup");
  nimbus_practice_setup_update (self->setup);
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

static void
show_question (NimbusPracticePage *self)
{
  NimbusQuestion *question = current_question (self);
  guint n = g_list_model_get_n_items (self->questions);
  g_autofree char *progress = NULL;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  self->checked = FALSE;
  /* Translators: "Question 3 of 20" */
  progress = g_strdup_printf (_("Question %u of %u"), self->position + 1, n);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->position / n);
  nimbus_practice_question_show (self->question_view, self->kb, self->exam_id,
                                 session_exam (self), question);

  gtk_widget_set_visible (self->check_button, TRUE);
  gtk_widget_set_visible (self->next_button, FALSE);
  gtk_label_set_text (self->keys_label, nimbus_question_get_choose (question) > 1
                                        ? _("1–5 choose · Enter checks")
                                        : _("1–5 pick · Enter checks"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->question_scroller), 0);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->question_view));
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

static void
pick (NimbusPracticePage *self,
      guint               option)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (!self->checked && self->questions != NULL)
    nimbus_practice_question_pick (self->question_view, option);
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

static void
show_verdict (NimbusPracticePage *self,
              gboolean            right)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  nimbus_practice_question_show_verdict (self->question_view, right);
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
  g_autoptr(GArray) chosen = NULL;
  gboolean right;

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  if (self->checked || self->paused)
    return;

  chosen = nimbus_practice_question_dup_choice (self->question_view);
  if (chosen->len == 0)
    return;

  right = nimbus_question_check_answer (question, (guint *) chosen->data, chosen->len);
  g_array_index (self->outcomes, guint8, self->position) = right ? NIMBUS_PRACTICE_RIGHT
                                                                 : NIMBUS_PRACTICE_WRONG;
  self->checked = TRUE;

  record_answer (self, question, right);

  show_verdict (self, right);
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
start (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  nimbus_practice_page_start (self);
}

static void
resume (NimbusPracticePage *self)
{
  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  nimbus_practice_page_set_paused (self, FALSE);
}

static void
retry_missed (NimbusPracticePage *self)
{
  g_autoptr(GListStore) missed = g_list_store_new (NIMBUS_TYPE_QUESTION);
  g_autofree char *exam_id = g_strdup (self->exam_id);

  g_assert (NIMBUS_IS_PRACTICE_PAGE (self));

  for (guint i = 0; self->questions != NULL && i < g_list_model_get_n_items (self->questions); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (self->questions, i);

      if (g_array_index (self->outcomes, guint8, i) != NIMBUS_PRACTICE_RIGHT)
        g_list_store_append (missed, question);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (missed)) > 0)
    begin (self, exam_id, G_LIST_MODEL (missed), FALSE);
}

/* The actions without a parameter, each run by a function of the page. */
static const struct
{
  const char *name;
  void (*run) (NimbusPracticePage *self);
} plain_actions[] = {
  { "practice.start", start },
  { "practice.check", check },
  { "practice.next", next },
  { "practice.finish", finish },
  { "practice.resume", resume },
  { "practice.new", nimbus_practice_page_show_setup },
  { "practice.retry-missed", retry_missed },
};

static void
plain_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (plain_actions); i++)
    {
      if (g_str_equal (plain_actions[i].name, action_name))
        plain_actions[i].run (NIMBUS_PRACTICE_PAGE (widget));
    }
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pick (NIMBUS_PRACTICE_PAGE (widget), g_variant_get_uint32 (parameter));
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
  g_clear_pointer (&self->outcomes, g_array_unref);
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

  g_type_ensure (NIMBUS_TYPE_PRACTICE_SETUP);
  g_type_ensure (NIMBUS_TYPE_PRACTICE_QUESTION);
  g_type_ensure (NIMBUS_TYPE_PRACTICE_RESULTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, setup);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, timer_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, question_stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, question_view);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, keys_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, check_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticePage, results);

  for (guint i = 0; i < G_N_ELEMENTS (plain_actions); i++)
    gtk_widget_class_install_action (widget_class, plain_actions[i].name, NULL, plain_action);
  gtk_widget_class_install_action (widget_class, "practice.pick", "u", pick_action);
  gtk_widget_class_install_action (widget_class, "practice.open", "s", open_action);
  gtk_widget_class_install_property_action (widget_class, "practice.paused", "paused");
}

static void
nimbus_practice_page_init (NimbusPracticePage *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->setup, "notify::n-available",
                            G_CALLBACK (on_setup_n_available_cb), self);
  g_signal_connect_swapped (self->question_view, "notify::has-choice",
                            G_CALLBACK (update_actions), self);

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  nimbus_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  update_actions (self);
}
