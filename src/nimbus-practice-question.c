/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-practice-question"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-markup.h"
#include "nimbus-practice-question.h"

/* One practice question: what it is about, its stem and its numbered options, then once
 * the answer is checked the verdict, why each option is right or wrong, and links to the
 * sections that teach it (the practice page's practice.open). The practice page checks the
 * answer and moves on. */
struct _NimbusPracticeQuestion
{
  GtkWidget parent_instance;

  GtkLabel *meta_label;
  GtkLabel *stem_label;
  GtkLabel *choose_label;
  GtkBox *options_box;
  GtkWidget *verdict_box;
  GtkImage *verdict_icon;
  GtkLabel *verdict_label;
  GtkBox *links_box;

  NimbusKb *kb;
  NimbusQuestion *question;
  GPtrArray *option_buttons; /* GtkCheckButton */
  GPtrArray *why_labels;
};

G_DEFINE_FINAL_TYPE (NimbusPracticeQuestion, nimbus_practice_question, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HAS_CHOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
on_option_toggled_cb (NimbusPracticeQuestion *self)
{
  g_assert (NIMBUS_IS_PRACTICE_QUESTION (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHOICE]);
}

static GtkWidget *
option_new (NimbusPracticeQuestion *self,
            guint                   option,
            GtkCheckButton         *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *why = gtk_label_new (NULL);
  g_autofree char *markup =
    nimbus_markup_from_text (nimbus_question_get_option_text (self->question, option));
  g_autofree char *text = NULL;

  g_assert (NIMBUS_IS_PRACTICE_QUESTION (self));

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
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
show_options (NimbusPracticeQuestion *self)
{
  guint choose = nimbus_question_get_choose (self->question);
  g_autofree char *choose_text = NULL;

  g_assert (NIMBUS_IS_PRACTICE_QUESTION (self));

  if (choose > 1)
    {
      const char *numbers[] = { NULL, NULL, N_("TWO"), N_("THREE"), N_("FOUR") };

      /* Translators: how many options to choose; %s is "TWO", "THREE" */
      choose_text = g_strdup_printf (_("Choose %s."), choose < G_N_ELEMENTS (numbers)
                                                      ? _(numbers[choose]) : "");
    }
  gtk_label_set_text (self->choose_label, choose_text != NULL ? choose_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->choose_label), choose_text != NULL);

  for (guint i = 0; i < nimbus_question_get_n_options (self->question); i++)
    gtk_box_append (self->options_box,
                    option_new (self, i,
                                choose == 1 && i > 0 ? g_ptr_array_index (self->option_buttons, 0)
                                                     : NULL));
}

/* The question of the practice for exam_id (exam: its domains' names, if known), its
 * options to pick; kb titles it and the sections that teach it. */
void
nimbus_practice_question_show (NimbusPracticeQuestion *self,
                               NimbusKb               *kb,
                               const char             *exam_id,
                               const NimbusExam       *exam,
                               NimbusQuestion         *question)
{
  g_autofree char *service = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *stem = NULL;

  g_return_if_fail (NIMBUS_IS_PRACTICE_QUESTION (self));
  g_return_if_fail (NIMBUS_IS_QUESTION (question));

  g_set_object (&self->kb, kb);
  g_set_object (&self->question, question);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->why_labels, g_ptr_array_unref);
  self->option_buttons = g_ptr_array_new ();
  self->why_labels = g_ptr_array_new ();
  remove_children (self->options_box);
  remove_children (self->links_box);

  service = nimbus_kb_lookup_title (kb, nimbus_question_get_service_id (question));
  domain = domain_text (exam, nimbus_question_get_domain (question, exam_id));
  /* Translators: what a question is about, "SQS · Domain 4: Troubleshooting and Optimization" */
  meta = g_strdup_printf (_("%s · %s"), service != NULL ? service : "", domain);
  gtk_label_set_text (self->meta_label, meta);
  stem = nimbus_markup_from_text (nimbus_question_get_stem (question));
  gtk_label_set_markup (self->stem_label, stem);
  show_options (self);

  gtk_widget_set_visible (self->verdict_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHOICE]);
}

/* Picks option (from 0) as a click would: a radio is chosen, a check button toggled. */
void
nimbus_practice_question_pick (NimbusPracticeQuestion *self,
                               guint                   option)
{
  GtkCheckButton *button;

  g_return_if_fail (NIMBUS_IS_PRACTICE_QUESTION (self));

  if (self->option_buttons == NULL || option >= self->option_buttons->len)
    return;

  button = g_ptr_array_index (self->option_buttons, option);
  if (nimbus_question_get_choose (self->question) > 1)
    gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
  else
    gtk_check_button_set_active (button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

/* The options picked, by number from 0. */
GArray *
nimbus_practice_question_dup_choice (NimbusPracticeQuestion *self)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (NIMBUS_IS_PRACTICE_QUESTION (self), chosen);

  for (guint i = 0; self->option_buttons != NULL && i < self->option_buttons->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->option_buttons, i)))
        g_array_append_val (chosen, i);
    }

  return chosen;
}

gboolean
nimbus_practice_question_has_choice (NimbusPracticeQuestion *self)
{
  g_autoptr(GArray) chosen = NULL;

  g_return_val_if_fail (NIMBUS_IS_PRACTICE_QUESTION (self), FALSE);

  chosen = nimbus_practice_question_dup_choice (self);
  return chosen->len > 0;
}

/* A link button that opens a section, for the practice page's practice.open. */
GtkWidget *
nimbus_practice_question_link_new (const char *text,
                                   const char *section_id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "practice.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", section_id);

  return button;
}

static GtkWidget *
section_link_new (NimbusPracticeQuestion *self,
                  const char             *section_id)
{
  g_autofree char *service_id = nimbus_id_dup_service_id (section_id);
  g_autofree char *title = nimbus_kb_lookup_title (self->kb, section_id);
  g_autofree char *service = nimbus_kb_lookup_title (self->kb, service_id);
  g_autofree char *text = NULL;

  g_assert (NIMBUS_IS_PRACTICE_QUESTION (self));

  /* Translators: a link to the section that explains a question, "Read “Visibility timeout”
   * in SQS" */
  text = g_strdup_printf (_("Read “%s” in %s"), title != NULL ? title : section_id,
                          service != NULL ? service : service_id);

  return nimbus_practice_question_link_new (text, section_id);
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

/* Under each option, why it is right or wrong; the options can no longer be changed. */
static void
show_whys (NimbusPracticeQuestion *self)
{
  g_assert (NIMBUS_IS_PRACTICE_QUESTION (self));

  for (guint i = 0; i < self->why_labels->len; i++)
    {
      GtkWidget *why = g_ptr_array_index (self->why_labels, i);
      GtkCheckButton *button = g_ptr_array_index (self->option_buttons, i);
      gboolean correct = nimbus_question_get_option_correct (self->question, i);
      gboolean chosen = gtk_check_button_get_active (button);
      g_autofree char *text = NULL;
      g_autofree char *markup =
        nimbus_markup_from_text (nimbus_question_get_option_why (self->question, i));

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
}

/* The answer checked: right or wrong, why each option is, and what to read. */
void
nimbus_practice_question_show_verdict (NimbusPracticeQuestion *self,
                                       gboolean                right)
{
  const char * const *sections;
  g_autofree char *answer = NULL;
  g_autofree char *verdict = NULL;

  g_return_if_fail (NIMBUS_IS_PRACTICE_QUESTION (self));
  g_return_if_fail (self->question != NULL);

  sections = nimbus_question_get_section_ids (self->question);
  answer = right_options_text (self->question);
  if (right)
    verdict = g_strdup (_("Right."));
  else
    /* Translators: %s is the numbers of the right options, "2" or "1 and 4" */
    verdict = g_strdup_printf (nimbus_question_get_choose (self->question) > 1
                               ? _("Wrong. The right answers are %s.")
                               : _("Wrong. The right answer is %s."), answer);
  gtk_label_set_text (self->verdict_label, verdict);
  gtk_image_set_from_icon_name (self->verdict_icon, right ? "object-select-symbolic"
                                                          : "dialog-error-symbolic");
  gtk_widget_remove_css_class (self->verdict_box, right ? "error" : "success");
  gtk_widget_add_css_class (self->verdict_box, right ? "success" : "error");
  gtk_widget_set_visible (self->verdict_box, TRUE);
  show_whys (self);

  for (guint i = 0; sections[i] != NULL; i++)
    gtk_box_append (self->links_box, section_link_new (self, sections[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), sections[0] != NULL);
}

/* The keyboard goes to the first option. */
static gboolean
nimbus_practice_question_grab_focus (GtkWidget *widget)
{
  NimbusPracticeQuestion *self = NIMBUS_PRACTICE_QUESTION (widget);

  if (self->option_buttons == NULL || self->option_buttons->len == 0)
    return FALSE;

  return gtk_widget_grab_focus (g_ptr_array_index (self->option_buttons, 0));
}

static void
nimbus_practice_question_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  NimbusPracticeQuestion *self = NIMBUS_PRACTICE_QUESTION (object);

  switch (prop_id)
    {
    case PROP_HAS_CHOICE:
      g_value_set_boolean (value, nimbus_practice_question_has_choice (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_practice_question_dispose (GObject *object)
{
  NimbusPracticeQuestion *self = NIMBUS_PRACTICE_QUESTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_PRACTICE_QUESTION);
  g_clear_object (&self->kb);
  g_clear_object (&self->question);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->why_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (nimbus_practice_question_parent_class)->dispose (object);
}

static void
nimbus_practice_question_class_init (NimbusPracticeQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_practice_question_dispose;
  object_class->get_property = nimbus_practice_question_get_property;
  widget_class->grab_focus = nimbus_practice_question_grab_focus;

  /* Whether an option is picked; told each time one is picked or let go. */
  properties[PROP_HAS_CHOICE] = g_param_spec_boolean ("has-choice", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE |
                                                      G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-practice-question.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, meta_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, stem_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, choose_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, options_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeQuestion, links_box);
}

static void
nimbus_practice_question_init (NimbusPracticeQuestion *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
