/** The /partner subcommands the manifest advertises (`aide` and other aliases are not listed there). */
export const PARTNER_SUBCOMMANDS = [
  'help',
  'tier',
  'benefits',
  'obligations',
  'trainings',
  'contacts',
  'status',
  'zen',
  'program',
  'list',
  'history',
];
