/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-search-hit"

#include "config.h"

#include <string.h>

#include "nimbus-search-hit.h"

struct _NimbusSearchHit
{
  GObject parent_instance;

  guint rank;          /* 1 for the best hit */
  char *id;            /* service, section, tip or fact id; a note's item */
  NimbusHitKind kind;
  char *service_id;
  char *service_name;
  char *section_id;    /* NULL for a service */
  char *title;
  char *snippet;       /* plain text with NIMBUS_MATCH_START/END around matches */
};

G_DEFINE_FINAL_TYPE (NimbusSearchHit, nimbus_search_hit, G_TYPE_OBJECT)

NimbusSearchHit *
nimbus_search_hit_new (const char    *id,
                       NimbusHitKind  kind,
                       const char    *service_id,
                       const char    *service_name,
                       const char    *section_id,
                       const char    *title,
                       const char    *snippet)
{
  NimbusSearchHit *self = g_object_new (NIMBUS_TYPE_SEARCH_HIT, NULL);

  self->id = g_strdup (id);
  self->kind = kind;
  self->service_id = g_strdup (service_id);
  self->service_name = g_strdup (service_name);
  self->section_id = g_strdup (section_id);
  self->title = g_strdup (title);
  self->snippet = g_strdup (snippet);

  return self;
}

static void
nimbus_search_hit_finalize (GObject *object)
{
  NimbusSearchHit *self = NIMBUS_SEARCH_HIT (object);

  g_free (self->id);
  g_free (self->service_id);
  g_free (self->service_name);
  g_free (self->section_id);
  g_free (self->title);
  g_free (self->snippet);

  G_OBJECT_CLASS (nimbus_search_hit_parent_class)->finalize (object);
}

static void
nimbus_search_hit_class_init (NimbusSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nimbus_search_hit_finalize;
}

static void
nimbus_search_hit_init (NimbusSearchHit *self)
{
}

guint
nimbus_search_hit_get_rank (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), 0);

  return self->rank;
}

void
nimbus_search_hit_set_rank (NimbusSearchHit *self,
                            guint            rank)
{
  g_return_if_fail (NIMBUS_IS_SEARCH_HIT (self));

  self->rank = rank;
}

const char *
nimbus_search_hit_get_id (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return self->id;
}

NimbusHitKind
nimbus_search_hit_get_kind (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NIMBUS_HIT_KIND_SERVICE);

  return self->kind;
}

const char *
nimbus_search_hit_get_service_id (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return self->service_id;
}

const char *
nimbus_search_hit_get_service_name (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return self->service_name;
}

const char *
nimbus_search_hit_get_section_id (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return self->section_id;
}

const char *
nimbus_search_hit_get_title (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

const char *
nimbus_search_hit_get_snippet (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

static char *
replace_marks (const char *snippet,
               gboolean    markup)
{
  GString *out = g_string_new (NULL);
  gboolean open = FALSE;

  for (const char *p = snippet; p != NULL && *p != '\0';)
    {
      const char *next = p + strcspn (p, NIMBUS_MATCH_START NIMBUS_MATCH_END);

      if (markup)
        {
          g_autofree char *escaped = g_markup_escape_text (p, next - p);
          g_string_append (out, escaped);
        }
      else
        g_string_append_len (out, p, next - p);

      if (*next == '\0')
        break;

      /* Only balanced tags reach Pango, whatever the marks. */
      if (markup && (*next == NIMBUS_MATCH_START[0]) != open)
        {
          g_string_append (out, open ? "</b>" : "<b>");
          open = !open;
        }
      p = next + 1;
    }

  if (open)
    g_string_append (out, "</b>");

  return g_string_free (out, FALSE);
}

/* The snippet as plain text, without match marks. */
char *
nimbus_search_hit_dup_snippet_plain (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return replace_marks (self->snippet, FALSE);
}

/* The snippet as Pango markup: the text escaped, the matches in bold. */
char *
nimbus_search_hit_dup_snippet_markup (NimbusSearchHit *self)
{
  g_return_val_if_fail (NIMBUS_IS_SEARCH_HIT (self), NULL);

  return replace_marks (self->snippet, TRUE);
}
