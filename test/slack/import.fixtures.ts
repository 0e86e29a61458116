import { expect } from 'vitest';
import { IMPORT_CALLBACK_IDS, IMPORT_FIELDS } from '../../src/slack/ids.js';
import type { HostedFile, RecordedCall } from '../support/fake-slack.js';
import { viewSubmission } from '../support/slack-requests.js';
import { allText, select, spaces, USERS, type WritesHarness } from './writes.fixtures.js';

export type ModalBody = {
  callback_id: string;
  private_metadata?: string;
  submit?: { text: string };
  close?: { text: string };
  blocks: { type: string; block_id?: string; element?: Record<string, unknown>; text?: { text: string } }[];
};

/** All the text of a modal (allText of its blocks); no-break spaces as plain ones unless `raw`. */
export function modalText(view: ModalBody, options: { raw?: boolean } = {}): string {
  const text = allText({ blocks: view.blocks });
  return options.raw ? text : spaces(text);
}

/**
 * Drives `/partner import` as Slack would after the modal opened: a submission of the kind and file, then
 * (optionally) "Import" on the preview. Each waits for the listener to finish and returns the last view
 * it showed (views.update) and the ack.
 */
export function importFlow(h: WritesHarness) {
  const views = () => h.app.fakeSlack.callsTo('views.update');
  const lastView = (): ModalBody => {
    const calls: RecordedCall[] = views();
    expect(calls.length).toBeGreaterThan(0);
    return calls.at(-1)!.body.view as ModalBody;
  };
  async function submitFile(
    kind: string,
    file: Pick<HostedFile, 'id' | 'name'>,
    userId: string = USERS.admin,
  ) {
    const viewId = `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const response = await h.app.send(
      viewSubmission({
        callbackId: IMPORT_CALLBACK_IDS.upload,
        userId,
        viewId,
        values: {
          [IMPORT_FIELDS.kind]: { [IMPORT_FIELDS.kind]: select(kind) },
          [IMPORT_FIELDS.file]: {
            [IMPORT_FIELDS.file]: { type: 'file_input', files: [{ id: file.id, name: file.name }] },
          },
        },
      }),
    );
    expect(response.status).toBe(200);
    const ack = response.json() as {
      response_action?: string;
      view?: ModalBody;
      errors?: Record<string, string>;
    };
    await h.app.settle(20_000);
    return { ack, viewId };
  }
  async function preview(kind: string, file: Pick<HostedFile, 'id' | 'name'>, userId: string = USERS.admin) {
    const { ack, viewId } = await submitFile(kind, file, userId);
    expect(ack.response_action).toBe('update');
    const view = lastView();
    expect(views().at(-1)!.body.view_id).toBe(viewId);
    return view;
  }
  async function confirm(previewView: ModalBody, userId: string = USERS.admin) {
    const response = await h.app.send(
      viewSubmission({
        callbackId: IMPORT_CALLBACK_IDS.preview,
        userId,
        privateMetadata: previewView.private_metadata ?? '',
      }),
    );
    expect(response.status).toBe(200);
    const ack = response.json() as { response_action?: string; view?: ModalBody };
    await h.app.settle(20_000);
    return { ack, view: lastView() };
  }
  return { submitFile, preview, confirm, lastView };
}
