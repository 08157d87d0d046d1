/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* What packaging relies on: every file with translatable strings is in po/POTFILES.in, and
 * the Flatpak manifest builds this tree as this meson project. */

static char *
source_path (const char *relative)
{
  g_autofree char *root = g_path_get_dirname (g_getenv ("G_TEST_SRCDIR"));

  return g_build_filename (root, relative, NULL);
}

static gboolean
has_translatable_strings (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  if (g_str_has_suffix (path, ".c"))
    return strstr (contents, "_(\"") != NULL || strstr (contents, "N_(\"") != NULL ||
           strstr (contents, "ngettext (") != NULL;
  if (g_str_has_suffix (path, ".ui"))
    return strstr (contents, "translatable=\"yes\"") != NULL;

  return FALSE;
}

static void
collect (const char *root,
         const char *relative,
         GPtrArray  *found)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = g_build_filename (relative, name, NULL);
      g_autofree char *child = g_build_filename (root, child_relative, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect (root, child_relative, found);
      else if (has_translatable_strings (child))
        g_ptr_array_add (found, g_steal_pointer (&child_relative));
    }
}

static void
test_potfiles_complete (void)
{
  g_autofree char *root = source_path ("");
  g_autofree char *potfiles_path = source_path ("po/POTFILES.in");
  g_autofree char *contents = NULL;
  g_auto(GStrv) listed = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *data_files[] = { "data/io.github.nimbusstudy.Nimbus.desktop.in",
                               "data/io.github.nimbusstudy.Nimbus.metainfo.xml.in",
                               "data/io.github.nimbusstudy.Nimbus.gschema.xml",
                               "data/gtk/help-overlay.ui" };

  g_assert_true (g_file_get_contents (potfiles_path, &contents, NULL, NULL));
  listed = g_strsplit (contents, "\n", -1);

  collect (root, "src", found);
  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    g_ptr_array_add (found, g_strdup (data_files[i]));

  g_assert_cmpuint (found->len, >, 10);
  for (guint i = 0; i < found->len; i++)
    {
      g_test_message ("%s", (const char *) g_ptr_array_index (found, i));
      g_assert_true (g_strv_contains ((const char * const *) listed, g_ptr_array_index (found, i)));
    }

  /* And nothing listed is missing. */
  for (guint i = 0; listed[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (*listed[i] == '\0' || *listed[i] == '#')
        continue;
      path = source_path (listed[i]);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_flatpak_manifest (void)
{
  g_autofree char *path = source_path ("flatpak/" APP_ID ".json");
  g_autofree char *meson_build = NULL;
  g_autofree char *meson_path = NULL;
  g_autofree char *manifest_dir = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *manifest;
  JsonArray *modules;
  JsonObject *module;
  JsonObject *source;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  manifest = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "nimbus");
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  /* At least the GNOME of the current platform CI tests (GNOME 48: GTK 4.18, libadwaita
   * 1.7), so that the Flatpak runs the code paths that are tested. */
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (manifest, "runtime-version"),
                                    NULL, 10), >=, 48);

  /* The last module is this project, built with meson from this tree. */
  modules = json_object_get_array_member (manifest, "modules");
  module = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  g_assert_cmpstr (json_object_get_string_member (module, "name"), ==, GETTEXT_PACKAGE);
  g_assert_cmpstr (json_object_get_string_member (module, "buildsystem"), ==, "meson");
  source = json_array_get_object_element (json_object_get_array_member (module, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "dir");

  manifest_dir = g_path_get_dirname (path);
  meson_path = g_build_filename (manifest_dir, json_object_get_string_member (source, "path"),
                                 "meson.build", NULL);
  g_assert_true (g_file_get_contents (meson_path, &meson_build, NULL, NULL));
  g_assert_true (g_str_has_prefix (meson_build, "project('" GETTEXT_PACKAGE "'"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/packaging/potfiles-complete", test_potfiles_complete);
  g_test_add_func ("/nimbus/packaging/flatpak-manifest", test_flatpak_manifest);

  return g_test_run ();
}
