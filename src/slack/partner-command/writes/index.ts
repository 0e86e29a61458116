/** The write side of /partner: each subcommand in its own file, listed here in help order. */
import type { Subcommand } from '../types.js';
import { confirmSubcommand } from './confirm.subcommand.js';
import { doneSubcommand } from './done.subcommand.js';
import { leaveSubcommand } from './leave.subcommand.js';
import { overrideSubcommand } from './override.subcommand.js';
import { rejoinSubcommand } from './rejoin.subcommand.js';
import { revenueSubcommand } from './revenue.subcommand.js';
import { trainingSubcommand } from './training.subcommand.js';

export const WRITE_SUBCOMMANDS: readonly Subcommand[] = [
  revenueSubcommand,
  trainingSubcommand,
  doneSubcommand,
  overrideSubcommand,
  confirmSubcommand,
  leaveSubcommand,
  rejoinSubcommand,
];
