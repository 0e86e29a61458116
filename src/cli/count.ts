import { plural } from '../i18n/format.js';

/** "1 message", "2 messages": the command line speaks English. */
export const count = (n: number, noun: string) =>
  plural(n, { one: `{n} ${noun}`, other: `{n} ${noun}s` }, 'en');
