/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nimbus-application.h"
#include "nimbus-cli.h"
#include "nimbus-cli-calc.h"
#include "nimbus-kb.h"
#include "nimbus-link.h"
#include "nimbus-preferences-window.h"
#include "nimbus-search-provider.h"
#include "nimbus-settings.h"
#include "nimbus-window.h"

/* The application owns the models every window, the Shell search provider and the terminal
 * answers share: one knowledge base and one user store, each opened when first needed. */
struct _NimbusApplication
{
  AdwApplication parent_instance;

  char *kb_path;           /* --kb, else NULL for NIMBUS_KB or the installed one */
  char *store_path;        /* NULL for the user's own */
  NimbusKb *kb;
  NimbusUserStore *store;
  gboolean store_reading;  /* store was opened only to read (the terminal's answers) */
  NimbusSearchProvider *search_provider;
  GSettings *settings;
  GtkCssProvider *text_css;
  gboolean options_handled;
  GPrintFunc saved_printerr;
};

G_DEFINE_FINAL_TYPE (NimbusApplication, nimbus_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_KB_PATH,
  PROP_STORE_PATH,
  PROP_KB,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GString *option_error;

static const GOptionEntry option_entries[] = {
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List every service, in sidebar order"), NULL },
  { "exam", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --list, only the services that exam tests; with --practice or --progress, that "
       "exam"), N_("dva-c02|saa-c03") },
  { "show", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Show a service or section"), N_("ID") },
  { "search", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Search every topic"), N_("TEXT") },
  /* A string: GApplication cannot tell an integer option set to 0 from one not given. */
  { "limit", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Show at most N search hits (default 10)"),
    N_("N") },
  { "service", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Search, or practise, one service only"), N_("ID") },
  { "capacity", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("DynamoDB capacity for reads or writes (with --consistency, --item-size, --rate)"),
    N_("read|write") },
  { "consistency", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("strong, eventual or transactional reads; standard or transactional writes"),
    N_("MODE") },
  { "item-size", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Item size in KB (1 KB = 1024 bytes)"),
    N_("KB") },
  { "rate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Items per second (--capacity) or requests per second (--calc)"), N_("N") },
  { "calc", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("An exam-maths calculator, with its parameters (nimbus --calc help lists them)"),
    N_("NAME") },
  { "duration", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc lambda-concurrency: average seconds per request"), N_("SECONDS") },
  { "account-limit", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc lambda-concurrency: concurrent executions per Region (default 1000)"),
    N_("N") },
  { "reserved", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc lambda-concurrency: the function’s reserved concurrency"), N_("N") },
  { "provisioned", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc lambda-concurrency: the function’s provisioned concurrency"), N_("N") },
  { "write-mb", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc kinesis-shards: MB written per second"), N_("MB") },
  { "records", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc kinesis-shards: records written per second"), N_("N") },
  { "consumers", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc kinesis-shards: consumer applications (default 1)"), N_("N") },
  { "fan-out", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc kinesis-shards: enhanced fan-out (default no)"), N_("yes|no") },
  { "volume-size", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc ebs-iops: volume size in GiB"), N_("GiB") },
  { "iops", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc ebs-iops: IOPS the workload demands"), N_("N") },
  { "throughput", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc ebs-iops: MiB/s the workload demands"), N_("MIBS") },
  { "visibility-timeout", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc sqs-visibility: visibility timeout in seconds (default 30)"),
    N_("SECONDS") },
  { "processing", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc sqs-visibility: seconds to process a message"), N_("SECONDS") },
  { "max-receive-count", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc sqs-visibility: the redrive policy’s maxReceiveCount"), N_("N") },
  { "failures", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc sqs-visibility: receives that fail before one succeeds (default 0)"),
    N_("N") },
  { "burst", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc api-throttling: requests arriving at once"), N_("N") },
  { "rate-limit", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc api-throttling: throttle rate per second (default 10000)"), N_("N") },
  { "burst-limit", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --calc api-throttling: throttle burst (default 5000)"), N_("N") },
  { "weak", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the weak areas you have flagged, newest first"),
    NULL },
  { "export-weak", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write your weak areas with their sections’ text and your notes to FILE as Markdown"),
    N_("FILE.md") },
  { "practice", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("A set of practice questions (with --exam; --domain, --service, --count, --seed and "
       "--answers narrow or change it)"), NULL },
  { "domain", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --practice: questions of that exam domain only"), N_("N") },
  { "count", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --practice: how many questions (default 10)"), N_("N") },
  { "seed", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --practice: the same N picks the same set, for scripts (default: a new set "
       "each time)"), N_("N") },
  { "answers", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --practice: the right options, and why each option is right or wrong"), NULL },
  { "progress", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Your readiness in each exam domain, and your latest practice sessions"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Answer in JSON"), NULL },
  { "kb", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this compiled knowledge base"),
    N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  /* Bytes, as the text options: a link that is not UTF-8 is a message, not a usage error. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[nimbus:ID]") },
  { NULL }
};

/* The option entry's own copy of a name, which lives as long as the program. */
static const char *
find_entry_name (const char *name)
{
  for (guint i = 0; option_entries[i].long_name != NULL; i++)
    {
      if (g_str_equal (option_entries[i].long_name, name))
        return option_entries[i].long_name;
    }

  g_error ("A calculator parameter --%s has no option entry", name);
}

/* Text options are taken as bytes (G_OPTION_ARG_FILENAME), not converted from the locale's
 * charset: in the C locale of cron or a container, GLib would refuse "é" outright. UTF-8 is
 * taken as it is whatever the locale; other bytes are converted from the locale's charset
 * when they can be; anything else is a usage error that names the option. */
static gboolean
lookup_text (GVariantDict  *dict,
             const char    *name,
             char         **value)
{
  g_autofree char *bytes = NULL;

  *value = NULL;
  if (!g_variant_dict_lookup (dict, name, "^ay", &bytes))
    return TRUE;

  if (g_utf8_validate (bytes, -1, NULL))
    *value = g_steal_pointer (&bytes);
  else if ((*value = g_locale_to_utf8 (bytes, -1, NULL, NULL, NULL)) == NULL)
    {
      nimbus_cli_usage_error (_("--%s is not valid text in UTF-8 or in this locale’s encoding"),
                              name);
      return FALSE;
    }

  return TRUE;
}

/* The calculators' parameters given, by name; the names are the option entries'. --rate,
 * which --capacity takes too, is among them whenever it is given, so that a calculator
 * that does not take it refuses it. */
static gboolean
lookup_calc_params (GVariantDict *dict,
                    GHashTable   *params)
{
  g_auto(GStrv) names = nimbus_cli_calc_dup_param_names ();
  char *rate = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *value = NULL;

      if (g_str_equal (names[i], "rate"))
        continue;
      if (!lookup_text (dict, names[i], &value))
        return FALSE;
      if (value != NULL)
        g_hash_table_insert (params, (gpointer) find_entry_name (names[i]), value);
    }

  if (!lookup_text (dict, "rate", &rate))
    return FALSE;
  if (rate != NULL)
    g_hash_table_insert (params, (gpointer) find_entry_name ("rate"), rate);

  return TRUE;
}

/* GApplication keeps the last of a repeated option; the contract refuses it. */
static gboolean
check_repeats (char **arguments)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; arguments[i] != NULL && !g_str_equal (arguments[i], "--"); i++)
    {
      g_autofree char *name = NULL;

      if (!g_str_has_prefix (arguments[i], "--"))
        continue;

      name = g_strndup (arguments[i] + 2, strcspn (arguments[i] + 2, "="));
      for (guint j = 0; option_entries[j].long_name != NULL; j++)
        {
          if (g_str_equal (option_entries[j].long_name, name) &&
              !g_hash_table_add (seen, g_strdup (name)))
            {
              nimbus_cli_usage_error (_("--%s is given more than once"), name);
              return FALSE;
            }
          /* The value of an option is not an option: --search --list searches "--list". */
          if (g_str_equal (option_entries[j].long_name, name) &&
              option_entries[j].arg != G_OPTION_ARG_NONE && strchr (arguments[i], '=') == NULL &&
              arguments[i + 1] != NULL)
            i++;
        }
    }

  return TRUE;
}

static void
capture_printerr (const char *string)
{
  g_string_append (option_error, string);
}

/* GApplication prints option errors itself and exits with 1; the contract wants 2 and a
 * pointer to --help, so the message is caught and said again. */
static gboolean
nimbus_application_local_command_line (GApplication   *app,
                                       char         ***arguments,
                                       int            *exit_status)
{
  NimbusApplication *self = NIMBUS_APPLICATION (app);
  gboolean handled;

  if (!check_repeats (*arguments))
    {
      *exit_status = NIMBUS_EXIT_USAGE;
      return TRUE;
    }

  option_error = g_string_new (NULL);
  self->saved_printerr = g_set_printerr_handler (capture_printerr);
  handled = G_APPLICATION_CLASS (nimbus_application_parent_class)->local_command_line (app,
                                                                                    arguments,
                                                                                    exit_status);
  if (!self->options_handled)
    {
      g_set_printerr_handler (self->saved_printerr);
      if (option_error->len > 0)
        {
          g_strchomp (option_error->str);
          nimbus_cli_usage_error ("%s", option_error->str);
          *exit_status = NIMBUS_EXIT_USAGE;
        }
    }
  g_string_free (g_steal_pointer (&option_error), TRUE);

  return handled;
}

static gboolean
is_link (const char *argument)
{
  return g_ascii_strncasecmp (argument, NIMBUS_LINK_SCHEME ":", strlen (NIMBUS_LINK_SCHEME) + 1) == 0;
}

/* nimbus nimbus:ID: the link is taken out of the arguments, so that any other argument is
 * still unexpected. Two links are a usage error. */
static gboolean
take_link (NimbusCliOptions  *options,
           char             **link)
{
  guint kept = 0;

  for (guint i = 0; options->remaining != NULL && options->remaining[i] != NULL; i++)
    {
      if (!is_link (options->remaining[i]))
        options->remaining[kept++] = options->remaining[i];
      else if (*link != NULL)
        {
          nimbus_cli_usage_error (_("only one nimbus: link can be opened at a time"));
          for (; options->remaining[i] != NULL; i++)
            g_free (options->remaining[i]);
          options->remaining[kept] = NULL;
          return FALSE;
        }
      else
        *link = options->remaining[i];
    }
  if (options->remaining != NULL)
    options->remaining[kept] = NULL;

  return TRUE;
}

/* The window opens at the link, in this process or in the Nimbus already running. Whether the
 * knowledge base has the page is the window's to say. */
static int
open_link (NimbusApplication *self,
           const char        *link)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_uri (link);

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr (_("nimbus: cannot start: %s\n"), error->message);
      return NIMBUS_EXIT_UNAVAILABLE;
    }

  g_application_open (G_APPLICATION (self), &file, 1, "");
  /* Here, the window is open and the main loop runs it; elsewhere, this is done. */
  return g_application_get_is_remote (G_APPLICATION (self)) ? NIMBUS_EXIT_OK : -1;
}

static int
nimbus_application_handle_local_options (GApplication *app,
                                         GVariantDict *dict)
{
  NimbusApplication *self = NIMBUS_APPLICATION (app);
  NimbusCliOptions options = { 0 };
  g_autofree char *link = NULL;
  int status = -1;

  options.calc_params = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  self->options_handled = TRUE;
  g_set_printerr_handler (self->saved_printerr);

  options.list = g_variant_dict_contains (dict, "list");
  options.json = g_variant_dict_contains (dict, "json");
  options.version = g_variant_dict_contains (dict, "version");
  options.weak = g_variant_dict_contains (dict, "weak");
  options.practice = g_variant_dict_contains (dict, "practice");
  options.progress = g_variant_dict_contains (dict, "progress");
  options.answers = g_variant_dict_contains (dict, "answers");
  if (g_variant_dict_lookup (dict, "kb", "^ay", &options.kb_path))
    {
      g_free (self->kb_path);
      self->kb_path = g_strdup (options.kb_path);
    }
  g_variant_dict_lookup (dict, "export-weak", "^ay", &options.export_weak);
  if (g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^aay", &options.remaining))
    {
      for (guint i = 0; options.remaining[i] != NULL; i++)
        {
          char *valid = g_utf8_make_valid (options.remaining[i], -1);

          g_free (options.remaining[i]);
          options.remaining[i] = valid;
        }
    }

  if (!lookup_text (dict, "show", &options.show) ||
      !lookup_text (dict, "search", &options.search) ||
      !lookup_text (dict, "limit", &options.limit) ||
      !lookup_text (dict, "service", &options.service) ||
      !lookup_text (dict, "exam", &options.exam) ||
      !lookup_text (dict, "domain", &options.domain) ||
      !lookup_text (dict, "count", &options.count) ||
      !lookup_text (dict, "seed", &options.seed) ||
      !lookup_text (dict, "capacity", &options.capacity) ||
      !lookup_text (dict, "consistency", &options.consistency) ||
      !lookup_text (dict, "item-size", &options.item_size) ||
      !lookup_text (dict, "rate", &options.rate) ||
      !lookup_text (dict, "calc", &options.calc) ||
      !lookup_calc_params (dict, options.calc_params))
    status = NIMBUS_EXIT_USAGE;
  else if (!take_link (&options, &link))
    status = NIMBUS_EXIT_USAGE;
  else if (link != NULL && nimbus_cli_wants_terminal (&options))
    {
      nimbus_cli_usage_error (_("%s opens the window, which cannot be done with options that "
                                "answer in the terminal"), link);
      status = NIMBUS_EXIT_USAGE;
    }
  else if (nimbus_cli_wants_terminal (&options))
    status = nimbus_cli_run (self, &options);
  else if (!nimbus_settings_check_schema ())
    status = NIMBUS_EXIT_UNAVAILABLE;
  else if (link != NULL)
    status = open_link (self, link);

  g_free (options.show);
  g_free (options.search);
  g_free (options.limit);
  g_free (options.service);
  g_free (options.exam);
  g_free (options.domain);
  g_free (options.count);
  g_free (options.seed);
  g_free (options.capacity);
  g_free (options.consistency);
  g_free (options.item_size);
  g_free (options.rate);
  g_free (options.calc);
  g_hash_table_unref (options.calc_params);
  g_free (options.kb_path);
  g_free (options.export_weak);
  g_strfreev (options.remaining);

  return status;
}

static NimbusWindow *
ensure_window (NimbusApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (nimbus_window_new (self));

  gtk_window_present (window);
  return NIMBUS_WINDOW (window);
}

/* For bench/: with NIMBUS_BENCH_FIRST_FRAME set, the first painted frame prints the
 * monotonic clock and quits, so a benchmark can time a cold start to the first frame. */
static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (app);
}

static void
nimbus_application_activate (GApplication *app)
{
  NimbusWindow *window = ensure_window (NIMBUS_APPLICATION (app));

  if (g_getenv ("NIMBUS_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (first_frame_cb), app);
}

/* nimbus: links, from the command line, a desktop that knows the scheme, or another Nimbus. */
static void
nimbus_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  NimbusWindow *window = ensure_window (NIMBUS_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      nimbus_window_open_uri (window, uri);
    }
}

/* Opens a service, section or tip, as a Shell search result does. */
static void
nimbus_application_show_page (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  NimbusWindow *window = ensure_window (NIMBUS_APPLICATION (user_data));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                              g_variant_get_string (parameter, NULL));
}

static void
nimbus_application_search (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  nimbus_window_search (ensure_window (NIMBUS_APPLICATION (user_data)),
                        g_variant_get_string (parameter, NULL));
}

static gboolean
nimbus_application_dbus_register (GApplication     *app,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  NimbusApplication *self = NIMBUS_APPLICATION (app);

  if (!G_APPLICATION_CLASS (nimbus_application_parent_class)->dbus_register (app, connection,
                                                                              object_path, error))
    return FALSE;

  self->search_provider = nimbus_search_provider_new (self);
  return nimbus_search_provider_register (self->search_provider, connection, error);
}

static void
nimbus_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  NimbusApplication *self = NIMBUS_APPLICATION (app);

  if (self->search_provider != NULL)
    nimbus_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (nimbus_application_parent_class)->dbus_unregister (app, connection,
                                                                          object_path);
}

static void
nimbus_application_quit (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
nimbus_application_about (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  static const char *developers[] = { "The Nimbus authors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
#if ADW_CHECK_VERSION (1, 5, 0)
  GType about_type = ADW_TYPE_ABOUT_DIALOG;
#else
  GType about_type = ADW_TYPE_ABOUT_WINDOW;
#endif
  GObject *about = g_object_new (about_type,
                                 "application-name", _("Nimbus"),
                                 "application-icon", APP_ID,
                                 "version", PACKAGE_VERSION,
                                 "comments", _("Study AWS services for certification exams: every "
                                               "service, its key numbers and exam tips, "
                                               "searchable as you type."),
                                 "developers", developers,
                                 "license-type", GTK_LICENSE_GPL_3_0,
                                 /* Translators: put your names here, one per line */
                                 "translator-credits", _("translator-credits"),
                                 NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (window));
#else
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), window != NULL);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
nimbus_application_preferences (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  NimbusApplication *self = NIMBUS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = nimbus_preferences_window_new (self->settings);

  nimbus_preferences_window_present (NIMBUS_PREFERENCES_WINDOW (preferences), parent);
}

static const GActionEntry app_actions[] = {
  { "quit", nimbus_application_quit, NULL, NULL, NULL },
  { "about", nimbus_application_about, NULL, NULL, NULL },
  { "preferences", nimbus_application_preferences, NULL, NULL, NULL },
  { "show-page", nimbus_application_show_page, "s", NULL, NULL },
  { "search", nimbus_application_search, "s", NULL, NULL },
};

/* The style setting as libadwaita's colour scheme: follow the system, or always light or
 * dark. */
static gboolean
style_to_color_scheme (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  g_value_set_enum (value, g_str_equal (style, "light") ? ADW_COLOR_SCHEME_FORCE_LIGHT
                           : g_str_equal (style, "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                           : ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

/* Reading text scales with the preference; headings keep their sizes. */
static void
apply_text_scale (NimbusApplication *self)
{
  double scale = g_settings_get_double (self->settings, "text-scale");
  g_autofree char *css = g_strdup_printf (".entry-page, .weak-areas { font-size: %d%%; }",
                                          (int) (scale * 100 + 0.5));

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->text_css, css);
#else
  gtk_css_provider_load_from_data (self->text_css, css, -1);
#endif
}

static void
nimbus_application_startup (GApplication *app)
{
  NimbusApplication *self = NIMBUS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (nimbus_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  self->text_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->text_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "style-variant", adw_style_manager_get_default (),
                                "color-scheme", G_SETTINGS_BIND_GET, style_to_color_scheme,
                                NULL, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::text-scale",
                           G_CALLBACK (apply_text_scale), self, G_CONNECT_SWAPPED);
  apply_text_scale (self);
}

static void
nimbus_application_finalize (GObject *object)
{
  NimbusApplication *self = NIMBUS_APPLICATION (object);

  g_free (self->kb_path);
  g_free (self->store_path);
  g_clear_object (&self->kb);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->text_css);
  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (nimbus_application_parent_class)->finalize (object);
}

static void
nimbus_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NimbusApplication *self = NIMBUS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_KB_PATH:
      g_value_set_string (value, self->kb_path);
      break;
    case PROP_STORE_PATH:
      g_value_set_string (value, self->store_path);
      break;
    case PROP_KB:
      g_value_set_object (value, nimbus_application_get_kb (self, NULL));
      break;
    case PROP_STORE:
      g_value_set_object (value, nimbus_application_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_application_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NimbusApplication *self = NIMBUS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_KB_PATH:
      self->kb_path = g_value_dup_string (value);
      break;
    case PROP_STORE_PATH:
      self->store_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_application_class_init (NimbusApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = nimbus_application_get_property;
  object_class->set_property = nimbus_application_set_property;
  object_class->finalize = nimbus_application_finalize;
  app_class->local_command_line = nimbus_application_local_command_line;
  app_class->handle_local_options = nimbus_application_handle_local_options;
  app_class->startup = nimbus_application_startup;
  app_class->activate = nimbus_application_activate;
  app_class->open = nimbus_application_open;
  app_class->dbus_register = nimbus_application_dbus_register;
  app_class->dbus_unregister = nimbus_application_dbus_unregister;

  /* Where the models are: NULL for --kb, NIMBUS_KB or the installed knowledge base, and for
   * the user's own store. */
  properties[PROP_KB_PATH] =
    g_param_spec_string ("kb-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_PATH] =
    g_param_spec_string ("store-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Opened when first read; NULL when the knowledge base cannot be. */
  properties[PROP_KB] =
    g_param_spec_object ("kb", NULL, NULL, NIMBUS_TYPE_KB,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NIMBUS_TYPE_USER_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nimbus_application_init (NimbusApplication *self)
{
  /* Started by the Shell only to search, stay a little for the next keystroke. */
  g_application_set_inactivity_timeout (G_APPLICATION (self), 10000);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Study AWS services for certification exams."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("nimbus nimbus:ID opens the window at that "
                                                  "service or section, as a copied link does "
                                                  "(nimbus:sqs/visibility-timeout)."));
}

/* The knowledge base every window and search shares, opened on first need; NULL with error
 * when it cannot be, and then tried again next time (a rebuilt or reinstalled one is found). */
NimbusKb *
nimbus_application_get_kb (NimbusApplication  *self,
                           GError            **error)
{
  g_return_val_if_fail (NIMBUS_IS_APPLICATION (self), NULL);

  if (self->kb == NULL)
    {
      g_autofree char *path = self->kb_path != NULL ? g_strdup (self->kb_path)
                                                    : nimbus_kb_find_default ();

      self->kb = nimbus_kb_open (path, error);
    }

  return self->kb;
}

static char *
dup_store_path (NimbusApplication *self)
{
  return self->store_path != NULL ? g_strdup (self->store_path)
                                  : nimbus_user_store_default_path ();
}

/* The user store the windows share, opened on first need to be written: created, migrated,
 * and set aside and started again when damaged (its problem says so). Never NULL. */
NimbusUserStore *
nimbus_application_get_store (NimbusApplication *self)
{
  g_return_val_if_fail (NIMBUS_IS_APPLICATION (self), NULL);

  if (self->store == NULL || self->store_reading)
    {
      g_autofree char *path = dup_store_path (self);

      g_clear_object (&self->store);
      self->store = nimbus_user_store_open (path);
      self->store_reading = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }

  return self->store;
}

/* The user store as the terminal's answers read it: never created, migrated or repaired by
 * reading. The store already open when there is one. */
NimbusUserStore *
nimbus_application_get_store_for_reading (NimbusApplication *self)
{
  g_return_val_if_fail (NIMBUS_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    {
      g_autofree char *path = dup_store_path (self);

      self->store = nimbus_user_store_open_for_reading (path);
      self->store_reading = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }

  return self->store;
}

NimbusApplication *
nimbus_application_new (void)
{
  return g_object_new (NIMBUS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/nimbusstudy/Nimbus",
                       NULL);
}
