/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-practice-results"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-accessible.h"
#include "nimbus-block-widgets.h"
#include "nimbus-practice-question.h"
#include "nimbus-practice-results.h"

/* The end of a practice: the score, how each exam domain went, and the questions missed
 * with the sections that teach them. Its buttons are the practice page's actions. */
struct _NimbusPracticeResults
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel *score_label;
  GtkLabel *summary_label;
  GtkWidget *retry_button;
  AdwPreferencesGroup *domains_group;
  GtkBox *missed_box;

  GPtrArray *domain_rows;
};

G_DEFINE_FINAL_TYPE (NimbusPracticeResults, nimbus_practice_results, GTK_TYPE_WIDGET)

static guint
percent (guint part,
         guint whole)
{
  return whole > 0 ? (part * 100 + whole / 2) / whole : 0;
}

static GtkWidget *
domain_row_new (const NimbusExamDomain *domain,
                guint                   right,
                guint                   asked)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *level = gtk_level_bar_new_for_interval (0, 1);
  g_autofree char *title = NULL;
  g_autofree char *figures = NULL;

  title = g_strdup_printf (_("Domain %u: %s"), domain->number, domain->name);
  /* Translators: a domain's score, "3 of 4 right (75%)" */
  figures = g_strdup_printf (ngettext ("%u of %u right (%u%%)", "%u of %u right (%u%%)", asked),
                             right, asked, percent (right, asked));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), figures);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), asked > 0 ? (double) right / asked : 0);
  gtk_widget_set_size_request (level, 72, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, figures,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
  g_object_set_data_full (G_OBJECT (row), "nimbus-figures", g_strdup (figures), g_free);

  return row;
}

static void
fill_domains (NimbusPracticeResults *self,
              const NimbusExam      *exam,
              GListModel            *questions,
              const guint8          *outcomes)
{
  g_assert (NIMBUS_IS_PRACTICE_RESULTS (self));

  for (guint i = 0; self->domain_rows != NULL && i < self->domain_rows->len; i++)
    adw_preferences_group_remove (self->domains_group, g_ptr_array_index (self->domain_rows, i));
  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);
  self->domain_rows = g_ptr_array_new ();

  for (guint d = 0; exam != NULL && d < exam->domains->len; d++)
    {
      const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, d);
      guint asked = 0;
      guint right = 0;
      GtkWidget *row;

      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(NimbusQuestion) question = g_list_model_get_item (questions, i);

          if (nimbus_question_get_domain (question, exam->id) != domain->number)
            continue;
          asked++;
          right += outcomes[i] == NIMBUS_PRACTICE_RIGHT;
        }

      if (asked == 0)
        continue;
      row = domain_row_new (domain, right, asked);
      adw_preferences_group_add (self->domains_group, row);
      g_ptr_array_add (self->domain_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->domains_group), self->domain_rows->len > 0);
}

static GtkWidget *
link_new (NimbusKb   *kb,
          const char *section_id)
{
  g_autofree char *title = nimbus_kb_lookup_title (kb, section_id);
  g_autofree char *text = NULL;

  /* Translators: a link to a section, "Read “Visibility timeout”" */
  text = g_strdup_printf (_("Read “%s”"), title != NULL ? title : section_id);
  return nimbus_practice_question_link_new (text, section_id);
}

static GtkWidget *
missed_new (NimbusKb       *kb,
            NimbusQuestion *question,
            guint           number,
            guint8          outcome)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char * const *sections = nimbus_question_get_section_ids (question);
  g_autofree char *heading = NULL;

  /* Translators: a question missed in a practice, "Question 4 · not answered" */
  heading = g_strdup_printf (outcome == NIMBUS_PRACTICE_WRONG ? _("Question %u · answered wrong")
                                                              : _("Question %u · not answered"),
                             number);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "missed");
  gtk_box_append (GTK_BOX (card), nimbus_text_label_new (heading, "heading"));
  gtk_box_append (GTK_BOX (card),
                  nimbus_text_label_new (nimbus_question_get_stem (question), NULL));
  for (guint i = 0; sections[i] != NULL; i++)
    gtk_box_append (GTK_BOX (card), link_new (kb, sections[i]));

  return card;
}

/* Shows how a practice went: questions and outcomes (NimbusPracticeOutcome) in the order
 * asked, of exam. */
void
nimbus_practice_results_set_session (NimbusPracticeResults *self,
                                     NimbusKb              *kb,
                                     const NimbusExam      *exam,
                                     GListModel            *questions,
                                     const guint8          *outcomes)
{
  guint n = g_list_model_get_n_items (questions);
  guint right = 0;
  guint wrong = 0;
  g_autofree char *score = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  g_return_if_fail (NIMBUS_IS_PRACTICE_RESULTS (self));
  g_return_if_fail (G_IS_LIST_MODEL (questions));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->missed_box))) != NULL)
    gtk_box_remove (self->missed_box, child);

  for (guint i = 0; i < n; i++)
    {
      right += outcomes[i] == NIMBUS_PRACTICE_RIGHT;
      wrong += outcomes[i] == NIMBUS_PRACTICE_WRONG;
    }

  /* Translators: the score of a practice, "14 of 20 right (70%)" */
  score = g_strdup_printf (ngettext ("%u of %u right (%u%%)", "%u of %u right (%u%%)", n),
                           right, n, percent (right, n));
  gtk_label_set_text (self->score_label, score);
  /* Translators: "Developer · 4 wrong · 2 not answered" */
  summary = g_strdup_printf (_("%s · %u wrong · %u not answered"),
                             exam != NULL ? exam->name : "", wrong, n - right - wrong);
  gtk_label_set_text (self->summary_label, summary);

  fill_domains (self, exam, questions, outcomes);

  if (right < n)
    gtk_box_append (self->missed_box, nimbus_text_label_new (_("Missed"), "title-3"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (questions, i);

      if (outcomes[i] != NIMBUS_PRACTICE_RIGHT)
        gtk_box_append (self->missed_box, missed_new (kb, question, i + 1, outcomes[i]));
    }

  gtk_widget_set_visible (self->retry_button, right < n);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
nimbus_practice_results_dispose (GObject *object)
{
  NimbusPracticeResults *self = NIMBUS_PRACTICE_RESULTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_PRACTICE_RESULTS);
  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (nimbus_practice_results_parent_class)->dispose (object);
}

static void
nimbus_practice_results_class_init (NimbusPracticeResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_practice_results_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-practice-results.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeResults, scroller);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeResults, score_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeResults, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeResults, retry_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeResults, domains_group);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeResults, missed_box);
}

static void
nimbus_practice_results_init (NimbusPracticeResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nimbus_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
}
