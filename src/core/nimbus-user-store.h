/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NIMBUS_STORE_ERROR (nimbus_store_error_quark ())

typedef enum
{
  NIMBUS_STORE_ERROR_READ_ONLY,   /* the data directory cannot be written: flagging is off */
  NIMBUS_STORE_ERROR_FAILED,      /* a write failed (disk full, I/O error) */
  NIMBUS_STORE_ERROR_IMPORT,      /* an import file is not a Nimbus export */
  NIMBUS_STORE_ERROR_BUSY,        /* another process holds the store: try again */
  NIMBUS_STORE_ERROR_INVALID,     /* not a knowledge-base id */
} NimbusStoreError;

/* What an import takes at most: far more than any knowledge base has items. */
#define NIMBUS_STORE_IMPORT_MAX_BYTES (8 * 1024 * 1024)
#define NIMBUS_STORE_IMPORT_MAX_FLAGS 20000

/* Leitner boxes: a flag starts in box 1 and moves up one box each time it is known. */
#define NIMBUS_STORE_FIRST_BOX 1
#define NIMBUS_STORE_LAST_BOX 5

typedef struct
{
  char *id;              /* KB id: sqs/visibility-timeout, sqs/visibility-timeout#tip */
  char *flagged_at;      /* ISO 8601, UTC */
  char *note;
  int box;
  char *due_at;          /* ISO 8601, UTC; NULL: due now */
  int reviews;
} NimbusFlag;

void nimbus_flag_free (NimbusFlag *flag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusFlag, nimbus_flag_free)

/* A note is the student's own words on a section or tip: short, plain text. */
#define NIMBUS_STORE_NOTE_MAX_CHARS 2000
/* The pages the history keeps, the latest first. */
#define NIMBUS_STORE_HISTORY_MAX 50

typedef struct
{
  char *id;              /* KB id of the section or tip */
  char *text;
  char *updated_at;      /* ISO 8601, UTC */
} NimbusNote;

void nimbus_note_free (NimbusNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusNote, nimbus_note_free)

typedef struct
{
  char *id;              /* KB id of a service page */
  char *viewed_at;       /* ISO 8601, UTC */
} NimbusVisit;

void nimbus_visit_free (NimbusVisit *visit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusVisit, nimbus_visit_free)

#define NIMBUS_TYPE_USER_STORE (nimbus_user_store_get_type ())

G_DECLARE_FINAL_TYPE (NimbusUserStore, nimbus_user_store, NIMBUS, USER_STORE, GObject)

GQuark           nimbus_store_error_quark              (void);
char            *nimbus_user_store_default_path        (void);
NimbusUserStore *nimbus_user_store_open                (const char       *path);
NimbusUserStore *nimbus_user_store_open_for_reading    (const char       *path);
gboolean         nimbus_user_store_is_writable         (NimbusUserStore  *self);
const char      *nimbus_user_store_get_problem         (NimbusUserStore  *self);
const char      *nimbus_user_store_get_set_aside_path  (NimbusUserStore  *self);
const char      *nimbus_user_store_get_read_error      (NimbusUserStore  *self);
const char      *nimbus_user_store_get_path            (NimbusUserStore  *self);
gboolean         nimbus_user_store_flag                (NimbusUserStore  *self,
                                                        const char       *id,
                                                        const char       *note,
                                                        GError          **error);
gboolean         nimbus_user_store_unflag              (NimbusUserStore  *self,
                                                        const char       *id,
                                                        GError          **error);
gboolean         nimbus_user_store_is_flagged          (NimbusUserStore  *self,
                                                        const char       *id);
GPtrArray       *nimbus_user_store_list                (NimbusUserStore  *self,
                                                        GError          **error);
GPtrArray       *nimbus_user_store_list_for_review     (NimbusUserStore  *self,
                                                        GError          **error);
gboolean         nimbus_user_store_set_note            (NimbusUserStore  *self,
                                                        const char       *id,
                                                        const char       *text,
                                                        GError          **error);
gboolean         nimbus_user_store_clear_note          (NimbusUserStore  *self,
                                                        const char       *id,
                                                        GError          **error);
char            *nimbus_user_store_get_note            (NimbusUserStore  *self,
                                                        const char       *id);
GPtrArray       *nimbus_user_store_list_notes          (NimbusUserStore  *self,
                                                        GError          **error);
GPtrArray       *nimbus_user_store_search_notes        (NimbusUserStore  *self,
                                                        const char       *words,
                                                        GError          **error);
gboolean         nimbus_user_store_record_view         (NimbusUserStore  *self,
                                                        const char       *id,
                                                        GError          **error);
GPtrArray       *nimbus_user_store_list_history        (NimbusUserStore  *self,
                                                        GError          **error);
gboolean         nimbus_user_store_clear_history       (NimbusUserStore  *self,
                                                        GError          **error);
gboolean         nimbus_user_store_restore             (NimbusUserStore  *self,
                                                        const NimbusFlag *flag,
                                                        GError          **error);
gboolean         nimbus_user_store_review              (NimbusUserStore  *self,
                                                        const char       *id,
                                                        gboolean          knew_it,
                                                        GError          **error);
char            *nimbus_user_store_export              (NimbusUserStore  *self,
                                                        GError          **error);
gboolean         nimbus_user_store_import              (NimbusUserStore  *self,
                                                        const char       *json,
                                                        gssize            length,
                                                        guint            *n_added,
                                                        GError          **error);
void             nimbus_user_store_import_file_async   (NimbusUserStore  *self,
                                                        GFile            *file,
                                                        GCancellable     *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer          user_data);
gboolean         nimbus_user_store_import_file_finish  (NimbusUserStore  *self,
                                                        GAsyncResult     *result,
                                                        guint            *n_added,
                                                        GError          **error);
void             nimbus_user_store_export_file_async   (NimbusUserStore  *self,
                                                        GFile            *file,
                                                        GCancellable     *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer          user_data);
gboolean         nimbus_user_store_export_file_finish  (NimbusUserStore  *self,
                                                        GAsyncResult     *result,
                                                        GError          **error);

G_END_DECLS
