/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-question"

#include "config.h"

#include "nimbus-question-private.h"

typedef struct
{
  char *text;
  gboolean correct;
  char *why;
} Option;

struct _NimbusQuestion
{
  GObject parent_instance;

  char *id;
  char *service_id;
  char *stem;
  guint choose;
  GArray *options;        /* Option */
  GPtrArray *section_ids; /* NULL-terminated */
  GPtrArray *exam_ids;    /* NULL-terminated, parallel to domains */
  GArray *domains;        /* guint */
};

G_DEFINE_FINAL_TYPE (NimbusQuestion, nimbus_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SERVICE_ID,
  PROP_STEM,
  PROP_CHOOSE,
  PROP_N_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
option_clear (Option *option)
{
  g_free (option->text);
  g_free (option->why);
}

static void
nimbus_question_finalize (GObject *object)
{
  NimbusQuestion *self = NIMBUS_QUESTION (object);

  g_free (self->id);
  g_free (self->service_id);
  g_free (self->stem);
  g_array_unref (self->options);
  g_ptr_array_unref (self->section_ids);
  g_ptr_array_unref (self->exam_ids);
  g_array_unref (self->domains);

  G_OBJECT_CLASS (nimbus_question_parent_class)->finalize (object);
}

static void
nimbus_question_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NimbusQuestion *self = NIMBUS_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_STEM:
      g_value_set_string (value, self->stem);
      break;
    case PROP_CHOOSE:
      g_value_set_uint (value, self->choose);
      break;
    case PROP_N_OPTIONS:
      g_value_set_uint (value, self->options->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_question_class_init (NimbusQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nimbus_question_finalize;
  object_class->get_property = nimbus_question_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_ID] = g_param_spec_string ("service-id", NULL, NULL, NULL, flags);
  properties[PROP_STEM] = g_param_spec_string ("stem", NULL, NULL, NULL, flags);
  properties[PROP_CHOOSE] = g_param_spec_uint ("choose", NULL, NULL, 1, G_MAXUINT, 1, flags);
  properties[PROP_N_OPTIONS] = g_param_spec_uint ("n-options", NULL, NULL, 0, G_MAXUINT, 0,
                                                  flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nimbus_question_init (NimbusQuestion *self)
{
  self->options = g_array_new (FALSE, TRUE, sizeof (Option));
  g_array_set_clear_func (self->options, (GDestroyNotify) option_clear);
  self->section_ids = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  self->exam_ids = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  self->domains = g_array_new (FALSE, FALSE, sizeof (guint));
  self->choose = 1;
}

NimbusQuestion *
nimbus_question_new (const char *id,
                     const char *service_id,
                     const char *stem,
                     guint       choose)
{
  NimbusQuestion *self = g_object_new (NIMBUS_TYPE_QUESTION, NULL);

  self->id = g_strdup (id);
  self->service_id = g_strdup (service_id);
  self->stem = g_strdup (stem);
  self->choose = MAX (choose, 1);

  return self;
}

void
nimbus_question_add_option (NimbusQuestion *self,
                            const char     *text,
                            gboolean        correct,
                            const char     *why)
{
  Option option = { g_strdup (text), correct, g_strdup (why) };

  g_array_append_val (self->options, option);
}

void
nimbus_question_add_section (NimbusQuestion *self,
                             const char     *section_id)
{
  g_ptr_array_add (self->section_ids, g_strdup (section_id));
}

void
nimbus_question_add_exam (NimbusQuestion *self,
                          const char     *exam_id,
                          guint           domain)
{
  g_ptr_array_add (self->exam_ids, g_strdup (exam_id));
  g_array_append_val (self->domains, domain);
}

/* "sqs/q/duplicates-after-slow-processing" */
const char *
nimbus_question_get_id (NimbusQuestion *self)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), NULL);
  return self->id;
}

const char *
nimbus_question_get_service_id (NimbusQuestion *self)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), NULL);
  return self->service_id;
}

/* The scenario and the question, plain text (backticks name code, as in sections). */
const char *
nimbus_question_get_stem (NimbusQuestion *self)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), NULL);
  return self->stem;
}

/* How many options are correct: 1 for radio buttons, 2 or more for "Choose TWO". */
guint
nimbus_question_get_choose (NimbusQuestion *self)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), 1);
  return self->choose;
}

guint
nimbus_question_get_n_options (NimbusQuestion *self)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), 0);
  return self->options->len;
}

static const Option *
get_option (NimbusQuestion *self,
            guint           option)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), NULL);
  g_return_val_if_fail (option < self->options->len, NULL);

  return &g_array_index (self->options, Option, option);
}

const char *
nimbus_question_get_option_text (NimbusQuestion *self,
                                 guint           option)
{
  const Option *o = get_option (self, option);

  return o != NULL ? o->text : NULL;
}

gboolean
nimbus_question_get_option_correct (NimbusQuestion *self,
                                    guint           option)
{
  const Option *o = get_option (self, option);

  return o != NULL && o->correct;
}

/* One sentence: why this option is right or wrong. */
const char *
nimbus_question_get_option_why (NimbusQuestion *self,
                                guint           option)
{
  const Option *o = get_option (self, option);

  return o != NULL ? o->why : NULL;
}

/* The full ids of the sections that teach the answer, NULL-terminated. */
const char * const *
nimbus_question_get_section_ids (NimbusQuestion *self)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), NULL);
  return (const char * const *) self->section_ids->pdata;
}

/* The exams the question belongs to, NULL-terminated. */
const char * const *
nimbus_question_get_exam_ids (NimbusQuestion *self)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), NULL);
  return (const char * const *) self->exam_ids->pdata;
}

/* The domain of exam_id's guide the question belongs to; 0 when it is not on that exam. */
guint
nimbus_question_get_domain (NimbusQuestion *self,
                            const char     *exam_id)
{
  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), 0);

  for (guint i = 0; exam_id != NULL && i < self->domains->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->exam_ids, i), exam_id))
        return g_array_index (self->domains, guint, i);
    }

  return 0;
}

/* Whether the options chosen (indices, in any order; a repeat counts once) are exactly the
 * correct ones. An index past the last option makes the answer wrong. */
gboolean
nimbus_question_check_answer (NimbusQuestion *self,
                              const guint    *chosen,
                              gsize           n_chosen)
{
  guint64 mask = 0;
  guint64 correct = 0;

  g_return_val_if_fail (NIMBUS_IS_QUESTION (self), FALSE);
  g_return_val_if_fail (chosen != NULL || n_chosen == 0, FALSE);

  for (gsize i = 0; i < n_chosen; i++)
    {
      if (chosen[i] >= self->options->len)
        return FALSE;
      mask |= G_GUINT64_CONSTANT (1) << chosen[i];
    }

  for (guint i = 0; i < self->options->len && i < 64; i++)
    {
      if (g_array_index (self->options, Option, i).correct)
        correct |= G_GUINT64_CONSTANT (1) << i;
    }

  return correct != 0 && mask == correct;
}
