/** The `/partner` command, independent of Bolt: the listener, the console and `ask` all call it. */
export { withDeadline } from './deadline.js';
export { handlePartnerCommand, mayRun } from './handle.js';
export { parseListArgs } from './list.js';
export { cleanCommandText, parseCommandText } from './parse.js';
export { findSubcommand, partnerSubcommand, READ_SUBCOMMANDS, SUBCOMMANDS } from './subcommands.js';
export type * from './types.js';
