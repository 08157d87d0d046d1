/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-ebs-iops"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nimbus-ebs-iops.h"

/* gp2 and gp3 IOPS, the exam arithmetic. gp2: a baseline of 3 IOPS per GiB, at least 100
 * and at most 16,000; volumes under 1,000 GiB burst to 3,000 IOPS from a bucket of 5.4
 * million I/O credits refilled at the baseline rate, so a full bucket lasts
 * credits / (burst - baseline) seconds. gp3: 3,000 IOPS and 125 MiB/s at any size, more
 * up to 80,000 IOPS (500 per GiB) and 2,000 MiB/s (0.25 MiB/s per IOPS). */

static const NimbusCalcParam params[] = {
  { "volume-size", N_("volume size in GiB"), NULL, TRUE },
  { "iops", N_("IOPS the workload demands"), NULL, TRUE },
  { "throughput", N_("MiB/s the workload demands, for gp3"), NULL, FALSE },
};

const NimbusCalcParam *
nimbus_ebs_iops_params (guint *n_params)
{
  *n_params = G_N_ELEMENTS (params);
  return params;
}

void
nimbus_ebs_iops_input_init (NimbusEbsIopsInput *input)
{
  input->size = NAN;
  input->iops = NAN;
  input->throughput = NAN;
}

gboolean
nimbus_ebs_iops_parse (NimbusEbsIopsInput  *input,
                       const char          *name,
                       const char          *text,
                       GError             **error)
{
  g_return_val_if_fail (input != NULL && name != NULL, FALSE);

  if (g_str_equal (name, "volume-size"))
    return nimbus_calc_parse_number (name, text, NIMBUS_GP2_MAX_GIB, 0, _("GiB"), &input->size,
                                     error);
  if (g_str_equal (name, "iops"))
    return nimbus_calc_parse_number (name, text, NIMBUS_EBS_MAX_IOPS, 0, _("IOPS"), &input->iops,
                                     error);
  if (g_str_equal (name, "throughput"))
    return nimbus_calc_parse_number (name, text, NIMBUS_EBS_MAX_MIBS, 0, _("MiB/s"),
                                     &input->throughput, error);

  nimbus_calc_set_unknown ("ebs-iops", name, error);
  return FALSE;
}

static gboolean
check_input (const NimbusEbsIopsInput  *in,
             GError                   **error)
{
  return nimbus_calc_check_number ("volume-size", in->size, NIMBUS_GP2_MAX_GIB, 0, _("GiB"),
                                   error) &&
         nimbus_calc_check_number ("iops", in->iops, NIMBUS_EBS_MAX_IOPS, 0, _("IOPS"), error) &&
         (isnan (in->throughput) ||
          nimbus_calc_check_number ("throughput", in->throughput, NIMBUS_EBS_MAX_MIBS, 0,
                                    _("MiB/s"), error));
}

static char *
dup_baseline_line (const NimbusEbsIops *r)
{
  double exact = NIMBUS_GP2_IOPS_PER_GIB * r->input.size;
  g_autofree char *size = nimbus_calc_format (r->input.size);
  g_autofree char *product = nimbus_calc_format (exact);

  if (exact < NIMBUS_GP2_MIN_IOPS)
    return g_strdup_printf (_("gp2 baseline: 3 IOPS x %s GiB = %s, raised to the minimum of 100 "
                              "IOPS"),
                            size, product);
  if (exact > NIMBUS_GP2_MAX_IOPS)
    return g_strdup_printf (_("gp2 baseline: 3 IOPS x %s GiB = %s, capped at the maximum of 16000 "
                              "IOPS"),
                            size, product);

  return g_strdup_printf (_("gp2 baseline: 3 IOPS x %s GiB = %s IOPS"), size, product);
}

static char *
dup_burst_line (const NimbusEbsIops *r)
{
  g_autofree char *iops = nimbus_calc_format (r->input.iops);
  g_autofree char *baseline = nimbus_calc_format (r->baseline);
  g_autofree char *seconds = nimbus_calc_format (r->burst_seconds);
  g_autofree char *minutes = nimbus_calc_format (round (r->burst_seconds / 6) / 10);

  if (r->meets)
    return g_strdup_printf (_("gp2 at %s IOPS: the baseline covers it, no burst needed"), iops);
  if (!r->bursts)
    return g_strdup_printf (_("gp2 at %s IOPS: above the baseline, and volumes of 1000 GiB or more "
                              "do not burst: gp2 falls short"),
                            iops);
  if (r->input.iops > NIMBUS_GP2_BURST_IOPS)
    return g_strdup_printf (_("gp2 at %s IOPS: above the 3000 IOPS it can burst to; bursting to "
                              "3000, a full bucket of 5400000 I/O credits lasts 5400000 / (3000 - "
                              "%s) = %s seconds (%s minutes), then %s IOPS"),
                            iops, baseline, seconds, minutes, baseline);

  return g_strdup_printf (_("gp2 at %s IOPS: bursts, as volumes under 1000 GiB do; a full bucket "
                            "of 5400000 I/O credits lasts 5400000 / (%s - %s) = %s seconds (%s "
                            "minutes), then %s IOPS"),
                          iops, iops, baseline, seconds, minutes, baseline);
}

static char *
dup_gp3_line (const NimbusEbsIops *r)
{
  g_autofree char *iops = nimbus_calc_format (r->gp3_iops);
  g_autofree char *mibs = nimbus_calc_format (r->gp3_throughput);
  g_autofree char *most = nimbus_calc_format (r->gp3_max_iops);
  g_autofree char *size = nimbus_calc_format (r->input.size);

  if (r->gp3_iops > r->gp3_max_iops)
    return g_strdup_printf (_("gp3: 3000 IOPS and 125 MiB/s included; %s IOPS is more than the %s "
                              "IOPS gp3 gives at %s GiB (500 per GiB, at most 80000)"),
                            iops, most, size);
  if (r->gp3_throughput > NIMBUS_GP3_MAX_MIBS)
    return g_strdup_printf (_("gp3: 3000 IOPS and 125 MiB/s included; %s MiB/s is more than the "
                              "2000 MiB/s a gp3 volume gives"),
                            mibs);

  if (r->gp3_iops > MAX (NIMBUS_GP3_BASELINE_IOPS, r->input.iops))
    return g_strdup_printf (_("gp3: 3000 IOPS and 125 MiB/s included; configure %s IOPS and %s "
                              "MiB/s (%s MiB/s needs %s IOPS, at 0.25 MiB/s per IOPS at most)"),
                            iops, mibs, mibs, iops);

  return g_strdup_printf (_("gp3: 3000 IOPS and 125 MiB/s included; configure %s IOPS and %s "
                            "MiB/s"),
                          iops, mibs);
}

static void
compute_gp3 (NimbusEbsIops *r)
{
  double throughput = isnan (r->input.throughput) ? 0 : r->input.throughput;

  r->gp3_max_iops = MIN (NIMBUS_GP3_MAX_IOPS, MAX (NIMBUS_GP3_BASELINE_IOPS,
                                                  NIMBUS_GP3_MAX_IOPS_PER_GIB * r->input.size));
  r->gp3_throughput = MAX (NIMBUS_GP3_BASELINE_MIBS, throughput);
  /* Throughput needs IOPS: at most 0.25 MiB/s per IOPS. */
  r->gp3_iops = MAX (MAX (NIMBUS_GP3_BASELINE_IOPS, r->input.iops),
                     nimbus_calc_ceil (r->gp3_throughput / NIMBUS_GP3_MAX_MIBS_PER_IOPS));
  r->gp3_fits = r->gp3_iops <= r->gp3_max_iops && r->gp3_throughput <= NIMBUS_GP3_MAX_MIBS;
}

NimbusEbsIops *
nimbus_ebs_iops_compute (const NimbusEbsIopsInput  *input,
                         GError                   **error)
{
  g_autoptr(NimbusEbsIops) r = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *burst = NULL;
  g_autofree char *gp3 = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_input (input, error))
    return NULL;

  r = g_new0 (NimbusEbsIops, 1);
  r->input = *input;
  r->unit = "IOPS";
  r->baseline = CLAMP (NIMBUS_GP2_IOPS_PER_GIB * input->size, NIMBUS_GP2_MIN_IOPS,
                       NIMBUS_GP2_MAX_IOPS);
  r->meets = input->iops <= r->baseline;
  r->bursts = !r->meets && input->size < NIMBUS_GP2_BURST_BELOW_GIB;
  r->burst_iops = MIN (input->iops, r->bursts ? NIMBUS_GP2_BURST_IOPS : r->baseline);
  if (r->bursts)
    r->burst_seconds = NIMBUS_GP2_CREDITS / (r->burst_iops - r->baseline);
  compute_gp3 (r);

  baseline = dup_baseline_line (r);
  burst = dup_burst_line (r);
  gp3 = dup_gp3_line (r);
  r->working = g_strdup_printf ("%s\n%s\n%s", baseline, burst, gp3);

  return g_steal_pointer (&r);
}

void
nimbus_ebs_iops_free (NimbusEbsIops *result)
{
  if (result == NULL)
    return;

  g_free (result->working);
  g_free (result);
}
