/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-questions"

#include "config.h"

#include <string.h>

#include "nimbus-entry.h"
#include "nimbus-kb-questions.h"

/* Practice questions, data/kb/questions/SERVICE.json: what one file shows is checked as it
 * is read, what needs the other files (services, exams, sections, stems elsewhere) once all
 * are read. The rules are those of data/kb/README.md, "Practice questions". */

#define STEM_MIN 40
#define STEM_MAX 1200
#define OPTION_MAX 300
#define WHY_MAX 400

static void
nimbus_kb_option_free (NimbusKbOption *option)
{
  g_free (option->text);
  g_free (option->why);
  g_free (option);
}

static void
question_exam_clear (NimbusKbQuestionExam *exam)
{
  g_free (exam->exam_id);
}

void
nimbus_kb_question_free (NimbusKbQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->id);
  g_free (question->service_id);
  g_free (question->stem);
  g_ptr_array_unref (question->options);
  g_array_unref (question->exams);
  g_strfreev (question->sections);
  g_array_unref (question->section_pos);
  g_strfreev (question->key_terms);
  g_array_unref (question->key_term_pos);
  g_free (question->filename);
  g_free (question);
}

static NimbusKbQuestion *
question_new (void)
{
  NimbusKbQuestion *question = g_new0 (NimbusKbQuestion, 1);

  question->options = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_kb_option_free);
  question->exams = g_array_new (FALSE, TRUE, sizeof (NimbusKbQuestionExam));
  g_array_set_clear_func (question->exams, (GDestroyNotify) question_exam_clear);
  question->section_pos = g_array_new (FALSE, FALSE, sizeof (NimbusKbPos));
  question->key_term_pos = g_array_new (FALSE, FALSE, sizeof (NimbusKbPos));
  question->choose = 1;

  return question;
}

/* Reading one file */

static void
check_length (NimbusKbReader *ctx,
              JsonObject     *object,
              const char     *key,
              const char     *what,
              const char     *value,
              glong           min,
              glong           max)
{
  glong length;

  if (value == NULL)
    return;

  length = g_utf8_strlen (value, -1);
  if (length < min || length > max)
    nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, key),
                            "“%s” of %s must be %ld to %ld characters long, not %ld", key, what,
                            min, max, length);
}

static void
read_exams (NimbusKbReader   *ctx,
            JsonObject       *object,
            NimbusKbQuestion *question)
{
  JsonNode *node = nimbus_kb_reader_get_member (ctx, object, "a question", "exams", TRUE);
  JsonObjectIter iter;
  const char *exam_id;
  JsonNode *domain;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node) || json_object_get_size (json_node_get_object (node)) == 0)
    {
      nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "exams"),
                              "“exams” of a question must be a non-empty object: "
                              "exam id → domain number");
      return;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &exam_id, &domain))
    {
      JsonObject *exams = json_node_get_object (node);
      NimbusKbQuestionExam exam = { NULL, 0, nimbus_kb_reader_member_pos (ctx, exams, exam_id) };

      if (!nimbus_kb_reader_node_is_int (domain) || json_node_get_int (domain) < 1 ||
          json_node_get_int (domain) > 99)
        {
          nimbus_kb_reader_error (ctx, exam.pos, "the domain of exam “%s” must be the number of "
                                  "a domain of its guide", exam_id);
          continue;
        }

      exam.exam_id = g_strdup (exam_id);
      exam.domain = json_node_get_int (domain);
      g_array_append_val (question->exams, exam);
    }
}

static gboolean
says_choose (const char *stem)
{
  return g_regex_match_simple ("choose (two|three|2|3)", stem, G_REGEX_CASELESS, 0);
}

static void
read_stem (NimbusKbReader   *ctx,
           JsonObject       *object,
           NimbusKbQuestion *question)
{
  question->stem = nimbus_kb_reader_get_string (ctx, object, "a question", "stem", TRUE);
  question->stem_pos = nimbus_kb_reader_member_pos (ctx, object, "stem");
  check_length (ctx, object, "stem", "a question", question->stem, STEM_MIN, STEM_MAX);
  if (question->stem != NULL && says_choose (question->stem))
    nimbus_kb_reader_error (ctx, question->stem_pos,
                            "the stem must not say how many to choose: give “choose” instead");
}

static NimbusKbOption *
read_option (NimbusKbReader *ctx,
             JsonObject     *object)
{
  static const char * const keys[] = { "text", "correct", "why", NULL };
  NimbusKbOption *option = g_new0 (NimbusKbOption, 1);
  JsonNode *correct = json_object_get_member (object, "correct");

  nimbus_kb_reader_check_keys (ctx, object, "an option", keys);
  option->text = nimbus_kb_reader_get_string (ctx, object, "an option", "text", TRUE);
  check_length (ctx, object, "text", "an option", option->text, 1, OPTION_MAX);
  option->why = nimbus_kb_reader_get_string (ctx, object, "an option", "why", TRUE);
  check_length (ctx, object, "why", "an option", option->why, 1, WHY_MAX);

  if (correct != NULL && (!JSON_NODE_HOLDS_VALUE (correct) ||
                          json_node_get_value_type (correct) != G_TYPE_BOOLEAN))
    nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "correct"),
                            "“correct” of an option must be true or false");
  else if (correct != NULL)
    option->correct = json_node_get_boolean (correct);

  return option;
}

static void
read_options (NimbusKbReader   *ctx,
              JsonObject       *object,
              NimbusKbQuestion *question)
{
  JsonArray *array = nimbus_kb_reader_get_array (ctx, object, "a question", "options", TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  NimbusKbPos pos = nimbus_kb_reader_member_pos (ctx, object, "options");
  guint n_correct = 0;
  guint n;

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *option_object = nimbus_kb_reader_get_object (ctx, array, i, "option");
      NimbusKbOption *option;

      if (option_object == NULL)
        continue;

      option = read_option (ctx, option_object);
      g_ptr_array_add (question->options, option);
      n_correct += option->correct;
      if (option->text != NULL)
        {
          g_autofree char *copy = g_strstrip (g_strdup (option->text));
          char *key = g_utf8_strdown (copy, -1);
          gpointer other;

          if (g_hash_table_lookup_extended (seen, key, NULL, &other))
            {
              nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, option_object, "text"),
                                      "option %u repeats option %u", i + 1,
                                      GPOINTER_TO_UINT (other));
              g_free (key);
            }
          else
            g_hash_table_insert (seen, key, GUINT_TO_POINTER (i + 1));
        }
    }

  n = json_array_get_length (array);
  if (n_correct != question->choose)
    nimbus_kb_reader_error (ctx, pos, "%u option%s marked correct, but the question has %u to "
                            "choose", n_correct, n_correct == 1 ? " is" : "s are",
                            question->choose);
  if (question->choose == 1 && n != 4)
    nimbus_kb_reader_error (ctx, pos, "a question with one answer has exactly 4 options, not %u",
                            n);
  else if (question->choose > 1 && (n < 5 || n > 6))
    nimbus_kb_reader_error (ctx, pos, "a question with %u answers has 5 or 6 options, not %u",
                            question->choose, n);
}

/* A string array read with each element's position, NULL and an error when it is not one. */
static GStrv
read_positioned_strv (NimbusKbReader *ctx,
                      JsonObject     *object,
                      const char     *key,
                      GArray         *positions)
{
  JsonArray *array = nimbus_kb_reader_get_array (ctx, object, "a question", key, TRUE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (array == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      NimbusKbPos pos = nimbus_kb_reader_element_pos (ctx, array, i);
      const char *problem;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          nimbus_kb_reader_error (ctx, pos, "item %u of “%s” in a question must be a string",
                                  i + 1, key);
          continue;
        }
      if ((problem = nimbus_kb_reader_text_problem (json_node_get_string (node))) != NULL)
        {
          nimbus_kb_reader_error (ctx, pos, "item %u of “%s” in a question %s", i + 1, key,
                                  problem);
          continue;
        }

      g_strv_builder_add (builder, json_node_get_string (node));
      g_array_append_val (positions, pos);
    }

  return g_strv_builder_end (builder);
}

/* Section references become full ids: a slug is one of this service's sections. */
static void
read_sections (NimbusKbReader   *ctx,
               JsonObject       *object,
               NimbusKbQuestion *question)
{
  g_auto(GStrv) refs = read_positioned_strv (ctx, object, "sections", question->section_pos);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    {
      NimbusKbPos pos = g_array_index (question->section_pos, NimbusKbPos, i);
      g_auto(GStrv) parts = g_strsplit (refs[i], "/", 3);
      g_autofree char *full = NULL;

      if (g_strv_length (parts) == 1 && nimbus_kb_reader_is_slug (parts[0]))
        full = g_strdup_printf ("%s/%s", question->service_id, parts[0]);
      else if (g_strv_length (parts) == 2 && nimbus_kb_reader_is_slug (parts[0]) &&
               nimbus_kb_reader_is_slug (parts[1]))
        full = g_strdup (refs[i]);
      else
        nimbus_kb_reader_error (ctx, pos, "section “%s” must be a slug of this service's "
                                "sections or SERVICE/SLUG", refs[i]);

      /* An empty id keeps the positions in step; it is reported already. */
      g_strv_builder_add (builder, full != NULL ? full : "");
    }

  question->sections = g_strv_builder_end (builder);
  for (guint i = 0; question->sections[i] != NULL; i++)
    {
      for (guint j = 0; j < i; j++)
        {
          if (*question->sections[i] != '\0' &&
              g_str_equal (question->sections[i], question->sections[j]))
            {
              nimbus_kb_reader_error (ctx, g_array_index (question->section_pos, NimbusKbPos, i),
                                      "section “%s” listed twice", question->sections[i]);
              break;
            }
        }
    }
}

static NimbusKbQuestion *
read_question (NimbusKbReader *ctx,
               JsonObject     *object,
               const char     *service_id,
               guint           position,
               GHashTable     *seen_ids)
{
  static const char * const keys[] = { "id", "exams", "stem", "choose", "options", "sections",
                                       "key_terms", NULL };
  NimbusKbQuestion *question = question_new ();
  g_autofree char *slug = NULL;
  gint64 choose = 1;

  nimbus_kb_reader_check_keys (ctx, object, "a question", keys);
  question->service_id = g_strdup (service_id);
  question->position = position;
  question->filename = g_strdup (ctx->filename);
  question->pos = nimbus_kb_reader_object_pos (ctx, object);

  slug = nimbus_kb_reader_get_slug (ctx, object, "a question");
  question->id = g_strdup_printf ("%s/q/%s", service_id, slug != NULL ? slug : "?");
  if (slug != NULL && !g_hash_table_add (seen_ids, g_strdup (slug)))
    nimbus_kb_reader_error (ctx, nimbus_kb_reader_member_pos (ctx, object, "id"),
                            "duplicate question id “%s”", question->id);

  read_exams (ctx, object, question);
  read_stem (ctx, object, question);
  if (json_object_has_member (object, "choose") &&
      nimbus_kb_reader_get_int (ctx, object, "a question", "choose", FALSE, 1, 5, &choose))
    question->choose = choose;
  read_options (ctx, object, question);
  read_sections (ctx, object, question);
  question->key_terms = read_positioned_strv (ctx, object, "key_terms", question->key_term_pos);

  return question;
}

static gboolean
file_name_is (const char *filename,
              const char *id)
{
  g_autofree char *basename = g_path_get_basename (filename);
  g_autofree char *expected = g_strconcat (id, ".json", NULL);

  return g_str_equal (basename, expected);
}

/* Reads the questions of one file into questions, every problem into errors. */
void
nimbus_kb_questions_read (GPtrArray  *questions,
                          GPtrArray  *errors,
                          const char *filename,
                          const char *data,
                          gsize       length)
{
  static const char * const keys[] = { "service", "questions", NULL };
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *service_id = NULL;
  NimbusKbReader ctx;
  JsonObject *root;
  JsonArray *array;

  nimbus_kb_reader_init (&ctx, errors, filename);
  if ((root = nimbus_kb_reader_parse (&ctx, data, length)) == NULL)
    goto out;

  nimbus_kb_reader_check_keys (&ctx, root, "a questions file", keys);
  service_id = nimbus_kb_reader_get_string (&ctx, root, "a questions file", "service", TRUE);
  if (service_id == NULL)
    goto out;
  if (!nimbus_kb_reader_is_slug (service_id) || !file_name_is (filename, service_id))
    {
      nimbus_kb_reader_error (&ctx, nimbus_kb_reader_member_pos (&ctx, root, "service"),
                              "service “%s” must match the file name (questions/%s.json)",
                              service_id, service_id);
      goto out;
    }

  array = nimbus_kb_reader_get_array (&ctx, root, "a questions file", "questions", TRUE);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = nimbus_kb_reader_get_object (&ctx, array, i, "question");
      NimbusKbQuestion *question;

      if (object == NULL)
        continue;

      question = read_question (&ctx, object, service_id, i, seen_ids);
      question->service_pos = nimbus_kb_reader_member_pos (&ctx, root, "service");
      g_ptr_array_add (questions, question);
    }

out:
  nimbus_kb_reader_clear (&ctx);
}

/* Checks across files */

typedef struct
{
  GPtrArray *errors;
  GHashTable *services;  /* id -> NimbusEntry */
  GHashTable *exams;     /* id -> NimbusExam */
  GHashTable *sections;  /* id -> NimbusSection */
  GHashTable *texts;     /* section id -> its text in lower case, made when first needed */
  GHashTable *stems;     /* stem folded -> question id */
} Checker;

/* What a reader sees of a section, in lower case: its title and every block's text. */
static const char *
section_text (Checker    *checker,
              const char *section_id)
{
  const NimbusSection *section = g_hash_table_lookup (checker->sections, section_id);
  g_autoptr(GString) text = NULL;
  char *lower;

  if ((lower = g_hash_table_lookup (checker->texts, section_id)) != NULL)
    return lower;

  text = g_string_new (section->title);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      g_autofree char *block = nimbus_block_dup_plain_text (g_ptr_array_index (section->blocks, i));

      g_string_append_printf (text, "\n%s", block);
    }

  lower = g_utf8_strdown (text->str, -1);
  g_hash_table_insert (checker->texts, g_strdup (section_id), lower);
  return lower;
}

/* Two stems are the same when their words are, whatever the case and punctuation. */
static char *
fold_stem (const char *stem)
{
  GString *folded = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = stem; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_')
        {
          if (gap && folded->len > 0)
            g_string_append_c (folded, ' ');
          g_string_append_unichar (folded, g_unichar_tolower (c));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }

  return g_string_free (folded, FALSE);
}

static void
check_exams (Checker                *checker,
             const NimbusKbQuestion *question,
             const NimbusEntry      *entry)
{
  for (guint i = 0; i < question->exams->len; i++)
    {
      const NimbusKbQuestionExam *qe = &g_array_index (question->exams, NimbusKbQuestionExam, i);
      const NimbusExam *exam = g_hash_table_lookup (checker->exams, qe->exam_id);

      if (exam == NULL)
        nimbus_kb_reader_error_at (checker->errors, question->filename, qe->pos,
                                   "unknown exam “%s” (see categories.json)", qe->exam_id);
      else if (entry != NULL && !g_strv_contains ((const char * const *) entry->exams,
                                                  qe->exam_id))
        nimbus_kb_reader_error_at (checker->errors, question->filename, qe->pos,
                                   "the service “%s” is not on the exam “%s”: give only "
                                   "exams its service file lists", entry->id, qe->exam_id);
      else if (nimbus_exam_find_domain (exam, qe->domain) == NULL)
        nimbus_kb_reader_error_at (checker->errors, question->filename, qe->pos,
                                   "the exam “%s” has no domain %u (its domains are 1 to %u)",
                                   qe->exam_id, qe->domain, exam->domains->len);
    }
}

static void
check_sections (Checker                *checker,
                const NimbusKbQuestion *question)
{
  g_autoptr(GPtrArray) known = g_ptr_array_new ();

  for (guint i = 0; question->sections != NULL && question->sections[i] != NULL; i++)
    {
      const char *id = question->sections[i];

      if (*id == '\0')
        continue;
      if (g_hash_table_contains (checker->sections, id))
        g_ptr_array_add (known, (gpointer) id);
      else
        nimbus_kb_reader_error_at (checker->errors, question->filename,
                                   g_array_index (question->section_pos, NimbusKbPos, i),
                                   "no section “%s” in the knowledge sources", id);
    }

  /* A term is judged only when some linked section exists: a missing one is its error. */
  for (guint i = 0; known->len > 0 && question->key_terms != NULL &&
                    question->key_terms[i] != NULL; i++)
    {
      g_autofree char *term = g_utf8_strdown (question->key_terms[i], -1);
      g_autoptr(GString) where = g_string_new (NULL);
      gboolean found = FALSE;

      for (guint j = 0; j < known->len && !found; j++)
        {
          found = strstr (section_text (checker, g_ptr_array_index (known, j)), term) != NULL;
          g_string_append_printf (where, "%s%s", j > 0 ? ", " : "",
                                  (const char *) g_ptr_array_index (known, j));
        }

      if (!found)
        nimbus_kb_reader_error_at (checker->errors, question->filename,
                                   g_array_index (question->key_term_pos, NimbusKbPos, i),
                                   "key term “%s” is in none of the question's sections "
                                   "(%s): the linked reading must teach it",
                                   question->key_terms[i], where->str);
    }
}

static void
check_question (Checker                *checker,
                const NimbusKbQuestion *question,
                GHashTable             *reported)
{
  const NimbusEntry *entry = g_hash_table_lookup (checker->services, question->service_id);
  g_autofree char *stem = NULL;
  const char *other;

  if (entry == NULL && g_hash_table_add (reported, question->filename))
    nimbus_kb_reader_error_at (checker->errors, question->filename, question->service_pos,
                               "unknown service “%s”: there is no %s.json beside questions/",
                               question->service_id, question->service_id);

  check_exams (checker, question, entry);

  if (question->stem != NULL)
    {
      stem = fold_stem (question->stem);
      if ((other = g_hash_table_lookup (checker->stems, stem)) != NULL)
        nimbus_kb_reader_error_at (checker->errors, question->filename, question->stem_pos,
                                   "the same stem as question “%s”", other);
      else
        g_hash_table_insert (checker->stems, g_steal_pointer (&stem), question->id);
    }

  check_sections (checker, question);
}

static int
compare_questions (gconstpointer a,
                   gconstpointer b)
{
  const NimbusKbQuestion *qa = *(NimbusKbQuestion **) a;
  const NimbusKbQuestion *qb = *(NimbusKbQuestion **) b;
  int cmp = strcmp (qa->service_id, qb->service_id);

  if (cmp != 0)
    return cmp;

  return qa->position < qb->position ? -1 : qa->position > qb->position;
}

/* Sorts the questions by service and place in their file, whatever order the files came
 * in, then checks what needs every file: services, exams and domains, sections and the
 * key terms in them, stems across the knowledge base. */
void
nimbus_kb_questions_check (GPtrArray *questions,
                           GPtrArray *errors,
                           GPtrArray *exams,
                           GPtrArray *entries)
{
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  Checker checker = {
    errors,
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };

  g_ptr_array_sort (questions, compare_questions);

  for (guint i = 0; i < exams->len; i++)
    g_hash_table_insert (checker.exams, ((NimbusExam *) g_ptr_array_index (exams, i))->id,
                         g_ptr_array_index (exams, i));
  for (guint i = 0; i < entries->len; i++)
    {
      NimbusEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (checker.services, entry->id, entry);
      for (guint j = 0; j < entry->sections->len; j++)
        {
          NimbusSection *section = g_ptr_array_index (entry->sections, j);

          g_hash_table_insert (checker.sections, section->id, section);
        }
    }

  for (guint i = 0; i < questions->len; i++)
    check_question (&checker, g_ptr_array_index (questions, i), reported);

  g_hash_table_unref (checker.services);
  g_hash_table_unref (checker.exams);
  g_hash_table_unref (checker.sections);
  g_hash_table_unref (checker.texts);
  g_hash_table_unref (checker.stems);
}
