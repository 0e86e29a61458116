import type { ViewSubmitAction } from '@slack/bolt';
import { MODAL_CALLBACK_IDS } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import type { ListenerApp } from '../routes.js';
import { registerDepthSubmissions } from './depth.submission.js';
import { evaluationOverrideSubmission } from './evaluation-override.submission.js';
import { registerImportSubmissions } from './import.submission.js';
import { registerWriteSubmissions } from './write.submission.js';

/** Every view_submission listener, one file each (`<name>.submission.ts` exporting a handler factory). */
export function registerViews(app: ListenerApp, deps: ListenerDeps): void {
  // Write side: the revenue, mark-done and override forms.
  registerWriteSubmissions(app, deps);
  // The program's depth: the benefit used, operator fees and Experts Zen listing forms.
  registerDepthSubmissions(app, deps);
  // The evaluation preview's Override modal.
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.evaluationOverride, evaluationOverrideSubmission(deps));
  // `/partner import`: the file's check and preview, then "Import".
  registerImportSubmissions(app, deps);
}
