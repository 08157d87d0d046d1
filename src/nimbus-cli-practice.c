/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-cli-practice"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nimbus-cli.h"
#include "nimbus-cli-practice.h"
#include "nimbus-entry-writer.h"
#include "nimbus-user-store.h"

/* nimbus --practice and nimbus --progress (../shared/CLI.md): a practice set from the
 * knowledge base, and readiness per exam domain from the user store. The answer is built
 * here and printed by nimbus-cli.c; bad values are usage errors that name the option. */

#define DEFAULT_COUNT 10
/* The sessions --progress lists, the latest first. */
#define LATEST_SESSIONS 10
/* How much of a value given on the command line a message repeats. */
#define SHOWN_CHARS 60

/* A value as given, fit for a one-line message: control characters become "?", and a
 * very long value is cut short. */
static char *
printable (const char *value)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  guint n = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == SHOWN_CHARS)
        {
          g_string_append (shown, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_c (shown, '?');
      else
        g_string_append_unichar (shown, c);
    }

  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static gboolean
parse_whole (const char *text,
             guint64     max,
             guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, 1, max, value, NULL);
}

/* What needs no knowledge base: the options --practice alone takes, its count and seed. */
gboolean
nimbus_cli_practice_check_usage (const NimbusCliOptions *options)
{
  const char *practice_only = options->domain != NULL ? "domain"
                              : options->count != NULL ? "count"
                              : options->seed != NULL ? "seed"
                              : options->answers ? "answers"
                              : NULL;
  guint64 value;

  g_return_val_if_fail (options != NULL, FALSE);

  if (practice_only != NULL && !options->practice)
    nimbus_cli_usage_error (_("--%s goes with --practice"), practice_only);
  else if (options->practice && options->exam == NULL)
    nimbus_cli_usage_error (_("--practice needs --exam EXAM"));
  else if (options->count != NULL && !parse_whole (options->count, G_MAXUINT32, &value))
    {
      g_autofree char *shown = printable (options->count);

      nimbus_cli_usage_error (_("--count takes a whole number of questions, 1 or more, not "
                                "“%s”"), shown);
    }
  else if (options->seed != NULL && !parse_whole (options->seed, G_MAXUINT32, &value))
    {
      g_autofree char *shown = printable (options->seed);

      nimbus_cli_usage_error (_("--seed takes a whole number from 1 to %u, not “%s”"),
                              G_MAXUINT32, shown);
    }
  else
    return TRUE;

  return FALSE;
}

/* The exam of that id, or a usage error naming the ones the knowledge base has, with the
 * exit status in *status. For every option that takes --exam. */
NimbusExam *
nimbus_cli_practice_find_exam (NimbusKb   *kb,
                               const char *exam_id,
                               int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = nimbus_kb_list_exams (kb, &error);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;
  g_autofree char *list = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (NIMBUS_IS_KB (kb), NULL);
  g_return_val_if_fail (exam_id != NULL && status != NULL, NULL);

  if (exams == NULL)
    {
      g_printerr ("nimbus: %s\n", error->message);
      *status = NIMBUS_EXIT_UNAVAILABLE;
      return NULL;
    }

  for (guint i = 0; i < exams->len; i++)
    {
      NimbusExam *exam = g_ptr_array_index (exams, i);

      if (g_str_equal (exam->id, exam_id))
        return g_ptr_array_steal_index (exams, i);
      g_strv_builder_add (ids, exam->id);
    }

  known = g_strv_builder_end (ids);
  list = g_strjoinv (", ", known);
  shown = printable (exam_id);
  nimbus_cli_usage_error (_("--exam takes one of %s, not “%s”"), list, shown);
  *status = NIMBUS_EXIT_USAGE;
  return NULL;
}

static gboolean
check_domain (const NimbusExam *exam,
              const char       *text,
              guint            *domain)
{
  guint64 value;
  g_autofree char *shown = NULL;

  if (parse_whole (text, G_MAXUINT, &value) && nimbus_exam_find_domain (exam, value) != NULL)
    {
      *domain = value;
      return TRUE;
    }

  shown = printable (text);
  nimbus_cli_usage_error (_("--domain of %s takes a number from 1 to %u, not “%s”"), exam->id,
                          exam->domains->len, shown);
  return FALSE;
}

/* A service of the knowledge base, as --search --service takes it. */
static gboolean
check_service (NimbusKb   *kb,
               const char *service)
{
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;

  if (strchr (service, '/') == NULL && strchr (service, '#') == NULL &&
      (title = nimbus_kb_lookup_title (kb, service)) != NULL)
    return TRUE;

  shown = printable (service);
  g_printerr (_("nimbus: No service “%s” in the knowledge base (see nimbus --list)\n"), shown);
  return FALSE;
}

static char
letter (guint option)
{
  return option < 26 ? 'A' + option : '?';
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_question_json (JsonBuilder    *builder,
                   NimbusQuestion *question,
                   gboolean        answers)
{
  const char * const *exams = nimbus_question_get_exam_ids (question);

  json_builder_begin_object (builder);
  nimbus_cli_add_string (builder, "id", nimbus_question_get_id (question));
  nimbus_cli_add_string (builder, "service", nimbus_question_get_service_id (question));
  json_builder_set_member_name (builder, "exams");
  json_builder_begin_object (builder);
  for (guint i = 0; exams[i] != NULL; i++)
    nimbus_cli_add_number (builder, exams[i], nimbus_question_get_domain (question, exams[i]));
  json_builder_end_object (builder);
  nimbus_cli_add_string (builder, "stem", nimbus_question_get_stem (question));
  nimbus_cli_add_number (builder, "choose", nimbus_question_get_choose (question));

  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; i < nimbus_question_get_n_options (question); i++)
    {
      char name[2] = { letter (i), '\0' };

      json_builder_begin_object (builder);
      nimbus_cli_add_string (builder, "letter", name);
      nimbus_cli_add_string (builder, "text", nimbus_question_get_option_text (question, i));
      if (answers)
        {
          nimbus_cli_add_boolean (builder, "correct",
                                  nimbus_question_get_option_correct (question, i));
          nimbus_cli_add_string (builder, "why", nimbus_question_get_option_why (question, i));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_strv (builder, "sections", nimbus_question_get_section_ids (question));
  json_builder_end_object (builder);
}

static char *
dup_set_json (GListModel *questions,
              gboolean    answers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (questions, i);

      add_question_json (builder, question, answers);
    }
  json_builder_end_array (builder);

  return nimbus_cli_dup_json (builder);
}

static const char *
choose_line (guint choose)
{
  switch (choose)
    {
    case 1:
      return NULL;
    case 2:
      return _("Choose TWO.");
    case 3:
      return _("Choose THREE.");
    default:
      return _("Choose all that apply.");
    }
}

/* The options, lettered; with answers, why each is right or wrong under it, then the right
 * letters and the sections to read. */
static void
append_options_text (GString        *out,
                     NimbusQuestion *question,
                     gboolean        answers,
                     guint           width)
{
  g_autoptr(GString) right = g_string_new (NULL);
  g_autofree char *sections = NULL;

  for (guint i = 0; i < nimbus_question_get_n_options (question); i++)
    {
      gboolean correct = nimbus_question_get_option_correct (question, i);
      g_autofree char *prefix = g_strdup_printf ("   %c. ", letter (i));
      g_autofree char *why_prefix = NULL;

      nimbus_entry_writer_append_wrapped (out, prefix,
                                          nimbus_question_get_option_text (question, i), width);
      if (!answers)
        continue;

      why_prefix = g_strconcat ("      ", correct ? _("Right: ") : _("Wrong: "), NULL);
      nimbus_entry_writer_append_wrapped (out, why_prefix,
                                          nimbus_question_get_option_why (question, i), width);
      if (correct)
        g_string_append_printf (right, "%s%c", right->len > 0 ? ", " : "", letter (i));
    }

  if (!answers)
    return;

  sections = g_strjoinv (", ", (char **) nimbus_question_get_section_ids (question));
  /* Translators: the letters of the right options: "Answer: B, D" */
  g_string_append_printf (out, _("   Answer: %s\n"), right->str);
  /* Translators: the knowledge-base sections that teach the question */
  g_string_append_printf (out, _("   Read: %s\n"), sections);
}

static char *
dup_set_text (GListModel       *questions,
              const NimbusExam *exam,
              gboolean          answers,
              guint             width)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (questions, i);
      const char *choose = choose_line (nimbus_question_get_choose (question));

      if (i > 0)
        g_string_append_c (out, '\n');
      /* Translators: a question's number in the set, its id, and its exam domain:
       * "1. sqs/q/long-polling (domain 3)" */
      g_string_append_printf (out, _("%u. %s (domain %u)\n"), i + 1,
                              nimbus_question_get_id (question),
                              nimbus_question_get_domain (question, exam->id));
      nimbus_entry_writer_append_wrapped (out, "   ", nimbus_question_get_stem (question),
                                          width);
      if (choose != NULL)
        g_string_append_printf (out, "   %s\n", choose);
      append_options_text (out, question, answers, width);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The answer to --practice in *answer for nimbus-cli.c to print; the exit status. */
int
nimbus_cli_practice_run (NimbusKb                *kb,
                         const NimbusCliOptions  *options,
                         guint                    width,
                         char                   **answer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusExam) exam = NULL;
  g_autoptr(GListModel) questions = NULL;
  const char *service_ids[] = { options->service, NULL };
  guint64 count = DEFAULT_COUNT;
  guint64 seed = 0;
  guint domain = 0;
  guint n;
  int status = NIMBUS_EXIT_OK;

  g_return_val_if_fail (NIMBUS_IS_KB (kb), NIMBUS_EXIT_UNAVAILABLE);
  g_return_val_if_fail (options != NULL && options->exam != NULL, NIMBUS_EXIT_USAGE);
  g_return_val_if_fail (answer != NULL && *answer == NULL, NIMBUS_EXIT_UNAVAILABLE);

  if ((exam = nimbus_cli_practice_find_exam (kb, options->exam, &status)) == NULL)
    return status;
  if (options->domain != NULL && !check_domain (exam, options->domain, &domain))
    return NIMBUS_EXIT_USAGE;
  if (options->service != NULL && !check_service (kb, options->service))
    return NIMBUS_EXIT_UNAVAILABLE;

  /* Both were checked by nimbus_cli_practice_check_usage (). */
  if (options->count != NULL)
    parse_whole (options->count, G_MAXUINT32, &count);
  if (options->seed != NULL)
    parse_whole (options->seed, G_MAXUINT32, &seed);

  questions = nimbus_kb_pick_questions (kb, exam->id, &domain, domain != 0 ? 1 : 0,
                                        options->service != NULL ? service_ids : NULL, count,
                                        seed, &error);
  if (questions == NULL)
    {
      g_printerr ("nimbus: %s\n", error->message);
      return NIMBUS_EXIT_UNAVAILABLE;
    }

  n = g_list_model_get_n_items (questions);
  if (n == 0)
    g_printerr (_("nimbus: no practice question matches these options\n"));
  else if (n < count)
    g_printerr (ngettext ("nimbus: only %u practice question matches these options\n",
                          "nimbus: only %u practice questions match these options\n", n), n);

  *answer = options->json ? dup_set_json (questions, options->answers)
                          : dup_set_text (questions, exam, options->answers, width);
  return NIMBUS_EXIT_OK;
}

/* Progress */

static guint
percent (guint part,
         guint whole)
{
  return whole > 0 ? (part * 100 + whole / 2) / whole : 0;
}

static void
append_readiness_text (GString                     *out,
                       const NimbusDomainReadiness *readiness,
                       guint                        width)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *heading = NULL;

  /* Translators: a domain's number, name and share of the exam:
   * "1. Development with AWS Services, 32% of the exam" */
  heading = g_strdup_printf (_("%u. %s, %u%% of the exam"), readiness->domain, readiness->name,
                             readiness->weight);
  nimbus_entry_writer_append_wrapped (out, "  ", heading, width);

  if (readiness->answered == 0)
    g_string_append (line, _("no answers yet"));
  else
    {
      g_string_append_printf (line, ngettext ("%u answered", "%u answered", readiness->answered),
                              readiness->answered);
      g_string_append (line, "; ");
      /* Translators: "9 of the last 12 right (75%)" */
      g_string_append_printf (line, ngettext ("%u of the last %u right (%u%%)",
                                              "%u of the last %u right (%u%%)", readiness->recent),
                              readiness->recent_right, readiness->recent,
                              percent (readiness->recent_right, readiness->recent));
    }
  g_string_append (line, "; ");
  if (readiness->weak == 0)
    g_string_append (line, _("no weak areas flagged"));
  else
    g_string_append_printf (line, ngettext ("%u weak area flagged", "%u weak areas flagged",
                                            readiness->weak), readiness->weak);
  nimbus_entry_writer_append_wrapped (out, "     ", line->str, width);
}

static void
add_readiness_json (JsonBuilder                 *builder,
                    const NimbusDomainReadiness *readiness)
{
  json_builder_begin_object (builder);
  nimbus_cli_add_number (builder, "domain", readiness->domain);
  nimbus_cli_add_string (builder, "name", readiness->name);
  nimbus_cli_add_number (builder, "weight", readiness->weight);
  nimbus_cli_add_number (builder, "answered", readiness->answered);
  nimbus_cli_add_number (builder, "recent", readiness->recent);
  nimbus_cli_add_number (builder, "recent_right", readiness->recent_right);
  json_builder_set_member_name (builder, "share_right");
  if (readiness->recent > 0)
    json_builder_add_double_value (builder,
                                   (double) readiness->recent_right / readiness->recent);
  else
    json_builder_add_null_value (builder);
  nimbus_cli_add_number (builder, "weak", readiness->weak);
  json_builder_end_object (builder);
}

/* "2026-01-02 14:03" in local time, or the text as stored when it is not ISO 8601. */
static char *
local_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  if (local == NULL)
    return g_strdup (iso != NULL ? iso : "");

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
append_session_text (GString                     *out,
                     const NimbusPracticeSession *session)
{
  g_autofree char *when = local_time (session->started_at);
  const char *mode = g_strcmp0 (session->mode, "mock") == 0 ? _("mock exam") : _("practice");

  /* Translators: a session's date, exam, mode and score:
   * "2026-01-02 14:03  dva-c02  practice  7 of 10 right (70%)" */
  g_string_append_printf (out, _("  %s  %s  %s  %u of %u right (%u%%)"), when, session->exam_id,
                          mode, session->right, session->answered,
                          percent (session->right, session->answered));
  if (session->finished_at == NULL)
    g_string_append (out, _(", not finished"));
  g_string_append_c (out, '\n');
}

static void
add_session_json (JsonBuilder                 *builder,
                  const NimbusPracticeSession *session)
{
  json_builder_begin_object (builder);
  nimbus_cli_add_number (builder, "id", session->id);
  nimbus_cli_add_string (builder, "exam", session->exam_id);
  nimbus_cli_add_string (builder, "mode", session->mode);
  nimbus_cli_add_string (builder, "started_at", session->started_at);
  nimbus_cli_add_string (builder, "finished_at", session->finished_at);
  nimbus_cli_add_number (builder, "answered", session->answered);
  nimbus_cli_add_number (builder, "right", session->right);
  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  for (guint i = 0; i < session->domains->len; i++)
    {
      const NimbusDomainScore *score = &g_array_index (session->domains, NimbusDomainScore, i);

      json_builder_begin_object (builder);
      nimbus_cli_add_number (builder, "domain", score->domain);
      nimbus_cli_add_number (builder, "answered", score->answered);
      nimbus_cli_add_number (builder, "right", score->right);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The store's own message names the file and says what to do. */
static int
store_unreadable (const GError *error)
{
  g_printerr (_("nimbus: cannot read your practice history: %s\n"), error->message);
  return NIMBUS_EXIT_UNAVAILABLE;
}

/* The exams asked for: the one of --exam, or every one. */
static GPtrArray *
list_exams (NimbusKb   *kb,
            const char *exam_id,
            int        *status)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *exams;
  NimbusExam *exam;

  if (exam_id == NULL)
    {
      if ((exams = nimbus_kb_list_exams (kb, &error)) == NULL)
        {
          g_printerr ("nimbus: %s\n", error->message);
          *status = NIMBUS_EXIT_UNAVAILABLE;
        }
      return exams;
    }

  if ((exam = nimbus_cli_practice_find_exam (kb, exam_id, status)) == NULL)
    return NULL;

  exams = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_exam_free);
  g_ptr_array_add (exams, exam);
  return exams;
}

static void
append_sessions_text (GString    *out,
                      GPtrArray  *sessions,
                      const char *exam_id)
{
  guint shown = 0;

  g_string_append_printf (out, "%s\n", _("Latest practice sessions"));
  for (guint i = 0; i < sessions->len && shown < LATEST_SESSIONS; i++)
    {
      const NimbusPracticeSession *session = g_ptr_array_index (sessions, i);

      if (exam_id != NULL && g_strcmp0 (session->exam_id, exam_id) != 0)
        continue;
      append_session_text (out, session);
      shown++;
    }
  if (shown == 0)
    g_string_append_printf (out, "  %s\n", _("none yet"));
}

static void
add_sessions_json (JsonBuilder *builder,
                   GPtrArray   *sessions,
                   const char  *exam_id)
{
  guint shown = 0;

  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sessions->len && shown < LATEST_SESSIONS; i++)
    {
      const NimbusPracticeSession *session = g_ptr_array_index (sessions, i);

      if (exam_id != NULL && g_strcmp0 (session->exam_id, exam_id) != 0)
        continue;
      add_session_json (builder, session);
      shown++;
    }
  json_builder_end_array (builder);
}

static gboolean
add_exam (NimbusUserStore   *store,
          NimbusKb          *kb,
          const NimbusExam  *exam,
          GString           *text,
          JsonBuilder       *builder,
          guint              width,
          GError           **error)
{
  g_autoptr(GPtrArray) readiness = nimbus_user_store_get_readiness (store, kb, exam->id, 0,
                                                                    error);

  if (readiness == NULL)
    return FALSE;

  if (builder != NULL)
    {
      json_builder_begin_object (builder);
      nimbus_cli_add_string (builder, "id", exam->id);
      nimbus_cli_add_string (builder, "name", exam->name);
      json_builder_set_member_name (builder, "domains");
      json_builder_begin_array (builder);
      for (guint i = 0; i < readiness->len; i++)
        add_readiness_json (builder, g_ptr_array_index (readiness, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return TRUE;
    }

  g_string_append_printf (text, "%s (%s)\n", exam->name, exam->id);
  for (guint i = 0; i < readiness->len; i++)
    append_readiness_text (text, g_ptr_array_index (readiness, i), width);
  g_string_append_c (text, '\n');
  return TRUE;
}

/* The answer to --progress from store, opened only to read (it is never created, migrated or
 * repaired by reading), in *answer for nimbus-cli.c to print; the exit status. */
int
nimbus_cli_progress_run (NimbusKb                *kb,
                         NimbusUserStore         *store,
                         const NimbusCliOptions  *options,
                         guint                    width,
                         char                   **answer)
{
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonBuilder) builder = options->json ? json_builder_new () : NULL;
  g_autoptr(GError) error = NULL;
  int status = NIMBUS_EXIT_OK;

  g_return_val_if_fail (NIMBUS_IS_KB (kb), NIMBUS_EXIT_UNAVAILABLE);
  g_return_val_if_fail (answer != NULL && *answer == NULL, NIMBUS_EXIT_UNAVAILABLE);

  if ((exams = list_exams (kb, options->exam, &status)) == NULL)
    return status;
  if ((sessions = nimbus_user_store_list_practice (store, &error)) == NULL)
    return store_unreadable (error);

  if (builder != NULL)
    {
      json_builder_begin_object (builder);
      nimbus_cli_add_number (builder, "recent_of", NIMBUS_STORE_READINESS_LAST);
      json_builder_set_member_name (builder, "exams");
      json_builder_begin_array (builder);
    }
  for (guint i = 0; i < exams->len; i++)
    {
      if (add_exam (store, kb, g_ptr_array_index (exams, i), text, builder, width, &error))
        continue;
      if (error->domain == NIMBUS_STORE_ERROR)
        return store_unreadable (error);
      g_printerr ("nimbus: %s\n", error->message);
      return NIMBUS_EXIT_UNAVAILABLE;
    }

  if (nimbus_user_store_get_problem (store) != NULL)
    g_printerr ("nimbus: %s\n", nimbus_user_store_get_problem (store));

  if (builder == NULL)
    {
      append_sessions_text (text, sessions, options->exam);
      *answer = g_string_free (g_steal_pointer (&text), FALSE);
      return NIMBUS_EXIT_OK;
    }

  json_builder_end_array (builder);
  add_sessions_json (builder, sessions, options->exam);
  json_builder_end_object (builder);
  *answer = nimbus_cli_dup_json (builder);
  return NIMBUS_EXIT_OK;
}
