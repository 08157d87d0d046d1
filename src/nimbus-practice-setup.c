/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-practice-setup"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-practice-setup.h"
#include "nimbus-service.h"

/* The choices a practice starts from: the exam, a service or any, its domains, and how
 * many questions (the last choice is the mock exam), with how many questions they give.
 * Its Start button is the practice page's action. */
struct _NimbusPracticeSetup
{
  GtkWidget parent_instance;

  AdwComboRow *exam_row;
  AdwComboRow *service_row;
  AdwComboRow *count_row;
  AdwPreferencesGroup *domains_group;
  GtkLabel *available_label;

  NimbusKb *kb;
  GPtrArray *exams;          /* NimbusExam, as the exam row lists them */
  GPtrArray *service_ids;    /* as the service row lists them; NULL first: any */
  GPtrArray *domain_checks;  /* GtkCheckButton for each domain of the exam chosen */
  GPtrArray *domain_rows;
  guint n_available;
};

G_DEFINE_FINAL_TYPE (NimbusPracticeSetup, nimbus_practice_setup, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Counts the setup offers; the last is the mock exam. */
static const guint counts[] = { 10, 20, NIMBUS_PRACTICE_MOCK_QUESTIONS };

/* The exam chosen, or NULL before the knowledge base is known. */
const NimbusExam *
nimbus_practice_setup_get_exam (NimbusPracticeSetup *self)
{
  guint index;

  g_return_val_if_fail (NIMBUS_IS_PRACTICE_SETUP (self), NULL);

  index = adw_combo_row_get_selected (self->exam_row);
  return self->exams != NULL && index < self->exams->len ? g_ptr_array_index (self->exams, index)
                                                         : NULL;
}

/* The exam of that id, of those the setup offers; NULL for another. */
const NimbusExam *
nimbus_practice_setup_find_exam (NimbusPracticeSetup *self,
                                 const char          *exam_id)
{
  g_return_val_if_fail (NIMBUS_IS_PRACTICE_SETUP (self), NULL);

  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (self->exams, i);

      if (g_strcmp0 (exam->id, exam_id) == 0)
        return exam;
    }

  return NULL;
}

static const char *
chosen_service_id (NimbusPracticeSetup *self)
{
  guint index = adw_combo_row_get_selected (self->service_row);

  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

  return self->service_ids != NULL && index < self->service_ids->len
         ? g_ptr_array_index (self->service_ids, index) : NULL;
}

static guint
chosen_count_index (NimbusPracticeSetup *self)
{
  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

  return MIN (adw_combo_row_get_selected (self->count_row), G_N_ELEMENTS (counts) - 1);
}

static gboolean
domain_chosen (NimbusPracticeSetup *self,
               guint                i)
{
  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

  return gtk_check_button_get_active (g_ptr_array_index (self->domain_checks, i));
}

/* How many questions the choices give, told under them. */
void
nimbus_practice_setup_update (NimbusPracticeSetup *self)
{
  const NimbusExam *exam;
  const char *service_id;
  guint available = 0;
  guint wanted;
  g_autofree char *text = NULL;

  g_return_if_fail (NIMBUS_IS_PRACTICE_SETUP (self));

  if ((exam = nimbus_practice_setup_get_exam (self)) == NULL || self->kb == NULL)
    return;

  service_id = chosen_service_id (self);
  for (guint i = 0; self->domain_checks != NULL && i < self->domain_checks->len; i++)
    {
      const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, i);

      if (domain_chosen (self, i))
        available += nimbus_kb_count_questions (self->kb, exam->id, domain->number, service_id,
                                                NULL);
    }

  wanted = counts[chosen_count_index (self)];
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
  self->n_available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_AVAILABLE]);
}

guint
nimbus_practice_setup_get_n_available (NimbusPracticeSetup *self)
{
  g_return_val_if_fail (NIMBUS_IS_PRACTICE_SETUP (self), 0);

  return self->n_available;
}

static void
on_setup_changed_cb (NimbusPracticeSetup *self)
{
  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

  nimbus_practice_setup_update (self);
}

static void
fill_services (NimbusPracticeSetup *self,
               const NimbusExam    *exam)
{
  g_autoptr(GListModel) services = nimbus_kb_list_services (self->kb, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

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

static GtkWidget *
domain_row_new (NimbusPracticeSetup    *self,
                const NimbusExamDomain *domain,
                GtkWidget             **check)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

  /* Translators: "Domain 2: Security" */
  title = g_strdup_printf (_("Domain %u: %s"), domain->number, domain->name);
  /* Translators: a domain's weight in its exam, "26% of the exam" */
  subtitle = g_strdup_printf (_("%u%% of the exam"), domain->weight);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  *check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (*check), TRUE);
  gtk_widget_set_valign (*check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  g_signal_connect_swapped (*check, "toggled", G_CALLBACK (on_setup_changed_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *check);

  return row;
}

static void
fill_domains (NimbusPracticeSetup *self,
              const NimbusExam    *exam)
{
  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

  for (guint i = 0; self->domain_rows != NULL && i < self->domain_rows->len; i++)
    adw_preferences_group_remove (self->domains_group, g_ptr_array_index (self->domain_rows, i));
  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);
  g_clear_pointer (&self->domain_checks, g_ptr_array_unref);
  self->domain_rows = g_ptr_array_new ();
  self->domain_checks = g_ptr_array_new ();

  for (guint i = 0; i < exam->domains->len; i++)
    {
      GtkWidget *check;
      GtkWidget *row = domain_row_new (self, g_ptr_array_index (exam->domains, i), &check);

      adw_preferences_group_add (self->domains_group, row);
      g_ptr_array_add (self->domain_rows, row);
      g_ptr_array_add (self->domain_checks, check);
    }
}

static void
on_exam_row_selected_cb (NimbusPracticeSetup *self)
{
  const NimbusExam *exam = nimbus_practice_setup_get_exam (self);

  g_assert (NIMBUS_IS_PRACTICE_SETUP (self));

  if (exam == NULL || self->kb == NULL)
    return;

  fill_services (self, exam);
  fill_domains (self, exam);
  nimbus_practice_setup_update (self);
}

void
nimbus_practice_setup_set_kb (NimbusPracticeSetup *self,
                              NimbusKb            *kb)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (NIMBUS_IS_PRACTICE_SETUP (self));

  g_set_object (&self->kb, kb);
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
nimbus_practice_setup_set_exam (NimbusPracticeSetup *self,
                                const char          *exam_id)
{
  g_return_if_fail (NIMBUS_IS_PRACTICE_SETUP (self));

  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      if (g_strcmp0 (((NimbusExam *) g_ptr_array_index (self->exams, i))->id, exam_id) == 0)
        adw_combo_row_set_selected (self->exam_row, i);
    }
}

/* A set of questions by the choices, drawn anew each time (an empty one when none match),
 * and whether it is the mock exam; NULL with error when the knowledge base fails. */
GListModel *
nimbus_practice_setup_pick_questions (NimbusPracticeSetup  *self,
                                      gboolean             *mock,
                                      GError              **error)
{
  const NimbusExam *exam;
  g_autoptr(GArray) domains = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *service_ids[2] = { NULL, NULL };
  guint index;

  g_return_val_if_fail (NIMBUS_IS_PRACTICE_SETUP (self), NULL);
  g_return_val_if_fail (nimbus_practice_setup_get_exam (self) != NULL, NULL);

  exam = nimbus_practice_setup_get_exam (self);

  for (guint i = 0; self->domain_checks != NULL && i < self->domain_checks->len; i++)
    {
      const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, i);

      if (domain_chosen (self, i))
        g_array_append_val (domains, domain->number);
    }
  service_ids[0] = chosen_service_id (self);
  index = chosen_count_index (self);
  *mock = index == G_N_ELEMENTS (counts) - 1;

  return nimbus_kb_pick_questions (self->kb, exam->id, (guint *) domains->data, domains->len,
                                   service_ids[0] != NULL ? service_ids : NULL, counts[index],
                                   g_random_int (), error);
}

static void
nimbus_practice_setup_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NimbusPracticeSetup *self = NIMBUS_PRACTICE_SETUP (object);

  switch (prop_id)
    {
    case PROP_N_AVAILABLE:
      g_value_set_uint (value, self->n_available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_practice_setup_dispose (GObject *object)
{
  NimbusPracticeSetup *self = NIMBUS_PRACTICE_SETUP (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_PRACTICE_SETUP);
  /* The scrolled window that holds the rows is unnamed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->kb);
  g_clear_pointer (&self->exams, g_ptr_array_unref);
  g_clear_pointer (&self->service_ids, g_ptr_array_unref);
  g_clear_pointer (&self->domain_checks, g_ptr_array_unref);
  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (nimbus_practice_setup_parent_class)->dispose (object);
}

static void
nimbus_practice_setup_class_init (NimbusPracticeSetupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_practice_setup_dispose;
  object_class->get_property = nimbus_practice_setup_get_property;

  /* How many questions the choices give; told each time they change. */
  properties[PROP_N_AVAILABLE] = g_param_spec_uint ("n-available", NULL, NULL, 0, G_MAXUINT, 0,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-practice-setup.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeSetup, exam_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeSetup, service_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeSetup, count_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeSetup, domains_group);
  gtk_widget_class_bind_template_child (widget_class, NimbusPracticeSetup, available_label);
  gtk_widget_class_bind_template_callback (widget_class, on_exam_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_changed_cb);
}

static void
nimbus_practice_setup_init (NimbusPracticeSetup *self)
{
  g_autoptr(GtkStringList) counts_list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (counts_list, _("10 questions"));
  gtk_string_list_append (counts_list, _("20 questions"));
  /* Translators: the mock exam, as many questions and minutes as the real one */
  gtk_string_list_append (counts_list, _("Mock exam: 65 questions in 130 minutes"));
  adw_combo_row_set_model (self->count_row, G_LIST_MODEL (counts_list));
}
