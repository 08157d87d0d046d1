/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "nimbus-capacity.h"
#include "nimbus-cheat-sheet.h"
#include "nimbus-cli.h"
#include "nimbus-cli-calc.h"
#include "nimbus-cli-practice.h"
#include "nimbus-kb.h"
#include "nimbus-service.h"
#include "nimbus-user-store.h"
#include "nimbus-entry-writer.h"

#define DEFAULT_LIMIT 10

/* The terminal front end of ../shared/CLI.md: answers on stdout, one line on stderr when it
 * cannot, and never touches a display. */

gboolean
nimbus_cli_wants_terminal (const NimbusCliOptions *options)
{
  return options->list || options->version || options->weak || options->show != NULL ||
         options->export_weak != NULL || options->practice || options->progress ||
         options->answers || options->domain != NULL || options->count != NULL ||
         options->seed != NULL ||
         options->search != NULL || options->json || options->limit != NULL ||
         options->service != NULL || options->exam != NULL ||
         options->capacity != NULL || options->consistency != NULL ||
         options->item_size != NULL || options->rate != NULL || options->calc != NULL ||
         g_hash_table_size (options->calc_params) > 0 ||
         (options->remaining != NULL && options->remaining[0] != NULL);
}

void
nimbus_cli_usage_error (const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr (_("nimbus: %s (see “nimbus --help”)\n"), message);
}

/* Wrap --show to the terminal; never when the output goes to a file or a pipe. */
static guint
terminal_width (void)
{
  struct winsize size;

  if (!isatty (STDOUT_FILENO) || ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) != 0)
    return 0;

  return MAX (size.ws_col, 40);
}

/* The answer goes to stdout as UTF-8 bytes, whatever the locale (out () would convert
 * to the locale's charset and print "?" for "…"). Failed writes are noticed at the end. */
static int write_errno;  /* why the first write failed, or 0 */

static void G_GNUC_PRINTF (1, 2)
out (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (fputs (text, stdout) == EOF && write_errno == 0)
    write_errno = errno != 0 ? errno : EIO;
}

/* A full disk, a file-size limit or a closed pipe mid-answer is exit 1 with a message,
 * never a silent 0. */
static int
finish_output (int status)
{
  errno = 0;
  if (fflush (stdout) == 0 && !ferror (stdout) && write_errno == 0)
    return status;

  if (write_errno == 0)
    write_errno = errno != 0 ? errno : EIO;
  g_printerr (_("nimbus: could not write the answer to standard output: %s\n"),
              g_strerror (write_errno));
  return NIMBUS_EXIT_UNAVAILABLE;
}

static int
unavailable (const GError *error)
{
  g_printerr ("nimbus: %s\n", error->message);
  return NIMBUS_EXIT_UNAVAILABLE;
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  out ("%s\n", text);
}

static void
print_json_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  print_json (root);
}

/* An exam the knowledge base covers, or a usage error naming the ones it does. */
static gboolean
check_exam (NimbusKb   *kb,
            const char *exam,
            int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = nimbus_kb_list_exams (kb, &error);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;
  g_autofree char *list = NULL;

  if (exams == NULL)
    {
      *status = unavailable (error);
      return FALSE;
    }

  for (guint i = 0; i < exams->len; i++)
    g_strv_builder_add (ids, ((NimbusExam *) g_ptr_array_index (exams, i))->id);
  known = g_strv_builder_end (ids);
  if (g_strv_contains ((const char * const *) known, exam))
    return TRUE;

  list = g_strjoinv (", ", known);
  nimbus_cli_usage_error (_("no exam “%s”; the exams are %s"), exam, list);
  *status = NIMBUS_EXIT_USAGE;
  return FALSE;
}

static int
run_list (NimbusKb   *kb,
          const char *exam,
          gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status;

  if (exam != NULL && !check_exam (kb, exam, &status))
    return status;

  if ((services = nimbus_kb_list_services (kb, &error)) == NULL)
    return unavailable (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      const char * const *exams = nimbus_service_get_exams (service);

      if (exam != NULL && !nimbus_service_is_on_exam (service, exam))
        continue;

      if (!json)
        {
          out ("%s\t%s\t%s\n", nimbus_service_get_id (service),
                   nimbus_service_get_name (service), nimbus_service_get_category_name (service));
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, nimbus_service_get_id (service));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, nimbus_service_get_name (service));
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, nimbus_service_get_category_name (service));
      json_builder_set_member_name (builder, "exams");
      json_builder_begin_array (builder);
      for (guint j = 0; exams[j] != NULL; j++)
        json_builder_add_string_value (builder, exams[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    print_json_builder (builder);

  return NIMBUS_EXIT_OK;
}

/* "sqs/visibility-timeout#default" -> service "sqs", section "sqs/visibility-timeout" */
static int
run_show (NimbusKb   *kb,
          const char *id,
          gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusEntry) entry = NULL;
  g_autofree char *service_id = nimbus_id_dup_service_id (id);
  g_autofree char *section_id = nimbus_id_dup_section_id (id);

  /* An item id always has its section: "s3#x" names nothing. */
  if (strchr (id, '#') != NULL && section_id == NULL)
    {
      g_printerr (_("nimbus: No section or item “%s” in the knowledge base\n"), id);
      return NIMBUS_EXIT_UNAVAILABLE;
    }

  entry = nimbus_kb_load_entry (kb, service_id, &error);
  if (entry == NULL)
    return unavailable (error);

  if (section_id != NULL)
    {
      const NimbusSection *section = nimbus_entry_find_section (entry, section_id);

      if (section == NULL || (strchr (id, '#') != NULL &&
                              nimbus_section_find_item (section, id) == NULL))
        {
          g_printerr (_("nimbus: No section or item “%s” in the knowledge base\n"), id);
          return NIMBUS_EXIT_UNAVAILABLE;
        }

      /* Keep only that section. */
      for (guint i = entry->sections->len; i > 0; i--)
        {
          if (g_ptr_array_index (entry->sections, i - 1) != section)
            g_ptr_array_remove_index (entry->sections, i - 1);
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = nimbus_entry_writer_to_json (entry);
      print_json (root);
    }
  else
    {
      g_autofree char *text = nimbus_entry_writer_to_text (entry, terminal_width ());
      out ("%s", text);
    }

  return NIMBUS_EXIT_OK;
}

/* Snippets span lines of the source text; a hit is printed on one line. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        *p = ' ';
    }

  return line;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static int
run_search (NimbusKb   *kb,
            const char *text,
            const char *service,
            guint       limit,
            gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *corrected = NULL;
  g_autofree char *title = NULL;

  if (service != NULL && (strchr (service, '/') != NULL || strchr (service, '#') != NULL ||
                          (title = nimbus_kb_lookup_title (kb, service)) == NULL))
    {
      g_printerr (_("nimbus: No service “%s” in the knowledge base (see nimbus --list)\n"),
                  service);
      return NIMBUS_EXIT_UNAVAILABLE;
    }

  hits = nimbus_kb_search_scoped (kb, text, service, limit, &corrected, &error);
  if (hits == NULL)
    return unavailable (error);
  if (corrected != NULL)
    g_printerr (_("Showing results for “%s”\n"), corrected);

  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      NimbusSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *plain = nimbus_search_hit_dup_snippet_plain (hit);
      g_autofree char *snippet = one_line (plain);

      if (!json)
        {
          out ("%u\t%s\t%s\t%s\n", nimbus_search_hit_get_rank (hit), nimbus_search_hit_get_id (hit),
               nimbus_search_hit_get_title (hit), snippet);
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, nimbus_search_hit_get_rank (hit));
      add_string_member (builder, "id", nimbus_search_hit_get_id (hit));
      add_string_member (builder, "service", nimbus_search_hit_get_service_id (hit));
      add_string_member (builder, "title", nimbus_search_hit_get_title (hit));
      add_string_member (builder, "snippet", snippet);
      add_string_member (builder, "kind", nimbus_search_hit_get_kind (hit));
      add_string_member (builder, "section", nimbus_search_hit_get_section_id (hit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    print_json_builder (builder);

  return NIMBUS_EXIT_OK;
}

static void
add_number_member (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* DynamoDB capacity: pure arithmetic, no knowledge base needed. Bad values are usage. */
static int
run_capacity (const NimbusCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  NimbusCapacityOp op;
  NimbusConsistency consistency;
  NimbusCapacity result;
  double size, rate;

  if (!nimbus_capacity_op_from_string (options->capacity, &op))
    nimbus_cli_usage_error (_("--capacity takes read or write, not “%s”"), options->capacity);
  else if (!nimbus_consistency_from_string (options->consistency, &consistency) ||
           !nimbus_capacity_pairing_is_valid (op, consistency))
    nimbus_cli_usage_error (_("--consistency for %s is %s, not “%s”"), options->capacity,
                            op == NIMBUS_CAPACITY_READ ? "strong, eventual or transactional"
                                                       : "standard or transactional",
                            options->consistency);
  else if (!nimbus_capacity_parse_number (options->item_size, &size))
    nimbus_cli_usage_error (_("--item-size takes a number of KB, not “%s”"), options->item_size);
  else if (!nimbus_capacity_parse_number (options->rate, &rate))
    nimbus_cli_usage_error (_("--rate takes a number of items per second, not “%s”"),
                            options->rate);
  else if (!nimbus_capacity_compute (op, consistency, size, rate, &result, &error))
    nimbus_cli_usage_error ("%s", error->message);
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *working = nimbus_capacity_dup_working (&result);

      if (!options->json)
        {
          out ("%" G_GUINT64_FORMAT " %s\n%s\n", result.units, nimbus_capacity_unit (&result),
                   working);
          return NIMBUS_EXIT_OK;
        }

      json_builder_begin_object (builder);
      add_string_member (builder, "op", options->capacity);
      add_string_member (builder, "consistency", options->consistency);
      add_number_member (builder, "item_size_kb", result.item_size_kb);
      add_number_member (builder, "rate", result.rate);
      add_number_member (builder, "units_per_item", result.units_per_item);
      add_number_member (builder, "units", result.units);
      add_string_member (builder, "unit", nimbus_capacity_unit (&result));
      add_string_member (builder, "working", working);
      json_builder_set_member_name (builder, "on_demand");
      json_builder_begin_object (builder);
      add_number_member (builder, "request_units", result.request_units);
      add_string_member (builder, "unit", nimbus_capacity_request_unit (&result));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_json_builder (builder);
      return NIMBUS_EXIT_OK;
    }

  return NIMBUS_EXIT_USAGE;
}

static int
run_practice (NimbusKb               *kb,
              const NimbusCliOptions *options)
{
  g_autofree char *answer = NULL;
  int status = options->practice
               ? nimbus_cli_practice_run (kb, options, terminal_width (), &answer)
               : nimbus_cli_progress_run (kb, options, terminal_width (), &answer);

  if (answer != NULL)
    out ("%s", answer);

  return status;
}

static int
run_calc (const NimbusCliOptions *options)
{
  g_autofree char *answer = NULL;
  int status = nimbus_cli_calc_run (options->calc, options->calc_params, options->json, &answer);

  if (answer != NULL)
    out ("%s", answer);

  return status;
}

/* The flags of the user store the app writes, newest first, titled from the knowledge base.
 * Reading never creates the store. */
static int
run_weak (NimbusKb *kb,
          gboolean  json)
{
  g_autofree char *path = nimbus_user_store_default_path ();
  g_autoptr(NimbusUserStore) store = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  store = nimbus_user_store_open_for_reading (path);
  if ((flags = nimbus_user_store_list (store, &error)) == NULL)
    return unavailable (error);
  if (nimbus_user_store_get_problem (store) != NULL)
    g_printerr ("nimbus: %s\n", nimbus_user_store_get_problem (store));

  json_builder_begin_array (builder);
  for (guint i = 0; i < flags->len; i++)
    {
      const NimbusFlag *flag = g_ptr_array_index (flags, i);
      g_autofree char *title = nimbus_kb_lookup_title (kb, flag->id);
      g_autofree char *service = nimbus_id_dup_service_id (flag->id);

      if (!json)
        {
          out ("%s\t%s\t%s\n", flag->id,
                   title != NULL ? title : _("(no longer in the knowledge base)"),
                   flag->flagged_at);
          continue;
        }

      json_builder_begin_object (builder);
      add_string_member (builder, "id", flag->id);
      add_string_member (builder, "title", title);
      add_string_member (builder, "flagged_at", flag->flagged_at);
      add_string_member (builder, "service", service);
      json_builder_set_member_name (builder, "in_kb");
      json_builder_add_boolean_value (builder, title != NULL);
      add_string_member (builder, "note", flag->note);
      add_number_member (builder, "box", flag->box);
      add_string_member (builder, "due_at", flag->due_at);
      add_number_member (builder, "reviews", flag->reviews);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    print_json_builder (builder);

  return NIMBUS_EXIT_OK;
}

/* The weak areas with their sections' text and the notes, as Markdown in file, replaced
 * whole or not at all. Reading never creates the store. */
static int
run_export_weak (NimbusKb   *kb,
                 const char *file)
{
  g_autofree char *path = nimbus_user_store_default_path ();
  g_autofree char *display = g_filename_display_name (file);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open_for_reading (path);
  g_autoptr(NimbusCheatSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  if ((sheet = nimbus_cheat_sheet_new_weak_areas (kb, store, &error)) == NULL)
    return unavailable (error);
  if (nimbus_user_store_get_problem (store) != NULL)
    g_printerr ("nimbus: %s\n", nimbus_user_store_get_problem (store));

  markdown = nimbus_cheat_sheet_to_markdown (sheet);
  if (!g_file_set_contents (file, markdown, -1, &error))
    {
      g_printerr (_("nimbus: could not write the weak areas to %s: %s\n"), display,
                  error->message);
      return NIMBUS_EXIT_UNAVAILABLE;
    }

  return NIMBUS_EXIT_OK;
}

/* A calculator parameter given, other than --rate (which --capacity takes too), or NULL. */
static const char *
calc_only_param (const NimbusCliOptions *options)
{
  g_autofree gpointer *names = NULL;
  guint n_names;
  const char *found = NULL;

  names = g_hash_table_get_keys_as_array (options->calc_params, &n_names);
  for (guint i = 0; i < n_names; i++)
    {
      if (!g_str_equal (names[i], "rate") && (found == NULL || strcmp (names[i], found) < 0))
        found = names[i];
    }

  return found;
}

static gboolean
check_usage (const NimbusCliOptions *options,
             guint                  *limit)
{
  const char *calc_param = calc_only_param (options);
  guint64 value = DEFAULT_LIMIT;
  guint actions = (options->list ? 1 : 0) + (options->show != NULL ? 1 : 0) +
                  (options->search != NULL ? 1 : 0) + (options->version ? 1 : 0) +
                  (options->capacity != NULL ? 1 : 0) + (options->weak ? 1 : 0) +
                  (options->calc != NULL ? 1 : 0) + (options->export_weak != NULL ? 1 : 0) +
                  (options->practice ? 1 : 0) + (options->progress ? 1 : 0);
  gboolean capacity_part = options->consistency != NULL || options->item_size != NULL ||
                           (options->rate != NULL && options->calc == NULL);

  if (options->remaining != NULL && options->remaining[0] != NULL)
    nimbus_cli_usage_error (_("unexpected argument “%s”"), options->remaining[0]);
  else if (actions > 1)
    nimbus_cli_usage_error (_("--list, --show, --search, --capacity, --calc, --weak, "
                              "--export-weak, --practice, --progress and --version cannot be "
                              "combined"));
  else if (calc_param != NULL && options->calc == NULL)
    nimbus_cli_usage_error (_("--%s goes with --calc"), calc_param);
  else if (options->calc != NULL && (options->consistency != NULL || options->item_size != NULL))
    nimbus_cli_usage_error (_("--%s goes with --capacity, not --calc"),
                            options->consistency != NULL ? "consistency" : "item-size");
  else if (capacity_part && options->capacity == NULL)
    nimbus_cli_usage_error (_("--consistency, --item-size and --rate go with --capacity"));
  else if (options->capacity != NULL &&
           (options->consistency == NULL || options->item_size == NULL || options->rate == NULL))
    nimbus_cli_usage_error (_("--capacity needs --consistency, --item-size and --rate"));
  else if (options->exam != NULL && !options->list && !options->practice && !options->progress)
    nimbus_cli_usage_error (_("--exam goes with --list, --practice or --progress"));
  else if (!nimbus_cli_practice_check_usage (options))
    return FALSE;
  else if (actions == 0)
    nimbus_cli_usage_error (_("--json, --limit, --service and --exam go with --list, --show, "
                              "--search, --capacity, --calc, --weak, --practice or --progress"));
  else if (options->limit != NULL && options->search == NULL)
    nimbus_cli_usage_error (_("--limit goes with --search"));
  else if (options->service != NULL && options->search == NULL && !options->practice)
    nimbus_cli_usage_error (_("--service goes with --search or --practice"));
  else if (options->limit != NULL &&
           !g_ascii_string_to_unsigned (options->limit, 10, 1, NIMBUS_KB_MAX_LIMIT, &value, NULL))
    nimbus_cli_usage_error (_("--limit takes a whole number from 1 to %d, not “%s”"), NIMBUS_KB_MAX_LIMIT,
                            options->limit);
  else if (options->export_weak != NULL && options->json)
    nimbus_cli_usage_error (_("--export-weak writes Markdown; --json does not go with it"));
  else if (options->export_weak != NULL && *options->export_weak == '\0')
    nimbus_cli_usage_error (_("--export-weak needs a file name"));
  else if (options->show != NULL && *options->show == '\0')
    nimbus_cli_usage_error (_("--show needs a service or section id"));
  else
    {
      *limit = value;
      return TRUE;
    }

  return FALSE;
}

static int
run (const NimbusCliOptions *options,
     guint                   limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusKb) kb = NULL;
  g_autofree char *path = NULL;

  if (options->version)
    {
      out ("nimbus %s\n", PACKAGE_VERSION);
      return NIMBUS_EXIT_OK;
    }

  if (options->capacity != NULL)
    return run_capacity (options);
  if (options->calc != NULL)
    return run_calc (options);

  path = options->kb_path != NULL ? g_strdup (options->kb_path) : nimbus_kb_find_default ();
  kb = nimbus_kb_open (path, &error);
  if (kb == NULL)
    return unavailable (error);

  if (options->weak)
    return run_weak (kb, options->json);
  if (options->export_weak != NULL)
    return run_export_weak (kb, options->export_weak);
  if (options->practice || options->progress)
    return run_practice (kb, options);

  if (options->list)
    return run_list (kb, options->exam, options->json);
  if (options->show != NULL)
    return run_show (kb, options->show, options->json);

  return run_search (kb, options->search, options->service, limit, options->json);
}

/* Runs the terminal request; the exit status of ../shared/CLI.md. */
int
nimbus_cli_run (const NimbusCliOptions *options)
{
  guint limit = DEFAULT_LIMIT;

  if (!check_usage (options, &limit))
    return NIMBUS_EXIT_USAGE;

  /* A closed pipe or a file-size limit is a write error like any other (finish_output ()). */
  signal (SIGPIPE, SIG_IGN);
  signal (SIGXFSZ, SIG_IGN);
  return finish_output (run (options, limit));
}
