/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-capacity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nimbus-capacity.h"
#include "nimbus-enum.h"

/* DynamoDB capacity units, the exam arithmetic (../shared/CLI.md):
 * - a read unit covers one strongly consistent read per second of an item up to 4 KB;
 *   eventually consistent reads cost half, transactional reads twice;
 * - a write unit covers one write per second of an item up to 1 KB; transactional writes
 *   cost twice;
 * - item sizes round up to the next 4 KB (reads) or 1 KB (writes), the total up to a
 *   whole unit. On-demand request units follow the same per-item cost, unrounded. */

/* Rounding up is honest: any positive demand is at least one block and one unit, and
 * 10.0000000001 reads a second need more than 10 reads' worth. Sizes need no tolerance
 * (KB to blocks divides by a power of two, which is exact); a product of two decimals may
 * land a few units in the last place above a whole number (0.1 x 70 is 7.000000000000001),
 * which says nothing about demand, so that much is taken off before rounding. */
static double
ceil_honest (double x)
{
  return ceil (x * (1.0 - 4.0 * DBL_EPSILON));
}

G_DEFINE_QUARK (nimbus-capacity-error-quark, nimbus_capacity_error)

gboolean
nimbus_capacity_op_from_string (const char       *str,
                                NimbusCapacityOp *op)
{
  int value;

  if (!nimbus_enum_from_nick (NIMBUS_TYPE_CAPACITY_OP, str, &value))
    return FALSE;

  *op = value;
  return TRUE;
}

gboolean
nimbus_consistency_from_string (const char        *str,
                                NimbusConsistency *consistency)
{
  int value;

  if (!nimbus_enum_from_nick (NIMBUS_TYPE_CONSISTENCY, str, &value))
    return FALSE;

  *consistency = value;
  return TRUE;
}

gboolean
nimbus_capacity_pairing_is_valid (NimbusCapacityOp  op,
                                  NimbusConsistency consistency)
{
  if (op == NIMBUS_CAPACITY_READ)
    return consistency != NIMBUS_CONSISTENCY_STANDARD;

  return consistency == NIMBUS_CONSISTENCY_STANDARD ||
         consistency == NIMBUS_CONSISTENCY_TRANSACTIONAL;
}

/* A decimal number in the C locale, the whole text and nothing else. */
gboolean
nimbus_capacity_parse_number (const char *text,
                              double     *value)
{
  char *end = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  /* Decimal notation only: no hexadecimal, "inf" or "nan", no spaces. */
  if (text == NULL || *text == '\0' || text[strspn (text, "0123456789.+-eE")] != '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && end != text;
}

static double
factor (NimbusConsistency consistency)
{
  switch (consistency)
    {
    case NIMBUS_CONSISTENCY_EVENTUAL:
      return 0.5;
    case NIMBUS_CONSISTENCY_TRANSACTIONAL:
      return 2.0;
    case NIMBUS_CONSISTENCY_STRONG:
    case NIMBUS_CONSISTENCY_STANDARD:
    default:
      return 1.0;
    }
}

gboolean
nimbus_capacity_compute (NimbusCapacityOp    op,
                         NimbusConsistency   consistency,
                         double              item_size_kb,
                         double              rate,
                         NimbusCapacity     *result,
                         GError            **error)
{
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (op > NIMBUS_CAPACITY_WRITE || consistency > NIMBUS_CONSISTENCY_STANDARD ||
      !nimbus_capacity_pairing_is_valid (op, consistency))
    {
      g_set_error (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID,
                   _("Reads are strong, eventual or transactional; writes are standard or "
                     "transactional"));
      return FALSE;
    }

  if (!isfinite (item_size_kb) || item_size_kb <= 0)
    {
      g_set_error (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID,
                   _("The item size must be a number of KB above 0"));
      return FALSE;
    }

  if (item_size_kb > NIMBUS_CAPACITY_MAX_ITEM_KB)
    {
      g_set_error (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID,
                   _("The item size must be at most 400 KB, the largest item DynamoDB holds"));
      return FALSE;
    }

  if (!isfinite (rate) || rate <= 0)
    {
      g_set_error (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID,
                   _("The rate must be a number of items per second above 0"));
      return FALSE;
    }

  if (rate > NIMBUS_CAPACITY_MAX_RATE)
    {
      g_set_error (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID,
                   _("The rate must be at most a million million items per second"));
      return FALSE;
    }

  result->op = op;
  result->consistency = consistency;
  result->item_size_kb = item_size_kb;
  result->rate = rate;
  result->block_kb = op == NIMBUS_CAPACITY_READ ? 4 : 1;
  result->blocks = (guint) ceil (item_size_kb / result->block_kb);
  result->units_per_item = result->blocks * factor (consistency);
  result->request_units = result->units_per_item * rate;
  result->units = (guint64) ceil_honest (result->request_units);

  return TRUE;
}

const char *
nimbus_capacity_unit (const NimbusCapacity *result)
{
  return result->op == NIMBUS_CAPACITY_READ ? "RCU" : "WCU";
}

const char *
nimbus_capacity_request_unit (const NimbusCapacity *result)
{
  return result->op == NIMBUS_CAPACITY_READ ? "RRU" : "WRU";
}

/* 10, 0.5, 1.25: no trailing zeros, at most three decimals, C locale. */
char *
nimbus_capacity_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *str = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.3f", value));
  char *end = str + strlen (str) - 1;

  while (end > str && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';

  return str;
}

/* "10 KB -> 3 blocks of 4 KB -> 3 RCU per read x 10 per second = 30 RCU" */
char *
nimbus_capacity_dup_working (const NimbusCapacity *result)
{
  g_autofree char *size = nimbus_capacity_format_number (result->item_size_kb);
  g_autofree char *per_item = nimbus_capacity_format_number (result->units_per_item);
  g_autofree char *rate = nimbus_capacity_format_number (result->rate);
  const char *unit = nimbus_capacity_unit (result);
  const char *per = result->op == NIMBUS_CAPACITY_READ ? _("per read") : _("per write");
  g_autofree char *cost = NULL;
  g_autofree char *blocks = NULL;
  g_autofree char *units = NULL;

  if (result->consistency == NIMBUS_CONSISTENCY_EVENTUAL)
    cost = g_strdup_printf (_(" -> half for eventual consistency"));
  else if (result->consistency == NIMBUS_CONSISTENCY_TRANSACTIONAL)
    cost = g_strdup_printf (_(" -> twice for a transaction"));
  else
    cost = g_strdup ("");

  blocks = g_strdup_printf (ngettext ("%u block of %u KB", "%u blocks of %u KB", result->blocks),
                            result->blocks, result->block_kb);

  units = g_strdup_printf ("%" G_GUINT64_FORMAT, result->units);

  /* Translators: the steps of a DynamoDB capacity sum, e.g.
   * "10 KB -> 3 blocks of 4 KB -> 3 RCU per read x 10 per second = 30 RCU" */
  return g_strdup_printf (_("%s KB -> %s%s -> %s %s %s x %s per second = %s %s"),
                          size, blocks, cost, per_item, unit, per, rate, units, unit);
}
