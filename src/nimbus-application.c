/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-application.h"
#include "nimbus-cli.h"
#include "nimbus-kb.h"
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
  NimbusSearchProvider *search_provider;
  GSettings *settings;
  GtkCssProvider *text_css;
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

static NimbusWindow *
ensure_window (NimbusApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_assert (NIMBUS_IS_APPLICATION (self));

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

  g_assert (NIMBUS_IS_APPLICATION (self));

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
      /* --kb is taken before anything opens the knowledge base. */
      g_return_if_fail (self->kb == NULL);
      g_free (self->kb_path);
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
  app_class->startup = nimbus_application_startup;
  app_class->activate = nimbus_application_activate;
  app_class->open = nimbus_application_open;
  app_class->dbus_register = nimbus_application_dbus_register;
  app_class->dbus_unregister = nimbus_application_dbus_unregister;

  /* Where the models are: NULL for NIMBUS_KB or the installed knowledge base, and for the
   * user's own store. --kb sets kb-path before anything opens the knowledge base. */
  properties[PROP_KB_PATH] =
    g_param_spec_string ("kb-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
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
  g_assert (NIMBUS_IS_APPLICATION (self));

  return self->store_path != NULL ? g_strdup (self->store_path)
                                  : nimbus_user_store_default_path ();
}

/* The user store the windows share, opened on first need to be written: created, migrated,
 * and set aside and started again when damaged (its problem says so). Never NULL. */
NimbusUserStore *
nimbus_application_get_store (NimbusApplication *self)
{
  g_return_val_if_fail (NIMBUS_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    {
      g_autofree char *path = dup_store_path (self);

      self->store = nimbus_user_store_open (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }

  return self->store;
}

/* Runs the window the command line asked for, once nimbus_cli_run () has answered no terminal
 * request: GApplication registers, then activates, opens the link or serves D-Bus. arguments
 * is what the command line left, the program's name. */
int
nimbus_application_run_window (NimbusApplication     *self,
                               const NimbusCliWindow *window,
                               char                 **arguments)
{
  GApplication *app = G_APPLICATION (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) run_arguments = NULL;

  g_return_val_if_fail (NIMBUS_IS_APPLICATION (self), NIMBUS_EXIT_UNAVAILABLE);
  g_return_val_if_fail (window != NULL && arguments != NULL, NIMBUS_EXIT_UNAVAILABLE);

  /* The terminal and the window read the same knowledge base. */
  if (window->kb_path != NULL)
    g_object_set (self, "kb-path", window->kb_path, NULL);
  if (!nimbus_settings_check_schema ())
    return NIMBUS_EXIT_UNAVAILABLE;
  if (window->gapplication_service)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_IS_SERVICE);
  /* The link is GApplication's to open, here or in the Nimbus already running; whether the
   * knowledge base has the page is the window's to say. */
  g_strv_builder_addv (builder, (const char **) arguments);
  if (window->link != NULL)
    g_strv_builder_add (builder, window->link);
  run_arguments = g_strv_builder_end (builder);

  return g_application_run (app, (int) g_strv_length (run_arguments), run_arguments);
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
