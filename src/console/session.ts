import type { types } from '@slack/bolt';
import { consoleMessages } from '../i18n/index.js';
import type { Locale } from '../program/catalog.schema.js';
import type { ConsoleApp, PressableButton } from './console-app.js';
import type { OpenedModal, PostedMessage } from './local-slack.js';
import { answerField, type FormField, fieldQuestion, formFields, stateValues } from './modal-form.js';
import { mrkdwnToText, type RenderedButton, renderBlocks } from './render-text.js';

interface Form {
  modal: OpenedModal;
  fields: FormField[];
  /** Indexes of the fields still to ask, in order. */
  queue: number[];
  states: Map<string, Record<string, unknown> | undefined>;
}

export interface SessionState {
  user: string;
  channel: string | undefined;
  locale: Locale;
  names: ReadonlyMap<string, string>;
}

/**
 * What the console shows and asks, apart from the terminal: messages the app sends (numbering their
 * buttons), buttons pressed by number, modals asked field by field and submitted. `print` is given
 * whole blocks of text; the terminal decides how to show them around the prompt.
 */
export class ConsoleSession {
  private buttons = new Map<number, PressableButton>();
  private nextNumber = 1;
  private form: Form | undefined;

  constructor(
    private readonly app: () => ConsoleApp,
    private readonly state: SessionState,
    private readonly print: (text: string) => void,
  ) {}

  private get say() {
    return consoleMessages[this.state.locale];
  }

  /** Whether a modal is being filled in (its field's question is the prompt). */
  get filling(): boolean {
    return this.form !== undefined;
  }

  /** The prompt: who asks where, or the field being asked. */
  prompt(): string {
    const form = this.form;
    if (form?.queue.length) {
      const question = fieldQuestion(form.fields[form.queue[0]!]!, this.say.field);
      return question.slice(question.lastIndexOf('\n') + 1);
    }
    const { user, channel, names } = this.state;
    const who = names.get(user) ? `${names.get(user)} (${user})` : user;
    return this.say.prompt(who, channel);
  }

  /** The number typed is a button shown. */
  isButton(line: string): boolean {
    return /^\d+$/.test(line.trim()) && this.buttons.has(Number(line.trim()));
  }

  /** A message the app sent: shown, its buttons numbered after those already shown. */
  showMessage(message: PostedMessage): void {
    const { names } = this.state;
    const title = this.messageTitle(message);
    const blocks = (message.blocks ?? []) as types.AnyBlock[];
    const body = blocks.length
      ? renderBlocks(blocks, {
          names,
          number: (button, blockId) => this.register(button, blockId, message),
        })
      : mrkdwnToText(message.text, { names });
    this.print(title ? `${title}\n${body}` : body);
  }

  private messageTitle(message: PostedMessage): string | undefined {
    const { names } = this.state;
    const to = (id: string) => (names.get(id) ? `@${names.get(id)}` : /^[UW]/.test(id) ? `@${id}` : `#${id}`);
    if (message.via === 'outbox' || message.via === 'post')
      return `── message to ${message.channel ? to(message.channel) : 'you'} ──`;
    if (message.inChannel)
      return `── posted for everyone in ${message.channel ? to(message.channel) : 'the channel'} ──`;
    if (message.replaces) return '── (updated) ──';
    return undefined;
  }

  private register(button: RenderedButton, blockId: string | undefined, message: PostedMessage): number {
    const n = this.nextNumber++;
    this.buttons.set(n, {
      actionId: button.action_id,
      value: button.value,
      blockId,
      label: button.text.text,
      message: { channel: message.channel, ts: message.ts, text: message.text, blocks: message.blocks ?? [] },
    });
    return n;
  }

  /** A new command's reply numbers its buttons from 1 again; older numbers are forgotten. */
  resetButtons(): void {
    this.buttons.clear();
    this.nextNumber = 1;
  }

  /** Presses the button shown with this number, as the current user. */
  async press(line: string): Promise<void> {
    const button = this.buttons.get(Number(line.trim()));
    if (!button) return;
    await this.app().press(this.state.user, button);
  }

  /** The app opened (or replaced) a modal: its text is shown, then its inputs asked one by one. */
  openModal(modal: OpenedModal): void {
    const view = modal.view as { title?: { text?: string }; blocks?: types.AnyBlock[] };
    const fields = formFields(view);
    const shown = (view.blocks ?? []).filter((b) => b.type !== 'input');
    const text = [
      this.say.formTitle(view.title?.text ?? ''),
      ...(shown.length ? [renderBlocks(shown, { names: this.state.names })] : []),
    ];
    this.print(text.join('\n'));
    this.form = { modal, fields, queue: fields.map((_, i) => i), states: new Map() };
    this.askNext();
  }

  private askNext(): void {
    const form = this.form;
    if (!form?.queue.length) return;
    const question = fieldQuestion(form.fields[form.queue[0]!]!, this.say.field);
    const options = question.slice(0, Math.max(0, question.lastIndexOf('\n')));
    if (options) this.print(options);
  }

  /** Closes the form being filled in, submitting nothing. */
  cancelForm(): void {
    if (!this.form) return;
    this.form = undefined;
    this.print(this.say.formClosed);
  }

  /** An answer to the field asked; the form is submitted once every field has one. */
  async answer(line: string): Promise<void> {
    const form = this.form;
    if (!form) return;
    if ([this.say.cancelWord, 'cancel'].includes(line.trim().toLowerCase())) return this.cancelForm();
    const field = form.fields[form.queue[0]!]!;
    const answer = answerField(field, line, this.state.names, this.say.field);
    if ('error' in answer) {
      this.print(answer.error);
      this.askNext();
      return;
    }
    form.states.set(field.blockId, answer.state);
    form.queue.shift();
    if (form.queue.length) return this.askNext();
    await this.submit(form);
  }

  private async submit(form: Form): Promise<void> {
    const acked = (await this.app().submit(
      this.state.user,
      form.modal,
      stateValues(form.fields, form.states),
    )) as
      | { response_action?: string; errors?: Record<string, string>; view?: Record<string, unknown> }
      | undefined;
    if (this.form !== form) return; // the submission opened another form
    if (acked?.response_action === 'errors' && acked.errors) {
      const wrong = form.fields.flatMap((f, i) => (acked.errors![f.blockId] ? [i] : []));
      this.print(
        form.fields
          .filter((f) => acked.errors![f.blockId])
          .map((f) => this.say.field.error(f.label, acked.errors![f.blockId]!))
          .join('\n'),
      );
      form.queue = wrong.length ? wrong : form.fields.map((_, i) => i);
      this.askNext();
      return;
    }
    if ((acked?.response_action === 'update' || acked?.response_action === 'push') && acked.view) {
      this.openModal({ id: form.modal.id, view: acked.view });
      return;
    }
    this.form = undefined;
  }
}
