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
#include "nimbus-enum.h"
#include "nimbus-kb.h"
#include "nimbus-link.h"
#include "nimbus-service.h"
#include "nimbus-user-store.h"
#include "nimbus-entry-writer.h"

#define DEFAULT_LIMIT 10

/* The terminal front end of ../shared/CLI.md: it owns the options of the command line (the
 * table of dup_option_entries ()), answers on stdout, one line on stderr when it cannot, and
 * never touches a display. */

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

static char *
dup_node_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/* What builder holds, as every answer in JSON is printed: indented, a newline after. */
char *
nimbus_cli_dup_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (JSON_IS_BUILDER (builder), NULL);

  root = json_builder_get_root (builder);
  return dup_node_json (root);
}

static void
print_json (JsonBuilder *builder)
{
  g_autofree char *text = nimbus_cli_dup_json (builder);

  out ("%s", text);
}

static int
run_list (NimbusKb   *kb,
          const char *exam,
          gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(NimbusExam) found = NULL;
  int status = NIMBUS_EXIT_OK;

  if (exam != NULL && (found = nimbus_cli_practice_find_exam (kb, exam, &status)) == NULL)
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
    print_json (builder);

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
      g_autofree char *text = dup_node_json (root);

      out ("%s", text);
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

/* NAME: VALUE, or NAME: null without a value. */
void
nimbus_cli_add_string (JsonBuilder *builder,
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
      nimbus_cli_add_string (builder, "id", nimbus_search_hit_get_id (hit));
      nimbus_cli_add_string (builder, "service", nimbus_search_hit_get_service_id (hit));
      nimbus_cli_add_string (builder, "title", nimbus_search_hit_get_title (hit));
      nimbus_cli_add_string (builder, "snippet", snippet);
      nimbus_cli_add_string (builder, "kind",
                             nimbus_enum_get_nick (NIMBUS_TYPE_HIT_KIND,
                                                   nimbus_search_hit_get_kind (hit)));
      nimbus_cli_add_string (builder, "section", nimbus_search_hit_get_section_id (hit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    print_json (builder);

  return NIMBUS_EXIT_OK;
}

void
nimbus_cli_add_boolean (JsonBuilder *builder,
                        const char  *name,
                        gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* NAME: VALUE, a whole number without a fraction, or NAME: null for NAN. */
void
nimbus_cli_add_number (JsonBuilder *builder,
                       const char  *name,
                       double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
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
      nimbus_cli_add_string (builder, "op", options->capacity);
      nimbus_cli_add_string (builder, "consistency", options->consistency);
      nimbus_cli_add_number (builder, "item_size_kb", result.item_size_kb);
      nimbus_cli_add_number (builder, "rate", result.rate);
      nimbus_cli_add_number (builder, "units_per_item", result.units_per_item);
      nimbus_cli_add_number (builder, "units", result.units);
      nimbus_cli_add_string (builder, "unit", nimbus_capacity_unit (&result));
      nimbus_cli_add_string (builder, "working", working);
      json_builder_set_member_name (builder, "on_demand");
      json_builder_begin_object (builder);
      nimbus_cli_add_number (builder, "request_units", result.request_units);
      nimbus_cli_add_string (builder, "unit", nimbus_capacity_request_unit (&result));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return NIMBUS_EXIT_OK;
    }

  return NIMBUS_EXIT_USAGE;
}

/* The user's own store, only to read: never created or repaired, whatever is wrong with it
 * said by its problem (nimbus_user_store_open_for_reading ()). */
static NimbusUserStore *
open_store_for_reading (void)
{
  g_autofree char *path = nimbus_user_store_default_path ();

  return nimbus_user_store_open_for_reading (path);
}

static int
run_practice (NimbusKb               *kb,
              const NimbusCliOptions *options)
{
  g_autofree char *answer = NULL;
  g_autoptr(NimbusUserStore) store = options->progress ? open_store_for_reading () : NULL;
  int status = options->practice
               ? nimbus_cli_practice_run (kb, options, terminal_width (), &answer)
               : nimbus_cli_progress_run (kb, store, options, terminal_width (), &answer);

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
run_weak (NimbusKb        *kb,
          NimbusUserStore *store,
          gboolean         json)
{
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

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
      nimbus_cli_add_string (builder, "id", flag->id);
      nimbus_cli_add_string (builder, "title", title);
      nimbus_cli_add_string (builder, "flagged_at", flag->flagged_at);
      nimbus_cli_add_string (builder, "service", service);
      nimbus_cli_add_boolean (builder, "in_kb", title != NULL);
      nimbus_cli_add_string (builder, "note", flag->note);
      nimbus_cli_add_number (builder, "box", flag->box);
      nimbus_cli_add_string (builder, "due_at", flag->due_at);
      nimbus_cli_add_number (builder, "reviews", flag->reviews);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    print_json (builder);

  return NIMBUS_EXIT_OK;
}

/* The weak areas with their sections' text and the notes, as Markdown in file, replaced
 * whole or not at all. Reading never creates the store. */
static int
run_export_weak (NimbusKb        *kb,
                 NimbusUserStore *store,
                 const char      *file)
{
  g_autofree char *display = g_filename_display_name (file);
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
    nimbus_cli_usage_error (_("--limit takes a whole number from 1 to %d, not “%s”"),
                            NIMBUS_KB_MAX_LIMIT,
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

/* The knowledge base and the user store are opened only by the answers that read them, here
 * and not by the application: a terminal answer never loads what the window needs. */
static int
run (const NimbusCliOptions *options,
     guint                   limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusKb) kb = NULL;
  g_autoptr(NimbusUserStore) store = NULL;
  g_autofree char *kb_path = NULL;

  if (options->version)
    {
      out ("nimbus %s\n", PACKAGE_VERSION);
      return NIMBUS_EXIT_OK;
    }

  if (options->capacity != NULL)
    return run_capacity (options);
  if (options->calc != NULL)
    return run_calc (options);

  kb_path = options->kb_path != NULL ? g_strdup (options->kb_path) : nimbus_kb_find_default ();
  kb = nimbus_kb_open (kb_path, &error);
  if (kb == NULL)
    return unavailable (error);

  if (options->weak || options->export_weak != NULL)
    store = open_store_for_reading ();
  if (options->weak)
    return run_weak (kb, store, options->json);
  if (options->export_weak != NULL)
    return run_export_weak (kb, store, options->export_weak);
  if (options->practice || options->progress)
    return run_practice (kb, options);

  if (options->list)
    return run_list (kb, options->exam, options->json);
  if (options->show != NULL)
    return run_show (kb, options->show, options->json);

  return run_search (kb, options->search, options->service, limit, options->json);
}

/* Runs the terminal request once its options make sense; the exit status of
 * ../shared/CLI.md. */
static int
answer (const NimbusCliOptions *options)
{
  guint limit = DEFAULT_LIMIT;

  if (!check_usage (options, &limit))
    return NIMBUS_EXIT_USAGE;

  /* A closed pipe or a file-size limit is a write error like any other (finish_output ()). */
  signal (SIGPIPE, SIG_IGN);
  signal (SIGXFSZ, SIG_IGN);
  return finish_output (run (options, limit));
}

/* Text options are taken as bytes (G_OPTION_ARG_FILENAME), not converted from the locale's
 * charset: in the C locale of cron or a container, GLib would refuse "é" outright. UTF-8 is
 * taken as it is whatever the locale; other bytes are converted from the locale's charset
 * when they can be; anything else is a usage error that names the option. */
static char *
dup_text (const char  *name,
          const char  *bytes,
          GError     **error)
{
  char *text;

  if (g_utf8_validate (bytes, -1, NULL))
    return g_strdup (bytes);

  if ((text = g_locale_to_utf8 (bytes, -1, NULL, NULL, NULL)) == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--%s is not valid text in UTF-8 or in this locale’s encoding"), name);

  return text;
}

/* A calculator's parameter, by its name without the dashes. */
static gboolean
add_calc_param (const char  *option_name,
                const char  *value,
                gpointer     user_data,
                GError     **error)
{
  NimbusCliOptions *options = user_data;
  const char *name = option_name + strlen ("--");
  char *text = dup_text (name, value, error);

  if (text == NULL)
    return FALSE;

  g_hash_table_insert (options->calc_params, g_strdup (name), text);
  return TRUE;
}

/* The terminal options, in the order --help lists them, with where each value goes. Values
 * come as bytes (G_OPTION_ARG_FILENAME): --kb and --export-weak are file names and stay so,
 * every other value is made UTF-8 by take_texts (); the calculators' parameters go by name
 * into calc_params, which nimbus-cli-calc.c reads. */
static GOptionEntry *
dup_option_entries (NimbusCliOptions *o)
{
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &o->list, N_("List every service, in sidebar order"),
      NULL },
    { "exam", 0, 0, G_OPTION_ARG_FILENAME, &o->exam,
      N_("With --list, only the services that exam tests; with --practice or --progress, that "
         "exam"), N_("dva-c02|saa-c03") },
    { "show", 0, 0, G_OPTION_ARG_FILENAME, &o->show, N_("Show a service or section"),
      N_("ID") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &o->search, N_("Search every topic"),
      N_("TEXT") },
    /* Text, so that 0 and no value at all are told apart, and a bad value named. */
    { "limit", 0, 0, G_OPTION_ARG_FILENAME, &o->limit,
      N_("Show at most N search hits (default 10)"), N_("N") },
    { "service", 0, 0, G_OPTION_ARG_FILENAME, &o->service,
      N_("Search, or practise, one service only"), N_("ID") },
    { "capacity", 0, 0, G_OPTION_ARG_FILENAME, &o->capacity,
      N_("DynamoDB capacity for reads or writes (with --consistency, --item-size, --rate)"),
      N_("read|write") },
    { "consistency", 0, 0, G_OPTION_ARG_FILENAME, &o->consistency,
      N_("strong, eventual or transactional reads; standard or transactional writes"),
      N_("MODE") },
    { "item-size", 0, 0, G_OPTION_ARG_FILENAME, &o->item_size,
      N_("Item size in KB (1 KB = 1024 bytes)"), N_("KB") },
    { "rate", 0, 0, G_OPTION_ARG_FILENAME, &o->rate,
      N_("Items per second (--capacity) or requests per second (--calc)"), N_("N") },
    { "calc", 0, 0, G_OPTION_ARG_FILENAME, &o->calc,
      N_("An exam-maths calculator, with its parameters (nimbus --calc help lists them)"),
      N_("NAME") },
    { "duration", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc lambda-concurrency: average seconds per request"), N_("SECONDS") },
    { "account-limit", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc lambda-concurrency: concurrent executions per Region (default 1000)"),
      N_("N") },
    { "reserved", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc lambda-concurrency: the function’s reserved concurrency"), N_("N") },
    { "provisioned", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc lambda-concurrency: the function’s provisioned concurrency"), N_("N") },
    { "write-mb", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc kinesis-shards: MB written per second"), N_("MB") },
    { "records", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc kinesis-shards: records written per second"), N_("N") },
    { "consumers", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc kinesis-shards: consumer applications (default 1)"), N_("N") },
    { "fan-out", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc kinesis-shards: enhanced fan-out (default no)"), N_("yes|no") },
    { "volume-size", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc ebs-iops: volume size in GiB"), N_("GiB") },
    { "iops", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc ebs-iops: IOPS the workload demands"), N_("N") },
    { "throughput", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc ebs-iops: MiB/s the workload demands"), N_("MIBS") },
    { "visibility-timeout", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc sqs-visibility: visibility timeout in seconds (default 30)"),
      N_("SECONDS") },
    { "processing", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc sqs-visibility: seconds to process a message"), N_("SECONDS") },
    { "max-receive-count", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc sqs-visibility: the redrive policy’s maxReceiveCount"), N_("N") },
    { "failures", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc sqs-visibility: receives that fail before one succeeds (default 0)"),
      N_("N") },
    { "burst", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc api-throttling: requests arriving at once"), N_("N") },
    { "rate-limit", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc api-throttling: throttle rate per second (default 10000)"), N_("N") },
    { "burst-limit", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, add_calc_param,
      N_("With --calc api-throttling: throttle burst (default 5000)"), N_("N") },
    { "weak", 0, 0, G_OPTION_ARG_NONE, &o->weak,
      N_("List the weak areas you have flagged, newest first"), NULL },
    { "export-weak", 0, 0, G_OPTION_ARG_FILENAME, &o->export_weak,
      N_("Write your weak areas with their sections’ text and your notes to FILE as Markdown"),
      N_("FILE.md") },
    { "practice", 0, 0, G_OPTION_ARG_NONE, &o->practice,
      N_("A set of practice questions (with --exam; --domain, --service, --count, --seed and "
         "--answers narrow or change it)"), NULL },
    { "domain", 0, 0, G_OPTION_ARG_FILENAME, &o->domain,
      N_("With --practice: questions of that exam domain only"), N_("N") },
    { "count", 0, 0, G_OPTION_ARG_FILENAME, &o->count,
      N_("With --practice: how many questions (default 10)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_FILENAME, &o->seed,
      N_("With --practice: the same N picks the same set, for scripts (default: a new set "
         "each time)"), N_("N") },
    { "answers", 0, 0, G_OPTION_ARG_NONE, &o->answers,
      N_("With --practice: the right options, and why each option is right or wrong"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &o->progress,
      N_("Your readiness in each exam domain, and your latest practice sessions"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Answer in JSON"), NULL },
    { "kb", 0, 0, G_OPTION_ARG_FILENAME, &o->kb_path, N_("Use this compiled knowledge base"),
      N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, N_("Print the version and exit"),
      NULL },
    /* Bytes, as the text options: a link that is not UTF-8 is a message, not a usage error. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->remaining, NULL,
      N_("[nimbus:ID]") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/* GApplication's own option, that the D-Bus service file gives: it goes on to GApplication,
 * and --help lists it in GLib's words and translations, as GApplication does. */
static GOptionGroup *
new_gapplication_group (NimbusCliOptions *options)
{
  const GOptionEntry entries[] = {
    { "gapplication-service", 0, 0, G_OPTION_ARG_NONE, &options->gapplication_service,
      "Enter GApplication service mode (use from D-Bus service files)", NULL },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("gapplication", "GApplication options",
                                            "Show GApplication options", NULL, NULL);

  g_option_group_set_translation_domain (group, "glib20");
  g_option_group_add_entries (group, entries);
  return group;
}

/* GOption keeps the last of a repeated option; the contract refuses it. */
static gboolean
check_repeats (const GOptionEntry  *entries,
               char               **arguments,
               GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; arguments[i] != NULL && !g_str_equal (arguments[i], "--"); i++)
    {
      g_autofree char *name = NULL;

      if (!g_str_has_prefix (arguments[i], "--"))
        continue;

      name = g_strndup (arguments[i] + 2, strcspn (arguments[i] + 2, "="));
      for (guint j = 0; entries[j].long_name != NULL; j++)
        {
          if (!g_str_equal (entries[j].long_name, name))
            continue;

          if (!g_hash_table_add (seen, g_strdup (name)))
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--%s is given more than once"), name);
              return FALSE;
            }
          /* The value of an option is not an option: --search --list searches "--list". */
          if (entries[j].arg != G_OPTION_ARG_NONE && strchr (arguments[i], '=') == NULL &&
              arguments[i + 1] != NULL)
            i++;
          break;
        }
    }

  return TRUE;
}

static gboolean
is_file_name (const NimbusCliOptions *options,
              gpointer                arg_data)
{
  return arg_data == &options->kb_path || arg_data == &options->export_weak;
}

/* The text options' bytes made UTF-8, in the order of the table. --rate, which --capacity
 * takes too, is among the calculators' parameters whenever it is given, so that a calculator
 * that does not take it refuses it. */
static gboolean
take_texts (const GOptionEntry  *entries,
            NimbusCliOptions    *options,
            GError             **error)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      char **value = entries[i].arg_data;
      char *text;

      if (entries[i].arg != G_OPTION_ARG_FILENAME || *value == NULL ||
          is_file_name (options, value))
        continue;

      if ((text = dup_text (entries[i].long_name, *value, error)) == NULL)
        return FALSE;
      g_free (*value);
      *value = text;
    }

  if (options->rate != NULL)
    g_hash_table_insert (options->calc_params, g_strdup ("rate"), g_strdup (options->rate));

  return TRUE;
}

static gboolean
is_link (const char *argument)
{
  return g_ascii_strncasecmp (argument, NIMBUS_LINK_SCHEME ":",
                              strlen (NIMBUS_LINK_SCHEME) + 1) == 0;
}

/* nimbus nimbus:ID: the link is taken out of the arguments, so that any other argument is
 * still unexpected; one that is not UTF-8 is made so, for the window to name it. Two links
 * are a usage error. */
static gboolean
take_link (NimbusCliOptions  *options,
           GError           **error)
{
  gboolean another = FALSE;
  guint kept = 0;

  if (options->remaining == NULL)
    return TRUE;

  for (guint i = 0; options->remaining[i] != NULL; i++)
    {
      char *argument = g_utf8_make_valid (options->remaining[i], -1);

      g_free (options->remaining[i]);
      if (is_link (argument) && options->link == NULL)
        options->link = argument;
      else
        {
          another |= is_link (argument);
          options->remaining[kept++] = argument;
        }
    }
  options->remaining[kept] = NULL;

  if (another)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("only one nimbus: link can be opened at a time"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse (GOptionEntry       *entries,
       NimbusCliOptions   *options,
       char             ***arguments,
       GError            **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, options, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  g_option_context_set_main_group (context, group);
  g_option_context_add_group (context, new_gapplication_group (options));
  g_option_context_set_summary (context, _("Study AWS services for certification exams."));
  g_option_context_set_description (context,
                                    _("nimbus nimbus:ID opens the window at that service or "
                                      "section, as a copied link does "
                                      "(nimbus:sqs/visibility-timeout)."));

  return check_repeats (entries, *arguments, error) &&
         g_option_context_parse_strv (context, arguments, error) &&
         take_texts (entries, options, error) &&
         take_link (options, error);
}

/* Any option of the table but --kb, or an argument other than the link: the window path is
 * no options, --kb, a link and --gapplication-service. */
static gboolean
wants_terminal (const GOptionEntry     *entries,
                const NimbusCliOptions *options)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      gpointer value = entries[i].arg_data;

      if (value == &options->kb_path)
        continue;
      if ((entries[i].arg == G_OPTION_ARG_NONE && *(gboolean *) value) ||
          (entries[i].arg == G_OPTION_ARG_FILENAME && *(char **) value != NULL) ||
          (entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY && *(char ***) value != NULL &&
           **(char ***) value != NULL))
        return TRUE;
    }

  /* The calculators' parameters, by callback. */
  return g_hash_table_size (options->calc_params) > 0;
}

/* The values the table points at; the link is the one value taken out of them. */
static void
clear_options (const GOptionEntry *entries,
               NimbusCliOptions   *options)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      if (entries[i].arg == G_OPTION_ARG_FILENAME)
        g_clear_pointer ((char **) entries[i].arg_data, g_free);
      else if (entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY)
        g_clear_pointer ((char ***) entries[i].arg_data, g_strfreev);
    }
  g_clear_pointer (&options->link, g_free);
  g_clear_pointer (&options->calc_params, g_hash_table_unref);
}

/* Parses the command line, which is left with the program's name only. A terminal request is
 * answered and its exit status returned; -1 is the window's, with what it opens in window. */
int
nimbus_cli_run (char            ***arguments,
                NimbusCliWindow   *window)
{
  NimbusCliOptions options = { 0 };
  g_autofree GOptionEntry *entries = dup_option_entries (&options);
  g_autoptr(GError) error = NULL;
  int status;

  g_return_val_if_fail (arguments != NULL && *arguments != NULL, NIMBUS_EXIT_USAGE);
  g_return_val_if_fail (window != NULL, NIMBUS_EXIT_USAGE);

  options.calc_params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!parse (entries, &options, arguments, &error))
    {
      nimbus_cli_usage_error ("%s", error->message);
      clear_options (entries, &options);
      return NIMBUS_EXIT_USAGE;
    }

  if (!wants_terminal (entries, &options))
    {
      /* The terminal and the window read the same knowledge base. */
      window->kb_path = g_strdup (options.kb_path);
      window->link = g_steal_pointer (&options.link);
      window->gapplication_service = options.gapplication_service;
      status = -1;
    }
  else if (options.link != NULL)
    {
      nimbus_cli_usage_error (_("%s opens the window, which cannot be done with options that "
                                "answer in the terminal"), options.link);
      status = NIMBUS_EXIT_USAGE;
    }
  else
    status = answer (&options);

  clear_options (entries, &options);
  return status;
}

void
nimbus_cli_window_clear (NimbusCliWindow *window)
{
  g_clear_pointer (&window->kb_path, g_free);
  g_clear_pointer (&window->link, g_free);
  window->gapplication_service = FALSE;
}
