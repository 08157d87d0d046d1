/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest knowledge-base id Nimbus keeps. */
#define NIMBUS_ID_MAX_LENGTH 256

typedef enum
{
  NIMBUS_BLOCK_PARAGRAPH,
  NIMBUS_BLOCK_LIST,
  NIMBUS_BLOCK_TABLE,
  NIMBUS_BLOCK_TIP,
  NIMBUS_BLOCK_FACT,
  NIMBUS_BLOCK_WIDGET,
} NimbusBlockType;

typedef struct
{
  NimbusBlockType type;
  char *id;         /* full id of a tip or fact (sqs/visibility-timeout#default), else NULL */
  char *text;       /* paragraph or tip text; table or widget caption */
  char *name;       /* widget name */
  GStrv items;      /* list items; table column headings */
  GPtrArray *rows;  /* table rows, each a GStrv as long as items */
  gboolean ordered; /* numbered list */
  char *label;      /* fact */
  char *value;
  char *unit;
  char *limits;
  char *note;
  char *previous_value;
  char *previous_unit;
  char *previous_until;
} NimbusBlock;

/* A domain of an exam's guide: what share of the exam it weighs. */
typedef struct
{
  guint number;      /* 1, 2, ... as the guide numbers them */
  char *name;        /* "Development with AWS Services" */
  guint weight;      /* percent of the exam; an exam's domains sum to 100 */
} NimbusExamDomain;

/* An exam the knowledge base covers. */
typedef struct
{
  char *id;          /* "dva-c02" */
  char *name;        /* "AWS Certified Developer – Associate" */
  char *short_name;  /* "Developer" */
  GPtrArray *domains; /* NimbusExamDomain, in the guide's order (number 1 first) */
} NimbusExam;

typedef struct
{
  char *url;
  char *title;
  char *checked;
} NimbusSource;

typedef struct
{
  char *id;              /* SERVICE/SLUG */
  char *title;
  GStrv keywords;
  GPtrArray *blocks;     /* NimbusBlock */
  GPtrArray *sources;    /* NimbusSource */
} NimbusSection;

typedef struct
{
  char *id;
  char *name;
  char *full_name;
  char *category_id;
  char *category_name;
  char *summary;
  GStrv keywords;
  GStrv aliases;         /* other names that mean the service ("Parameter Store", "ALB") */
  GStrv exams;           /* the exams that test it: "dva-c02", "saa-c03" */
  GStrv exam_names;      /* parallel to exams; filled in by the reader */
  GPtrArray *sections;   /* NimbusSection */
  GStrv related;
  GStrv related_names;   /* parallel to related; filled in by the reader */
} NimbusEntry;

const char    *nimbus_block_type_to_string   (NimbusBlockType  type);
gboolean       nimbus_block_type_from_string (const char      *str,
                                              NimbusBlockType *type);

NimbusBlock   *nimbus_block_new              (NimbusBlockType  type);
void           nimbus_block_free             (NimbusBlock     *block);
char          *nimbus_block_dup_plain_text   (const NimbusBlock *block);

NimbusExam    *nimbus_exam_new               (void);
void           nimbus_exam_free              (NimbusExam      *exam);
const NimbusExamDomain *nimbus_exam_find_domain (const NimbusExam *exam,
                                                 guint             number);
void           nimbus_exam_domain_free       (NimbusExamDomain *domain);

NimbusSource  *nimbus_source_new             (void);
void           nimbus_source_free            (NimbusSource    *source);

NimbusSection *nimbus_section_new            (void);
void           nimbus_section_free           (NimbusSection   *section);
const NimbusBlock *nimbus_section_find_item  (const NimbusSection *section,
                                              const char          *item_id);

char          *nimbus_id_dup_service_id      (const char      *id);
char          *nimbus_id_dup_section_id      (const char      *id);
gboolean       nimbus_id_is_valid            (const char      *id);
GStrv          nimbus_entry_dup_names        (const NimbusEntry *entry);
guint          nimbus_entry_count_own_names  (const NimbusEntry *entry);

NimbusEntry   *nimbus_entry_new              (void);
void           nimbus_entry_free             (NimbusEntry     *entry);
const NimbusSection *nimbus_entry_find_section (const NimbusEntry *entry,
                                                const char        *section_id);
char          *nimbus_entry_dup_plain_text   (const NimbusEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusBlock, nimbus_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusSource, nimbus_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusSection, nimbus_section_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusEntry, nimbus_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusExam, nimbus_exam_free)

G_END_DECLS
