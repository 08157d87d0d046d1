/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nimbus-preferences-window.h"
#include "nimbus-search-results.h"
#include "nimbus-practice-page.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"
#include "nimbus-weak-areas-page.h"
#include "nimbus-window.h"

/* What assistive technology is told about every control a user can reach: each one the
 * keyboard can focus has a name, with no mnemonic underscore in it, on every page. */

/* The accessible label set on accessible, or NULL. */
static char *
accessible_label (GtkAccessible *accessible)
{
  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  /* Checked against a value it cannot have, the answer is the value it has. */
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01");
}

/* The text of the labels a user sees inside widget: what names a button or a row. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

/* The part of a composite that takes the keyboard (a drop-down's button, an entry's text)
 * is named by the composite. */
static GtkWidget *
named_widget (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_DROP_DOWN (w) || GTK_IS_MENU_BUTTON (w) || ADW_IS_PREFERENCES_ROW (w) ||
          (GTK_IS_EDITABLE (w) && !GTK_IS_TEXT (w)))
        return w;
      if (w != widget && gtk_widget_get_focusable (w))
        break;
    }

  return widget;
}

/* The name assistive technology reads; *set is TRUE when it is the accessible label set on
 * the widget (where a mnemonic's underscore would leak), FALSE when it is text on screen. */
static char *
accessible_name (GtkWidget *widget,
                 gboolean  *set)
{
  GtkWidget *named = named_widget (widget);
  char *label = accessible_label (GTK_ACCESSIBLE (named));
  GString *text;

  *set = label != NULL;
  if (label != NULL)
    return label;
  if (ADW_IS_PREFERENCES_ROW (named))
    return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named)));
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (named),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return g_strdup ("(labelled by another widget)");

  /* Only what shows its text can be named by it: an icon says nothing. */
  text = g_string_new (NULL);
  collect_text (named, text);
  return g_string_free (text, FALSE);
}

static gboolean
is_reachable (GtkWidget *widget)
{
  /* Scrollers take the keyboard to scroll; they are announced as the content they hold. */
  return gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
         !GTK_IS_SCROLLED_WINDOW (widget) && !GTK_IS_VIEWPORT (widget) &&
         !GTK_IS_WINDOW (widget);
}

static void
walk (GtkWidget *widget,
      GString   *problems,
      guint     *checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  /* A toast is libadwaita's own widget: on libadwaita 1.7 its close button has no name for
   * assistive technology, which Nimbus cannot give it, so toasts are left out of the walk. */
  if (g_str_equal (gtk_widget_get_css_name (widget), "toast"))
    return;

  if (is_reachable (widget))
    {
      gboolean set;
      g_autofree char *name = accessible_name (widget, &set);

      (*checked)++;
      if (name == NULL || *g_strstrip (name) == '\0')
        {
          g_string_append_printf (problems, "%s (%s) has no name, in",
                                  G_OBJECT_TYPE_NAME (widget),
                                  G_OBJECT_TYPE_NAME (named_widget (widget)));
          for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL;
               p = gtk_widget_get_parent (p))
            g_string_append_printf (problems, " %s", gtk_widget_get_css_name (p));
          g_string_append_c (problems, '\n');
        }
      else if (set && !GTK_IS_LABEL (widget) && strchr (name, '_') != NULL)
        g_string_append_printf (problems, "%s is named “%s”, with a mnemonic underscore\n",
                                G_OBJECT_TYPE_NAME (widget), name);
      else if (gtk_widget_has_css_class (widget, "flag-button") && strstr (name, "“") == NULL)
        g_string_append_printf (problems, "a flag is named “%s”, not after what it flags\n", name);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    walk (c, problems, checked);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint checked = 0;

  nimbus_test_wait_ms (300);
  walk (root, problems, &checked);
  g_test_message ("%s: %u controls", what, checked);
  if (problems->len > 0)
    g_error ("%s:\n%s", what, problems->str);
  g_assert_cmpuint (checked, >, 0);
}

/* Every page of the window, wide and at phone width. */
static void
test_accessibility_window (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  const char * const pages[] = { "dynamodb", "elasticache", "sqs", "ebs", "lambda", "kinesis",
                                 "api-gateway", "vpc" };

  g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, NULL));
  g_assert_true (nimbus_user_store_flag (store, "dynamodb/scan-vs-query", NULL, NULL));

  for (guint narrow = 0; narrow <= 1; narrow++)
    {
      NimbusWindow *window = nimbus_test_open_window (store, narrow ? 360 : 1100, 760);
      GtkWidget *entry = nimbus_test_window_child (window, "search_entry");
      NimbusWeakAreasPage *weak = nimbus_test_window_child (window, "weak_page");
      NimbusPracticePage *practice = nimbus_test_window_child (window, "practice_page");

      assert_all_named (GTK_WIDGET (window), "the home page");
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *what = g_strdup_printf ("the %s page", pages[i]);

          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
          nimbus_test_wait_ms (500);
          assert_all_named (GTK_WIDGET (window), what);
        }

      gtk_editable_set_text (GTK_EDITABLE (entry), "visibility timeout");
      nimbus_test_wait_for_hits (window, "search_results");
      assert_all_named (GTK_WIDGET (window), "the search results");
      gtk_editable_set_text (GTK_EDITABLE (entry), "");

      nimbus_window_show_weak_areas (window);
      assert_all_named (GTK_WIDGET (window), "the weak areas");
      gtk_widget_activate_action (GTK_WIDGET (weak), "weak.review", NULL);
      assert_all_named (GTK_WIDGET (window), "the review");
      gtk_widget_activate_action (nimbus_test_window_child (window, "review_page"), "review.stop",
                                  NULL);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.practice", NULL);
      assert_all_named (GTK_WIDGET (window), "the practice setup");
      g_assert_true (nimbus_practice_page_start (practice));
      assert_all_named (GTK_WIDGET (window), "a practice question");
      gtk_widget_activate_action (GTK_WIDGET (practice), "practice.pick", "u", 0);
      gtk_widget_activate_action (GTK_WIDGET (practice), "practice.check", NULL);
      assert_all_named (GTK_WIDGET (window), "a checked answer");
      gtk_widget_activate_action (GTK_WIDGET (practice), "practice.finish", NULL);
      assert_all_named (GTK_WIDGET (window), "the practice results");
      nimbus_practice_page_show_setup (practice);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.home", NULL);
      assert_all_named (GTK_WIDGET (window), "the home page with answers");

      nimbus_test_close_window (window);
    }

  g_unlink (path);
}

/* The preferences, as the window's menu opens them. */
static void
test_accessibility_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *preferences = nimbus_preferences_window_new (settings);

  nimbus_preferences_window_present (NIMBUS_PREFERENCES_WINDOW (preferences), NULL);
  nimbus_test_wait_ms (300);
  assert_all_named (GTK_WIDGET (gtk_widget_get_root (preferences)), "the preferences");
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (preferences));
#else
  gtk_window_destroy (GTK_WINDOW (preferences));
#endif
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test backend keeps what would be told to assistive technology, to be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/accessibility/window", test_accessibility_window);
  g_test_add_func ("/nimbus/accessibility/preferences", test_accessibility_preferences);

  return g_test_run ();
}
