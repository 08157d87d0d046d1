/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the exam-maths calculators share: their error domain, the description of a
 * parameter, and numbers read and written the same way everywhere. */

#define NIMBUS_CALC_ERROR (nimbus_calc_error_quark ())

typedef enum
{
  NIMBUS_CALC_ERROR_INVALID,    /* a value out of range, malformed or missing */
  NIMBUS_CALC_ERROR_UNKNOWN,    /* a parameter the calculator does not take */
} NimbusCalcError;

typedef enum
{
  NIMBUS_CALC_NUMBER_DEFAULT = 0,
  NIMBUS_CALC_NUMBER_WHOLE = 1 << 0,     /* a count: no fraction */
  NIMBUS_CALC_NUMBER_ZERO_OK = 1 << 1,   /* 0 means something (reserved concurrency 0) */
} NimbusCalcNumberFlags;

/* One parameter, named as its command-line option without the dashes. meaning is
 * untranslated (N_); default_value is NULL for a required or optional parameter. */
typedef struct
{
  const char *name;
  const char *meaning;
  const char *default_value;
  gboolean required;
} NimbusCalcParam;

GQuark    nimbus_calc_error_quark   (void);
gboolean  nimbus_calc_check_number  (const char             *name,
                                     double                  value,
                                     double                  max,
                                     NimbusCalcNumberFlags   flags,
                                     const char             *what,
                                     GError                **error);
gboolean  nimbus_calc_parse_number  (const char             *name,
                                     const char             *text,
                                     double                  max,
                                     NimbusCalcNumberFlags   flags,
                                     const char             *what,
                                     double                 *value,
                                     GError                **error);
gboolean  nimbus_calc_parse_yes_no  (const char             *name,
                                     const char             *text,
                                     gboolean               *value,
                                     GError                **error);
void      nimbus_calc_set_unknown   (const char             *calculator,
                                     const char             *name,
                                     GError                **error);
void      nimbus_calc_set_missing   (const char             *name,
                                     GError                **error);
double    nimbus_calc_ceil          (double                  value);
char     *nimbus_calc_format        (double                  value);

G_END_DECLS
