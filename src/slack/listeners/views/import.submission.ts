import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import { plural } from '../../../i18n/format.js';
import { importExportMessages } from '../../../i18n/import-export.js';
import type { Locale } from '../../../program/locales.js';
import { identifyActor, isAdmin } from '../../../services/actor.service.js';
import { isImportKind } from '../../../services/import.service.js';
import {
  commitSlackImport,
  fileDigest,
  previewSlackImport,
  type SlackImportOutcome,
  type UploadedFile,
} from '../../../services/slack-import.service.js';
import { downloadSlackFile, SlackFileError, sendFileByDm } from '../../files.js';
import {
  decodeValue,
  IMPORT_CALLBACK_IDS,
  IMPORT_FIELDS,
  type ImportMetadata,
  importMetadata,
} from '../../ids.js';
import { MAX_IMPORT_BYTES } from '../../partner-command/import.subcommand.js';
import { type ViewContext, viewContext } from '../../views/context.js';
import { code } from '../../views/escape.js';
import {
  formatSize,
  importDoneModal,
  importMessageModal,
  importPreviewModal,
  importProgressModal,
  importRefusedModal,
} from '../../views/import-modal.view.js';
import type { ListenerDeps } from '../deps.js';
import type { ListenerApp } from '../routes.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A progress line is shown only once the work has taken this long, and then at most this often. */
export const PROGRESS_AFTER_MS = 1_000;

/**
 * The import modal's two submissions. Slack wants the answer to a view_submission within 3 s, and a
 * file may take longer to download and check: each acks at once with `response_action: update` to a
 * "Reading the file…" view, then does the work and shows the outcome with views.update on the same view
 * id (https://docs.slack.dev/surfaces/modals#updating_response).
 */
export function registerImportSubmissions(app: ListenerApp, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(IMPORT_CALLBACK_IDS.upload, uploadSubmission(deps));
  app.view<ViewSubmitAction>(IMPORT_CALLBACK_IDS.preview, importSubmission(deps));
}

interface Job {
  client: webApi.WebClient;
  viewId: string;
  userId: string;
  locale: Locale;
  logger: SubmitArgs['logger'];
}

/** views.update of the modal being worked on; a failure is logged (the user may have closed it). */
function show(job: Job, view: webApi.View): Promise<void> {
  return job.client.views
    .update({ view_id: job.viewId, view })
    .then(() => undefined)
    .catch((error: unknown) => job.logger.warn(`import: could not update the modal: ${String(error)}`));
}

/** While a step goes on, the progress view is shown again this often, with the time so far. */
const PROGRESS_EVERY_MS = 3_000;

interface Progress {
  /** The step now under way (shown at once if the work already took a while). */
  step(text: string): Promise<void>;
  /** No more progress views; resolves once the last one is out, so the outcome comes after it. */
  stop(): Promise<void>;
}

/**
 * The progress view, shown only once the work has taken PROGRESS_AFTER_MS (never for a small file), then
 * every PROGRESS_EVERY_MS with the seconds so far, whatever step is slow (download, check, import).
 */
function progress(job: Job, fileName: string): Progress {
  const started = Date.now();
  let current = '';
  let shownAt = 0;
  let stopped = false;
  let pending: Promise<void> = Promise.resolve();
  const render = () => {
    shownAt = Date.now();
    const seconds = Math.round((shownAt - started) / 1000);
    const view = importProgressModal({ locale: job.locale }, fileName, current, seconds);
    pending = pending.then(() => (stopped ? undefined : show(job, view)));
    return pending;
  };
  const timer = setInterval(() => {
    const now = Date.now();
    if (current && now - started >= PROGRESS_AFTER_MS && now - shownAt >= PROGRESS_EVERY_MS) void render();
  }, PROGRESS_AFTER_MS);
  timer.unref();
  return {
    async step(text) {
      current = text;
      const now = Date.now();
      if (now - started >= PROGRESS_AFTER_MS && now - shownAt >= PROGRESS_AFTER_MS) await render();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await pending;
    },
  };
}

/**
 * The admin check, again on each submission (the modal may outlive the role): anyone else, or a database
 * that does not answer, gets the modal replaced by the refusal or the failure, and false.
 */
async function admitted(
  deps: ListenerDeps,
  ack: SubmitArgs['ack'],
  ctx: ViewContext,
  userId: string,
): Promise<boolean> {
  let text: string;
  try {
    if (isAdmin(await identifyActor(deps.db, userId))) return true;
    text = importExportMessages[ctx.locale].adminOnly(code('/partner import'));
  } catch (error) {
    text = failureText(deps, ctx.locale, error);
  }
  await ack({ response_action: 'update', view: importMessageModal(ctx, [text]) });
  return false;
}

async function download(deps: ListenerDeps, job: Job, fileId: string, progress: Progress) {
  const m = importExportMessages[job.locale];
  const file = await downloadSlackFile(job.client, fileId, {
    token: deps.config.SLACK_BOT_TOKEN ?? '',
    maxBytes: MAX_IMPORT_BYTES,
    trustedOrigins: deps.config.SLACK_API_URL ? [new URL(deps.config.SLACK_API_URL).origin] : [],
    onSize: (size) => progress.step(m.progress.downloading(formatSize(size, job.locale))),
  });
  const uploaded: UploadedFile = {
    bytes: file.bytes,
    name: file.name,
    slackFileId: fileId,
    uploadedBy: file.user,
  };
  return uploaded;
}

/** The rejected lines by DM; whether they were sent. */
async function sendRejectedLines(
  deps: ListenerDeps,
  job: Job,
  outcome: SlackImportOutcome,
  fileName: string,
): Promise<boolean> {
  if (outcome.kind !== 'rejected' || !outcome.rejectedLines) return false;
  const m = importExportMessages[job.locale];
  const base = fileName.replace(/\.[^.]*$/, '') || 'import';
  try {
    await sendFileByDm(job.client, job.userId, {
      filename: `${base}-errors.csv`,
      title: `${base}-errors.csv`,
      bytes: outcome.rejectedLines.csv,
      comment: m.rejected.dmComment(
        code(fileName),
        plural(outcome.rejection.issueCount, m.rejected.errors, job.locale),
      ),
    });
    return true;
  } catch (error) {
    deps.logger.error('import: could not send the rejected lines', error);
    return false;
  }
}

/** What went wrong with the file or Slack, in words; anything else is logged and "unavailable". */
function failureText(deps: ListenerDeps, locale: Locale, error: unknown): string {
  const m = importExportMessages[locale];
  if (error instanceof SlackFileError) {
    if (error.problem === 'too_large')
      return m.failures.tooLarge(formatSize(error.size ?? 0, locale), formatSize(MAX_IMPORT_BYTES, locale));
    return m.failures.unreadable;
  }
  deps.logger.error('import from Slack failed', error);
  return m.failures.unavailable;
}

/** "Check the file": download it with the bot token, check it in full in a dry run, show the preview. */
function uploadSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, client, logger }: SubmitArgs) => {
    const userId = body.user.id;
    const values = view.state.values;
    const kind = values[IMPORT_FIELDS.kind]?.[IMPORT_FIELDS.kind]?.selected_option?.value;
    const fileId = values[IMPORT_FIELDS.file]?.[IMPORT_FIELDS.file]?.files?.[0]?.id;
    const locale = await deps.locales(client, userId);
    const m = importExportMessages[locale];
    if (!isImportKind(kind))
      return void (await ack({
        response_action: 'errors',
        errors: { [IMPORT_FIELDS.kind]: m.failures.noKind },
      }));
    if (!fileId)
      return void (await ack({
        response_action: 'errors',
        errors: { [IMPORT_FIELDS.file]: m.failures.noFile },
      }));
    const submittedName = values[IMPORT_FIELDS.file]?.[IMPORT_FIELDS.file]?.files?.[0]?.name ?? fileId;
    const ctx = viewContext(deps.catalog, locale, deps.today());
    if (!(await admitted(deps, ack, ctx, userId))) return;
    await ack({
      response_action: 'update',
      view: importProgressModal(ctx, submittedName, m.progress.checking),
    });

    const job: Job = { client, viewId: view.id, userId, locale, logger };
    const steps = progress(job, submittedName);
    let outcomeView: webApi.View;
    try {
      const file = await download(deps, job, fileId, steps);
      await steps.step(m.progress.checking);
      const input = { kind, file, actor: userId, today: ctx.today, locale };
      const outcome = await previewSlackImport(deps.db, deps.catalog, input);
      const metadata: ImportMetadata = { k: kind, f: fileId, h: outcome.digest, n: file.name.slice(0, 200) };
      const errorFileSent = await sendRejectedLines(deps, job, outcome, file.name);
      outcomeView = importPreviewModal(ctx, outcome, { name: file.name, metadata, errorFileSent });
    } catch (error) {
      outcomeView = importMessageModal(ctx, [failureText(deps, locale, error)]);
    }
    await steps.stop();
    await show(job, outcomeView);
  };
}

/**
 * "Import": the file is downloaded again and must be the very bytes previewed (else nothing is written and
 * the admin previews it again); the import checks it in full once more and writes it all or nothing.
 */
function importSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, client, logger }: SubmitArgs) => {
    const userId = body.user.id;
    const locale = await deps.locales(client, userId);
    const m = importExportMessages[locale];
    const ctx = viewContext(deps.catalog, locale, deps.today());
    const meta = decodeValue(importMetadata, view.private_metadata);
    if (!meta)
      return void (await ack({
        response_action: 'update',
        view: importMessageModal(ctx, [m.failures.stale]),
      }));
    if (!(await admitted(deps, ack, ctx, userId))) return;
    await ack({ response_action: 'update', view: importProgressModal(ctx, meta.n, m.progress.committing) });

    const job: Job = { client, viewId: view.id, userId, locale, logger };
    const steps = progress(job, meta.n);
    let outcomeView: webApi.View;
    try {
      outcomeView = await commitPreviewed(deps, job, steps, meta, ctx);
    } catch (error) {
      outcomeView = importMessageModal(ctx, [failureText(deps, locale, error)]);
    }
    await steps.stop();
    await show(job, outcomeView);
  };
}

/** Downloads the previewed file again and imports it if it is the same bytes; the view to show after. */
async function commitPreviewed(
  deps: ListenerDeps,
  job: Job,
  steps: Progress,
  meta: ImportMetadata,
  ctx: ViewContext,
): Promise<webApi.View> {
  const m = importExportMessages[job.locale];
  const file = await download(deps, job, meta.f, steps);
  if (fileDigest(file.bytes) !== meta.h) return importMessageModal(ctx, [m.failures.changed]);
  await steps.step(m.progress.committing);
  const input = { kind: meta.k, file, actor: job.userId, today: ctx.today, locale: job.locale };
  const outcome = await commitSlackImport(deps.db, deps.catalog, input);
  if (outcome.kind === 'valid') return importDoneModal(ctx, outcome.report, file.name);
  const errorFileSent = await sendRejectedLines(deps, job, outcome, file.name);
  return importRefusedModal(ctx, outcome, errorFileSent);
}
