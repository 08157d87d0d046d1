/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-entry.h"
#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

/* What a printed page or an exported cheat sheet says, as plain text in the order it is
 * read; a printer draws it, the Markdown writer escapes it. */
typedef enum
{
  NIMBUS_SHEET_TITLE,
  NIMBUS_SHEET_HEADING,     /* a service, or a section of the page printed */
  NIMBUS_SHEET_SUBHEADING,  /* a weak area */
  NIMBUS_SHEET_PARAGRAPH,
  NIMBUS_SHEET_BULLET,
  NIMBUS_SHEET_TIP,
  NIMBUS_SHEET_NOTE,        /* the student's own words */
} NimbusSheetKind;

typedef struct
{
  NimbusSheetKind kind;
  char *text;
} NimbusSheetBlock;

typedef struct
{
  char *title;
  GPtrArray *blocks;        /* NimbusSheetBlock, the title first */
} NimbusCheatSheet;

void              nimbus_cheat_sheet_free            (NimbusCheatSheet  *sheet);
NimbusCheatSheet *nimbus_cheat_sheet_new_weak_areas  (NimbusKb          *kb,
                                                      NimbusUserStore   *store,
                                                      GError           **error);
NimbusCheatSheet *nimbus_cheat_sheet_new_for_entry   (const NimbusEntry *entry,
                                                      NimbusUserStore   *store);
char             *nimbus_cheat_sheet_to_markdown     (const NimbusCheatSheet *sheet);
char             *nimbus_markdown_escape             (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusCheatSheet, nimbus_cheat_sheet_free)

G_END_DECLS
