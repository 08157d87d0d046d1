/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-calc.h"

G_BEGIN_DECLS

/* General Purpose SSD figures (data/kb/ebs.json, "gp2-performance" and "gp3"). */
#define NIMBUS_GP2_IOPS_PER_GIB 3.0
#define NIMBUS_GP2_MIN_IOPS 100.0
#define NIMBUS_GP2_MAX_IOPS 16000.0
#define NIMBUS_GP2_BURST_IOPS 3000.0
#define NIMBUS_GP2_BURST_BELOW_GIB 1000.0     /* only smaller volumes burst */
#define NIMBUS_GP2_CREDITS 5.4e6              /* I/O credits in a full bucket */
#define NIMBUS_GP2_MAX_GIB 16384.0            /* 16 TiB */
#define NIMBUS_GP3_BASELINE_IOPS 3000.0
#define NIMBUS_GP3_BASELINE_MIBS 125.0
#define NIMBUS_GP3_MAX_IOPS 80000.0           /* 16,000 before September 2025 */
#define NIMBUS_GP3_MAX_IOPS_PER_GIB 500.0
#define NIMBUS_GP3_MAX_MIBS 2000.0            /* 1,000 before September 2025 */
#define NIMBUS_GP3_MAX_MIBS_PER_IOPS 0.25
#define NIMBUS_EBS_MAX_IOPS 256000.0          /* io2 Block Express, the most of any volume */
#define NIMBUS_EBS_MAX_MIBS 4000.0            /* io2 Block Express */

typedef struct
{
  double size;               /* GiB; NAN until given */
  double iops;               /* IOPS the workload demands; NAN until given */
  double throughput;         /* MiB/s the workload demands; NAN for no demand */
} NimbusEbsIopsInput;

typedef struct
{
  NimbusEbsIopsInput input;
  double baseline;           /* the result: gp2 baseline IOPS, 3 per GiB within 100-16,000 */
  gboolean meets;            /* gp2's baseline covers the demand */
  gboolean bursts;           /* gp2 spends credits to meet (part of) the demand */
  double burst_iops;         /* what gp2 gives while its credits last */
  double burst_seconds;      /* how long a full bucket lasts at burst_iops; 0 without a burst */
  double gp3_iops;           /* IOPS to configure on gp3 (3,000 included) */
  double gp3_throughput;     /* MiB/s to configure on gp3 (125 included) */
  double gp3_max_iops;       /* the most gp3 gives at this size */
  gboolean gp3_fits;
  const char *unit;          /* "IOPS" */
  char *working;
} NimbusEbsIops;

const NimbusCalcParam *nimbus_ebs_iops_params     (guint                    *n_params);
void                   nimbus_ebs_iops_input_init (NimbusEbsIopsInput       *input);
gboolean               nimbus_ebs_iops_parse      (NimbusEbsIopsInput       *input,
                                                   const char               *name,
                                                   const char               *text,
                                                   GError                  **error);
NimbusEbsIops         *nimbus_ebs_iops_compute    (const NimbusEbsIopsInput *input,
                                                   GError                  **error);
void                   nimbus_ebs_iops_free       (NimbusEbsIops            *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusEbsIops, nimbus_ebs_iops_free)

G_END_DECLS
