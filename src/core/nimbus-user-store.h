/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

#include "nimbus-kb.h"

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

/* Practice history (nimbus-user-store-practice.c). */

/* How many of the latest answers in a domain its readiness looks at, by default. */
#define NIMBUS_STORE_READINESS_LAST 20

typedef struct
{
  guint domain;          /* its number in the exam guide */
  guint answered;        /* answers in it */
  guint right;           /* of those, right */
} NimbusDomainScore;

/* One practice session: a set of questions taken on one exam. */
typedef struct
{
  gint64 id;
  char *exam_id;
  char *mode;            /* "practice" or "mock" (the timed 65-question exam) */
  char *started_at;      /* ISO 8601, UTC */
  char *finished_at;     /* ISO 8601, UTC; NULL: never finished (left, or still going) */
  gint64 paused_seconds; /* time the timer was paused, for a mock exam */
  guint answered;
  guint right;
  GArray *domains;       /* NimbusDomainScore of each domain answered in, by number */
} NimbusPracticeSession;

void nimbus_practice_session_free (NimbusPracticeSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusPracticeSession, nimbus_practice_session_free)

/* How ready the student is in one domain of an exam:
 * - answered: every answer ever given to a question of the domain (in any session);
 * - recent, recent_right: the latest answers in the domain, at most the last_n asked for,
 *   and how many of them were right; the share right is recent_right / recent (no share
 *   while recent is 0);
 * - weak: the weak areas flagged now in the sections the domain's questions link to (a
 *   section, or a tip or fact inside it, counts once), so a domain whose reading the
 *   student has marked as not known shows it even before any answer. */
typedef struct
{
  guint domain;
  char *name;            /* the domain's name in the guide */
  guint weight;          /* its share of the exam, percent */
  guint answered;
  guint recent;
  guint recent_right;
  guint weak;
} NimbusDomainReadiness;

void nimbus_domain_readiness_free (NimbusDomainReadiness *readiness);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusDomainReadiness, nimbus_domain_readiness_free)

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

gint64           nimbus_user_store_start_practice      (NimbusUserStore  *self,
                                                        const char       *exam_id,
                                                        const char       *mode,
                                                        GError          **error);
gboolean         nimbus_user_store_record_answer       (NimbusUserStore  *self,
                                                        gint64            session_id,
                                                        NimbusQuestion   *question,
                                                        const char       *exam_id,
                                                        gboolean          right,
                                                        GPtrArray       **changed,
                                                        GError          **error);
gboolean         nimbus_user_store_undo_flags          (NimbusUserStore  *self,
                                                        GPtrArray        *changed,
                                                        GError          **error);
gboolean         nimbus_user_store_finish_practice     (NimbusUserStore  *self,
                                                        gint64            session_id,
                                                        gint64            paused_seconds,
                                                        GError          **error);
GPtrArray       *nimbus_user_store_list_practice       (NimbusUserStore  *self,
                                                        GError          **error);
GPtrArray       *nimbus_user_store_get_readiness       (NimbusUserStore  *self,
                                                        NimbusKb         *kb,
                                                        const char       *exam_id,
                                                        guint             last_n,
                                                        GError          **error);

G_END_DECLS
