/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kinesis-shards"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nimbus-kinesis-shards.h"

/* Provisioned shards for a data stream, the exam arithmetic: a shard takes 1 MB/s or 1,000
 * records/s of writes, whichever is reached first, and gives 2 MB/s of reads shared by all
 * standard consumers, or 2 MB/s to each enhanced fan-out consumer. Every consumer reads
 * everything written. Shards = the most of the three needs, each rounded up. */

static const NimbusCalcParam params[] = {
  { "write-mb", N_("MB written per second"), NULL, TRUE },
  { "records", N_("records written per second"), NULL, TRUE },
  { "consumers", N_("consumer applications, each reading every record"), "1", FALSE },
  { "fan-out", N_("enhanced fan-out for the consumers, yes or no"), "no", FALSE },
};

const NimbusCalcParam *
nimbus_kinesis_shards_params (guint *n_params)
{
  *n_params = G_N_ELEMENTS (params);
  return params;
}

void
nimbus_kinesis_shards_input_init (NimbusKinesisShardsInput *input)
{
  input->write_mb = NAN;
  input->records = NAN;
  input->consumers = 1;
  input->fan_out = FALSE;
}

gboolean
nimbus_kinesis_shards_parse (NimbusKinesisShardsInput  *input,
                             const char                *name,
                             const char                *text,
                             GError                   **error)
{
  g_return_val_if_fail (input != NULL && name != NULL, FALSE);

  if (g_str_equal (name, "write-mb"))
    return nimbus_calc_parse_number (name, text, NIMBUS_KINESIS_MAX_RATE, 0, _("MB per second"),
                                     &input->write_mb, error);
  if (g_str_equal (name, "records"))
    return nimbus_calc_parse_number (name, text, NIMBUS_KINESIS_MAX_RATE, 0,
                                     _("records per second"), &input->records, error);
  if (g_str_equal (name, "consumers"))
    return nimbus_calc_parse_number (name, text, NIMBUS_KINESIS_MAX_CONSUMERS,
                                     NIMBUS_CALC_NUMBER_WHOLE, _("consumers"), &input->consumers,
                                     error);
  if (g_str_equal (name, "fan-out"))
    return nimbus_calc_parse_yes_no (name, text, &input->fan_out, error);

  nimbus_calc_set_unknown ("kinesis-shards", name, error);
  return FALSE;
}

static gboolean
check_input (const NimbusKinesisShardsInput  *input,
             GError                         **error)
{
  if (!nimbus_calc_check_number ("write-mb", input->write_mb, NIMBUS_KINESIS_MAX_RATE, 0,
                                 _("MB per second"), error) ||
      !nimbus_calc_check_number ("records", input->records, NIMBUS_KINESIS_MAX_RATE, 0,
                                 _("records per second"), error) ||
      !nimbus_calc_check_number ("consumers", input->consumers, NIMBUS_KINESIS_MAX_CONSUMERS,
                                 NIMBUS_CALC_NUMBER_WHOLE, _("consumers"), error))
    return FALSE;

  if (input->fan_out && input->consumers > NIMBUS_KINESIS_MAX_FAN_OUT_CONSUMERS)
    {
      g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
                   _("--consumers takes at most %d enhanced fan-out consumers per stream, not "
                     "“%g”"),
                   NIMBUS_KINESIS_MAX_FAN_OUT_CONSUMERS, input->consumers);
      return FALSE;
    }

  return TRUE;
}

/* "3 shards" or "3 shards (2.5 rounded up)" */
static char *
dup_shards (double   need,
            guint64  shards)
{
  g_autofree char *need_text = nimbus_calc_format (need);
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, shards);
  g_autofree char *count = g_strdup_printf (ngettext ("%s shard", "%s shards", shards), number);

  if (need == (double) shards)
    return g_steal_pointer (&count);

  /* Translators: a need rounded up to whole shards, "3 shards (2.5 rounded up)" */
  return g_strdup_printf (_("%s (%s rounded up)"), count, need_text);
}

static char *
dup_working (const NimbusKinesisShards *r)
{
  const NimbusKinesisShardsInput *in = &r->input;
  g_autofree char *mb = nimbus_calc_format (in->write_mb);
  g_autofree char *records = nimbus_calc_format (in->records);
  g_autofree char *read_mb = nimbus_calc_format (in->write_mb * in->consumers);
  g_autofree char *write_shards = dup_shards (r->write_need, r->write_shards);
  g_autofree char *records_shards = dup_shards (r->records_need, r->records_shards);
  g_autofree char *read_shards = dup_shards (r->read_need, r->read_shards);
  g_autofree char *shards = g_strdup_printf ("%" G_GUINT64_FORMAT, r->shards);
  g_autofree char *reads = NULL;

  if (in->fan_out)
    reads = g_strdup_printf (ngettext ("Reads: enhanced fan-out gives the %g consumer its own 2 "
                                       "MB/s per shard: %s MB/s / 2 MB/s = %s",
                                       "Reads: enhanced fan-out gives each of the %g consumers its "
                                       "own 2 MB/s per shard: %s MB/s / 2 MB/s = %s",
                                       (gulong) in->consumers),
                             in->consumers, mb, read_shards);
  else
    reads = g_strdup_printf (ngettext ("Reads: %g consumer x %s MB/s = %s MB/s, shared at 2 MB/s "
                                       "per shard = %s",
                                       "Reads: %g consumers x %s MB/s = %s MB/s, shared at 2 MB/s "
                                       "per shard = %s",
                                       (gulong) in->consumers),
                             in->consumers, mb, read_mb, read_shards);

  return g_strdup_printf (_("Writes: %s MB/s / 1 MB/s per shard = %s\n"
                            "Records: %s records/s / 1000 records/s per shard = %s\n"
                            "%s\n"
                            "Shards: the most of the three = %s"),
                          mb, write_shards, records, records_shards, reads, shards);
}

NimbusKinesisShards *
nimbus_kinesis_shards_compute (const NimbusKinesisShardsInput  *input,
                               GError                         **error)
{
  g_autoptr(NimbusKinesisShards) r = NULL;
  double read_mb;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_input (input, error))
    return NULL;

  r = g_new0 (NimbusKinesisShards, 1);
  r->input = *input;
  r->unit = "shards";
  read_mb = input->fan_out ? input->write_mb : input->write_mb * input->consumers;
  r->write_need = input->write_mb / NIMBUS_KINESIS_SHARD_WRITE_MB;
  r->records_need = input->records / NIMBUS_KINESIS_SHARD_WRITE_RECORDS;
  r->read_need = read_mb / NIMBUS_KINESIS_SHARD_READ_MB;
  r->write_shards = (guint64) nimbus_calc_ceil (r->write_need);
  r->records_shards = (guint64) nimbus_calc_ceil (r->records_need);
  r->read_shards = (guint64) nimbus_calc_ceil (r->read_need);
  r->shards = MAX (MAX (r->write_shards, r->records_shards), MAX (r->read_shards, 1));
  r->working = dup_working (r);

  return g_steal_pointer (&r);
}

void
nimbus_kinesis_shards_free (NimbusKinesisShards *result)
{
  if (result == NULL)
    return;

  g_free (result->working);
  g_free (result);
}
