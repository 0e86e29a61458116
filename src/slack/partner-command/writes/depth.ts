/** The program's depth (issue 14): objectives, forecasts, plan reviews, benefits used, fees, Experts Zen. */
import type { Subcommand } from '../types.js';
import { feesSubcommand } from './fees.subcommand.js';
import { forecastSubcommand } from './forecast.subcommand.js';
import { objectiveSubcommand } from './objective.subcommand.js';
import { reviewSubcommand } from './review.subcommand.js';
import { useSubcommand } from './use.subcommand.js';
import { expertsSubcommand } from './zen-directory.subcommand.js';

export const DEPTH_SUBCOMMANDS: readonly Subcommand[] = [
  objectiveSubcommand,
  forecastSubcommand,
  reviewSubcommand,
  useSubcommand,
  feesSubcommand,
  expertsSubcommand,
];
