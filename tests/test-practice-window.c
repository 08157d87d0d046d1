/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nimbus-home-page.h"
#include "nimbus-practice-page.h"
#include "nimbus-practice-question.h"
#include "nimbus-practice-results.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"
#include "nimbus-window.h"

/* Practice in the real window: answers by key, the flags a wrong one sets and their undo,
 * the review a right one counts, the mock exam's timer, the results, the history kept in the
 * store across windows, and the home page's readiness read from it. */

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  nimbus_test_wait_ms (100);
}

static void
screenshots (NimbusWindow *window,
             const char   *name)
{
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  set_dark (FALSE);
  nimbus_test_save_screenshot (GTK_WIDGET (window), light);
  set_dark (TRUE);
  nimbus_test_save_screenshot (GTK_WIDGET (window), dark);
  set_dark (FALSE);
}

/* A key as the keyboard sends it to the page, through its key controllers: whether the page
 * took it. */
static gboolean
send_key (NimbusPracticePage *page,
          guint               keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  nimbus_test_wait_ms (50);

  return handled;
}

static void
press_key (NimbusPracticePage *page,
           guint               keyval)
{
  g_assert_true (send_key (page, keyval));
}

static gpointer
page_child (gpointer    page,
            GType       type,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), type, name);

  g_assert_nonnull (child);
  return child;
}

/* Picks option (from 0) with its number key, as the page keys 1 to 5; an option past those
 * is picked as a click would, for the few questions that have six. */
static void
pick_option (NimbusPracticePage *page,
             guint               option)
{
  if (option < 5)
    press_key (page, GDK_KEY_1 + option);
  else
    nimbus_practice_question_pick (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE, "question_view"),
                                   option);
}

/* The verdict of the answer checked, under the question. */
static GtkLabel *
verdict_label (NimbusPracticePage *page)
{
  return page_child (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE, "question_view"),
                     NIMBUS_TYPE_PRACTICE_QUESTION, "verdict_label");
}

static void
capture_toast (GtkWidget  *page,
               AdwToast   *toast,
               AdwToast  **out)
{
  g_set_object (out, toast);
}

static const NimbusFlag *
find_flag (GPtrArray  *flags,
           const char *id)
{
  for (guint i = 0; i < flags->len; i++)
    {
      const NimbusFlag *flag = g_ptr_array_index (flags, i);

      if (g_str_equal (flag->id, id))
        return flag;
    }

  return NULL;
}

static int
reviews_of (NimbusUserStore *store,
            const char      *id)
{
  g_autoptr(GPtrArray) flags = nimbus_user_store_list (store, NULL);
  const NimbusFlag *flag = find_flag (flags, id);

  g_assert_nonnull (flag);
  return flag->reviews;
}

/* The figures each row under widget shows, in order. */
static void
collect_figures (GtkWidget *widget,
                 GPtrArray *figures)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "nimbus-figures");

  if (text != NULL && gtk_widget_get_visible (widget))
    g_ptr_array_add (figures, (gpointer) text);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_figures (c, figures);
}

static NimbusWindow *
open_practice (NimbusUserStore *store,
               int              width,
               const char      *exam)
{
  NimbusWindow *window = nimbus_test_open_window (store, width, 800);

  set_dark (FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-exam", "s", exam));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.practice", NULL));
  nimbus_test_wait_ms (300);

  return window;
}

static guint
first_option (NimbusQuestion *question,
              gboolean        correct)
{
  for (guint i = 0; i < nimbus_question_get_n_options (question); i++)
    {
      if (nimbus_question_get_option_correct (question, i) == correct)
        return i;
    }

  g_assert_not_reached ();
}

/* A practice answered wrong, right, then ended: flags, undo, review, results, history. */
static void
test_practice_answers (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  NimbusWindow *window = open_practice (store, 1100, "dva-c02");
  NimbusPracticePage *page = nimbus_test_window_child (window, "practice_page");
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (gboolean));
  NimbusQuestion *question;
  const char * const *sections;
  const char *flagged;
  guint option;

  screenshots (window, "practice-01-setup-wide");
  g_assert_true (nimbus_practice_page_start (page));
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (gtk_label_get_text (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE,
                                                   "progress_label")),
                   ==, "Question 1 of 10");
  screenshots (window, "practice-02-question-wide");

  /* Wrong, by key: each section it links to is flagged, in the first box. */
  question = nimbus_practice_page_get_question (page);
  g_assert_nonnull (question);
  g_ptr_array_add (asked, g_object_ref (question));
  sections = nimbus_question_get_section_ids (question);
  g_assert_nonnull (sections[0]);
  for (guint i = 0; sections[i] != NULL; i++)
    g_assert_false (nimbus_user_store_is_flagged (store, sections[i]));
  g_signal_connect (page, "add-toast", G_CALLBACK (capture_toast), &toast);
  option = first_option (question, FALSE);
  g_assert_cmpuint (option, <, 5);
  press_key (page, GDK_KEY_1 + option);
  press_key (page, GDK_KEY_Return);
  g_array_append_val (right, (gboolean) { FALSE });
  g_assert_true (g_str_has_prefix (gtk_label_get_text (verdict_label (page)), "Wrong."));
  {
    g_autoptr(GPtrArray) flags = nimbus_user_store_list (store, NULL);

    for (guint i = 0; sections[i] != NULL; i++)
      {
        const NimbusFlag *flag = find_flag (flags, sections[i]);

        g_assert_nonnull (flag);
        g_assert_cmpint (flag->box, ==, NIMBUS_STORE_FIRST_BOX);
      }
  }
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "Undo");
  screenshots (window, "practice-03-wrong-wide");

  /* Undo: the flags the answer set are gone again. */
  g_signal_emit_by_name (toast, "button-clicked");
  for (guint i = 0; sections[i] != NULL; i++)
    g_assert_false (nimbus_user_store_is_flagged (store, sections[i]));

  /* N goes on; a right answer on a flagged section counts as its review. */
  press_key (page, GDK_KEY_n);
  g_assert_cmpstr (gtk_label_get_text (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE,
                                                   "progress_label")),
                   ==, "Question 2 of 10");
  question = nimbus_practice_page_get_question (page);
  g_ptr_array_add (asked, g_object_ref (question));
  flagged = nimbus_question_get_section_ids (question)[0];
  g_assert_true (nimbus_user_store_flag (store, flagged, NULL, NULL));
  g_assert_cmpint (reviews_of (store, flagged), ==, 0);
  for (guint i = 0; i < nimbus_question_get_n_options (question); i++)
    {
      if (nimbus_question_get_option_correct (question, i))
        pick_option (page, i);
    }
  press_key (page, GDK_KEY_Return);
  g_array_append_val (right, (gboolean) { TRUE });
  g_assert_cmpstr (gtk_label_get_text (verdict_label (page)), ==, "Right.");
  g_assert_cmpint (reviews_of (store, flagged), ==, 1);
  screenshots (window, "practice-04-right-wide");

  /* Ended after two: the score and each domain's figures are what was answered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "practice.finish", NULL));
  nimbus_test_wait_ms (300);
  {
    NimbusPracticeResults *results = page_child (page, NIMBUS_TYPE_PRACTICE_PAGE, "results");
    GtkLabel *score = page_child (results, NIMBUS_TYPE_PRACTICE_RESULTS, "score_label");
    GtkWidget *group = page_child (results, NIMBUS_TYPE_PRACTICE_RESULTS, "domains_group");
    GListModel *set = nimbus_practice_page_get_questions (page);
    g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) shown = g_ptr_array_new ();

    g_assert_cmpstr (gtk_label_get_text (score), ==, "1 of 10 right (10%)");
    g_assert_cmpuint (g_list_model_get_n_items (set), ==, 10);

    /* Every question of the set counts in its domain, the eight not answered as not right. */
    for (guint d = 1; d <= 4; d++)
      {
        guint n = 0;
        guint r = 0;

        for (guint i = 0; i < 10; i++)
          {
            g_autoptr(NimbusQuestion) q = g_list_model_get_item (set, i);

            if (i < asked->len)
              g_assert_true (q == g_ptr_array_index (asked, i));
            if (nimbus_question_get_domain (q, "dva-c02") == d)
              {
                n++;
                r += i < right->len && g_array_index (right, gboolean, i);
              }
          }
        if (n > 0)
          g_ptr_array_add (expected, g_strdup_printf ("%u of %u right (%u%%)", r, n,
                                                      (r * 100 + n / 2) / n));
      }
    collect_figures (group, shown);
    g_assert_cmpuint (shown->len, ==, expected->len);
    for (guint i = 0; i < expected->len; i++)
      g_assert_cmpstr (g_ptr_array_index (shown, i), ==, g_ptr_array_index (expected, i));
  }
  screenshots (window, "practice-05-results-wide");
  nimbus_test_close_window (window);
  g_clear_object (&toast);

  /* Another store on the same file, as a second window or process opens it, reads the
   * session: two answered, one right. */
  {
    g_autoptr(NimbusUserStore) again = nimbus_user_store_open (path);
    g_autoptr(GPtrArray) sessions = nimbus_user_store_list_practice (again, NULL);
    const NimbusPracticeSession *session;

    g_assert_nonnull (sessions);
    g_assert_cmpuint (sessions->len, ==, 1);
    session = g_ptr_array_index (sessions, 0);
    g_assert_cmpstr (session->exam_id, ==, "dva-c02");
    g_assert_cmpstr (session->mode, ==, "practice");
    g_assert_nonnull (session->finished_at);
    g_assert_cmpuint (session->answered, ==, 2);
    g_assert_cmpuint (session->right, ==, 1);
  }

  g_unlink (path);
}

/* The mock exam's timer runs down, stands still while paused (the question hidden), and runs
 * on from where it stopped. */
static void
test_practice_mock_timer (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  NimbusWindow *window = open_practice (store, 1100, "saa-c03");
  NimbusPracticePage *page = nimbus_test_window_child (window, "practice_page");
  GtkStack *question_stack = page_child (page, NIMBUS_TYPE_PRACTICE_PAGE, "question_stack");
  gint64 left;
  gint64 paused_at;

  adw_combo_row_set_selected (page_child (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE, "setup"),
                                          NIMBUS_TYPE_PRACTICE_SETUP, "count_row"), 2);
  g_assert_true (nimbus_practice_page_start (page));
  g_assert_cmpuint (g_list_model_get_n_items (nimbus_practice_page_get_questions (page)), ==,
                    NIMBUS_PRACTICE_MOCK_QUESTIONS);
  left = nimbus_practice_page_get_seconds_left (page);
  g_assert_cmpint (left, <=, NIMBUS_PRACTICE_MOCK_MINUTES * 60);
  g_assert_cmpint (left, >=, NIMBUS_PRACTICE_MOCK_MINUTES * 60 - 2);
  g_assert_true (gtk_widget_get_visible (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE,
                                                     "timer_label")));
  nimbus_test_wait_ms (2100);
  g_assert_cmpint (nimbus_practice_page_get_seconds_left (page), <, left);

  /* The header's button pauses it, as its action does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "practice.paused", NULL));
  g_assert_true (nimbus_practice_page_get_paused (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (question_stack), ==, "paused");
  paused_at = nimbus_practice_page_get_seconds_left (page);
  nimbus_test_wait_ms (2100);
  g_assert_cmpint (nimbus_practice_page_get_seconds_left (page), ==, paused_at);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE,
                                                                   "timer_label")), "2:"));
  screenshots (window, "practice-06-mock-paused-wide");

  /* While paused the keys pick nothing; Resume goes on from where it stopped. */
  g_assert_false (send_key (page, GDK_KEY_1));
  g_assert_false (send_key (page, GDK_KEY_Return));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "practice.resume", NULL));
  g_assert_false (nimbus_practice_page_get_paused (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (question_stack), ==, "running");
  g_assert_cmpint (nimbus_practice_page_get_seconds_left (page), >=, paused_at - 1);
  nimbus_test_wait_ms (2100);
  g_assert_cmpint (nimbus_practice_page_get_seconds_left (page), <, paused_at);
  screenshots (window, "practice-07-mock-wide");

  /* One answered, then ended: the history keeps a mock exam and the time paused. */
  press_key (page, GDK_KEY_1);
  press_key (page, GDK_KEY_Return);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "practice.finish", NULL));
  {
    g_autoptr(GPtrArray) sessions = nimbus_user_store_list_practice (store, NULL);

    g_assert_cmpuint (sessions->len, ==, 1);
    g_assert_cmpstr (((NimbusPracticeSession *) g_ptr_array_index (sessions, 0))->mode, ==, "mock");
    g_assert_cmpint (((NimbusPracticeSession *) g_ptr_array_index (sessions, 0))->paused_seconds,
                     >=, 2);
  }

  nimbus_test_close_window (window);
  g_unlink (path);
}

/* The home page's readiness is the store's, domain by domain; reviews due and weak areas by
 * service come from the flags. */
static void
assert_home_matches (NimbusWindow    *window,
                     NimbusUserStore *store,
                     const char      *exam)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  NimbusHomePage *home = nimbus_test_window_child (window, "home_page");
  g_autoptr(GPtrArray) readiness = nimbus_user_store_get_readiness (store, kb, exam,
                                                                    NIMBUS_STORE_READINESS_LAST,
                                                                    NULL);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  guint answered = 0;

  g_assert_nonnull (readiness);
  collect_figures (GTK_WIDGET (home), shown);
  g_assert_cmpuint (shown->len, ==, readiness->len);
  for (guint i = 0; i < readiness->len; i++)
    {
      const NimbusDomainReadiness *r = g_ptr_array_index (readiness, i);
      const char *text = g_ptr_array_index (shown, i);
      g_autofree char *n = g_strdup_printf ("%u answered · ", r->answered);
      g_autofree char *weak = g_strdup_printf (" · %u weak area", r->weak);

      answered += r->answered;
      g_assert_true (g_str_has_prefix (text, n));
      g_assert_nonnull (strstr (text, weak));
      if (r->recent > 0)
        {
          guint percent = (r->recent_right * 100 + r->recent / 2) / r->recent;
          g_autofree char *share = g_strdup_printf ("%u%% right of the last %u", percent,
                                                    r->recent);

          g_assert_nonnull (strstr (text, share));
        }
    }
  g_test_message ("home: %u answers over %u domains", answered, readiness->len);
}

/* Answers of one window read by the next, on its home page. */
static void
test_practice_home (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  NimbusWindow *window = open_practice (store, 1100, "dva-c02");
  NimbusPracticePage *page = nimbus_test_window_child (window, "practice_page");
  guint wrong = 0;

  g_assert_true (nimbus_practice_page_start (page));
  for (guint i = 0; i < 10; i++)
    {
      NimbusQuestion *question = nimbus_practice_page_get_question (page);
      gboolean right = i % 3 != 0;

      if (right)
        {
          for (guint o = 0; o < nimbus_question_get_n_options (question); o++)
            {
              if (nimbus_question_get_option_correct (question, o))
                pick_option (page, o);
            }
        }
      else
        press_key (page, GDK_KEY_1 + first_option (question, FALSE));
      press_key (page, GDK_KEY_Return);
      wrong += !right;
      press_key (page, GDK_KEY_n);
    }
  g_assert_cmpstr (gtk_label_get_text (page_child (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE,
                                                               "results"),
                                                   NIMBUS_TYPE_PRACTICE_RESULTS, "score_label")),
                   ==, "6 of 10 right (60%)");
  g_assert_cmpuint (wrong, ==, 4);
  nimbus_test_close_window (window);

  /* A second window on a store opened again from the file. */
  {
    g_autoptr(NimbusUserStore) again = nimbus_user_store_open (path);
    g_autoptr(GPtrArray) flags = nimbus_user_store_list (again, NULL);

    guint in_first_box = 0;

    /* A wrong answer puts its sections in the first box, due now; a right one on a section
     * already flagged is its review and moves it up a box, due a day or more from now. */
    for (guint i = 0; i < flags->len; i++)
      in_first_box += ((NimbusFlag *) g_ptr_array_index (flags, i))->box == NIMBUS_STORE_FIRST_BOX;
    g_assert_cmpuint (in_first_box, >, 0);
    window = nimbus_test_open_window (again, 1100, 800);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.home", NULL));
    nimbus_test_wait_ms (300);
    g_assert_cmpuint (nimbus_home_page_get_n_due (nimbus_test_window_child (window, "home_page")),
                      ==, in_first_box);
    assert_home_matches (window, again, "dva-c02");
    screenshots (window, "practice-08-home-wide");
    nimbus_test_close_window (window);

    window = nimbus_test_open_window (again, 360, 800);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.home", NULL));
    nimbus_test_wait_ms (300);
    assert_home_matches (window, again, "dva-c02");
    screenshots (window, "practice-09-home-narrow");

    /* Practice at phone width: the setup, then a checked answer. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.practice", NULL));
    page = nimbus_test_window_child (window, "practice_page");
    nimbus_practice_page_show_setup (page);
    nimbus_test_wait_ms (300);
    screenshots (window, "practice-10-setup-narrow");
    g_assert_true (nimbus_practice_page_start (page));
    press_key (page, GDK_KEY_1 + first_option (nimbus_practice_page_get_question (page), FALSE));
    press_key (page, GDK_KEY_Return);
    screenshots (window, "practice-11-wrong-narrow");
    gtk_widget_activate_action (GTK_WIDGET (page), "practice.finish", NULL);
    nimbus_test_wait_ms (300);
    screenshots (window, "practice-12-results-narrow");
    nimbus_test_close_window (window);
  }

  g_unlink (path);
}

/* A data directory that cannot be written: practice goes on, says that nothing is kept, and
 * flags nothing. */
static void
test_practice_read_only (void)
{
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open ("/proc/nimbus/user.db");
  NimbusWindow *window = open_practice (store, 1100, "dva-c02");
  NimbusPracticePage *page = nimbus_test_window_child (window, "practice_page");
  g_autoptr(AdwToast) toast = NULL;
  NimbusQuestion *question;

  g_assert_false (nimbus_user_store_is_writable (store));
  g_signal_connect (page, "add-toast", G_CALLBACK (capture_toast), &toast);
  g_assert_true (nimbus_practice_page_start (page));
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "/proc/nimbus/user.db"));
  g_clear_object (&toast);

  question = nimbus_practice_page_get_question (page);
  press_key (page, GDK_KEY_1 + first_option (question, FALSE));
  press_key (page, GDK_KEY_Return);
  g_assert_null (toast);
  for (const char * const *s = nimbus_question_get_section_ids (question); *s != NULL; s++)
    g_assert_false (nimbus_user_store_is_flagged (store, *s));
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.finish", NULL);
  nimbus_test_wait_ms (200);
  g_assert_cmpstr (gtk_label_get_text (page_child (page_child (page, NIMBUS_TYPE_PRACTICE_PAGE,
                                                               "results"),
                                                   NIMBUS_TYPE_PRACTICE_RESULTS, "score_label")),
                   ==, "0 of 10 right (0%)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.home", NULL));
  nimbus_test_wait_ms (200);
  screenshots (window, "practice-13-home-read-only-wide");
  nimbus_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/practice/answers", test_practice_answers);
  g_test_add_func ("/nimbus/practice/mock-timer", test_practice_mock_timer);
  g_test_add_func ("/nimbus/practice/home", test_practice_home);
  g_test_add_func ("/nimbus/practice/read-only", test_practice_read_only);

  return g_test_run ();
}
