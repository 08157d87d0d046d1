/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-service"

#include "config.h"

#include <string.h>

#include "nimbus-service.h"

/* One row of the sidebar: a service and the category it is listed under. */
struct _NimbusService
{
  GObject parent_instance;

  char *id;
  char *name;
  char *full_name;
  char *category_id;
  char *category_name;
  char *summary;
  GStrv exams;   /* the exams that test it */
  GStrv names;   /* every name that means it: id, name, full name, aliases */
};

G_DEFINE_FINAL_TYPE (NimbusService, nimbus_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FULL_NAME,
  PROP_CATEGORY_ID,
  PROP_CATEGORY_NAME,
  PROP_SUMMARY,
  PROP_EXAMS,
  PROP_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nimbus_service_finalize (GObject *object)
{
  NimbusService *self = NIMBUS_SERVICE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->full_name);
  g_free (self->category_id);
  g_free (self->category_name);
  g_free (self->summary);
  g_strfreev (self->exams);
  g_strfreev (self->names);

  G_OBJECT_CLASS (nimbus_service_parent_class)->finalize (object);
}

static char **
field_for_prop (NimbusService *self,
                guint          prop_id)
{
  g_assert (NIMBUS_IS_SERVICE (self));

  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_NAME: return &self->name;
    case PROP_FULL_NAME: return &self->full_name;
    case PROP_CATEGORY_ID: return &self->category_id;
    case PROP_CATEGORY_NAME: return &self->category_name;
    case PROP_SUMMARY: return &self->summary;
    default: return NULL;
    }
}

static GStrv *
strv_for_prop (NimbusService *self,
               guint          prop_id)
{
  g_assert (NIMBUS_IS_SERVICE (self));

  switch (prop_id)
    {
    case PROP_EXAMS: return &self->exams;
    case PROP_NAMES: return &self->names;
    default: return NULL;
    }
}

static void
nimbus_service_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  char **field = field_for_prop (NIMBUS_SERVICE (object), prop_id);
  GStrv *strv = strv_for_prop (NIMBUS_SERVICE (object), prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (strv != NULL)
    g_value_set_boxed (value, *strv);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nimbus_service_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  char **field = field_for_prop (NIMBUS_SERVICE (object), prop_id);
  GStrv *strv = strv_for_prop (NIMBUS_SERVICE (object), prop_id);

  if (field != NULL)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
  else if (strv != NULL)
    {
      g_strfreev (*strv);
      *strv = g_value_dup_boxed (value);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nimbus_service_class_init (NimbusServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nimbus_service_finalize;
  object_class->get_property = nimbus_service_get_property;
  object_class->set_property = nimbus_service_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_ID] = g_param_spec_string ("category-id", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_NAME] = g_param_spec_string ("category-name", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_EXAMS] = g_param_spec_boxed ("exams", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NAMES] = g_param_spec_boxed ("names", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nimbus_service_init (NimbusService *self)
{
}

NimbusService *
nimbus_service_new (const char *id,
                    const char *name,
                    const char *full_name,
                    const char *category_id,
                    const char *category_name,
                    const char *summary,
                    const char * const *exams,
                    const char * const *names)
{
  return g_object_new (NIMBUS_TYPE_SERVICE,
                       "id", id,
                       "name", name,
                       "full-name", full_name,
                       "category-id", category_id,
                       "category-name", category_name,
                       "summary", summary,
                       "exams", exams,
                       "names", names,
                       NULL);
}

const char *
nimbus_service_get_id (NimbusService *self)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->id;
}

const char *
nimbus_service_get_name (NimbusService *self)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->name;
}

const char *
nimbus_service_get_full_name (NimbusService *self)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->full_name;
}

const char *
nimbus_service_get_category_id (NimbusService *self)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->category_id;
}

const char *
nimbus_service_get_category_name (NimbusService *self)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->category_name;
}

const char *
nimbus_service_get_summary (NimbusService *self)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->summary;
}

/* Never NULL: empty when the service is on no exam. */
const char * const *
nimbus_service_get_exams (NimbusService *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->exams != NULL ? (const char * const *) self->exams : none;
}

gboolean
nimbus_service_is_on_exam (NimbusService *self,
                           const char    *exam)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (exam != NULL, FALSE);
  return self->exams != NULL && g_strv_contains ((const char * const *) self->exams, exam);
}

/* Never NULL. */
const char * const *
nimbus_service_get_names (NimbusService *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), NULL);
  return self->names != NULL ? (const char * const *) self->names : none;
}

static gboolean
is_word_char_before (const char *start,
                     const char *at)
{
  return at > start && g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (start, at)));
}

/* Whether needle occurs in haystack beginning a word, and, with whole, ending one too. */
static gboolean
find_at_word (const char *haystack,
              const char *needle,
              gboolean    whole)
{
  gsize length = strlen (needle);

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    {
      if (is_word_char_before (haystack, at))
        continue;
      if (!whole || at[length] == '\0' || !g_unichar_isalnum (g_utf8_get_char (at + length)))
        return TRUE;
    }

  return FALSE;
}

/* Whether what a person typed names the service: it begins a word of one of the service's
 * names ("lamb", "queue serv"), or holds one of them as whole words ("why does my Lambda
 * time out"). Case and accents do not count; empty text names every service. */
gboolean
nimbus_service_is_named_by (NimbusService *self,
                            const char    *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (NIMBUS_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return FALSE;
  folded = g_utf8_casefold (normal, -1);
  stripped = g_strstrip (g_strdup (folded));
  if (*stripped == '\0')
    return TRUE;

  for (guint i = 0; self->names != NULL && self->names[i] != NULL; i++)
    {
      g_autofree char *name_normal = g_utf8_normalize (self->names[i], -1, G_NORMALIZE_ALL);
      g_autofree char *name = g_utf8_casefold (name_normal, -1);

      if (find_at_word (name, stripped, FALSE) || find_at_word (stripped, name, TRUE))
        return TRUE;
    }

  return FALSE;
}
