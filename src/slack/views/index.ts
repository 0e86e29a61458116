/** Pure Block Kit builders: data in, `{ text, blocks }` out; no I/O. */
export * from './benefits.view.js';
export * from './blocks.js';
export * from './contacts.view.js';
export * from './context.js';
export * from './escape.js';
export * from './help.view.js';
export * from './history.view.js';
export * from './list.view.js';
export * from './lookup.view.js';
export * from './obligations.view.js';
export * from './program.view.js';
export * from './refusal.view.js';
export * from './status.view.js';
export * from './tier.view.js';
export * from './zen.view.js';
