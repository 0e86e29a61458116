import { describe, expect, it } from 'vitest';
import { ACTION_IDS, decodeValue, obligationItemValue } from '../../src/slack/ids.js';
import type { View } from '../../src/slack/views/blocks.js';
import { viewContext } from '../../src/slack/views/context.js';
import { obligationsView } from '../../src/slack/views/obligations.view.js';
import { catalog, crowdedRecord, expectWithinLimits, statusOf, TODAY } from './views.fixtures.js';

const en = viewContext(catalog, 'en', TODAY);

type Section = {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; value: string; text: { text: string } };
};

/** Each item line, with the button of the section it ends, if any. */
function rows(view: View) {
  return (view.blocks as Section[])
    .filter((b) => b.type === 'section' && b.text)
    .flatMap((b) =>
      b.text!.text.split('\n').map((line, i, all) => ({
        line,
        button: i === all.length - 1 ? b.accessory : undefined,
      })),
    )
    .filter((r) => r.line.startsWith('•'));
}

describe('the buttons of /partner obligations', () => {
  it('gives staff one per item, in a section of its own, each naming the item it is on', () => {
    const view = obligationsView(en, statusOf(crowdedRecord(10)), { staff: true });
    expectWithinLimits(view);
    const withButtons = rows(view).filter((r) => r.button);
    expect(withButtons.length).toBeGreaterThan(10);
    for (const { line, button } of withButtons) {
      expect(button!.action_id).toBe(ACTION_IDS.obligationDone);
      const value = decodeValue(obligationItemValue, button!.value)!;
      expect(value.p).toBe('crowd');
      expect(line).toContain(`\`${value.o}\``);
      // A contact's training names the contact; the partner's own items none.
      if (value.c !== null) expect(line).toContain(`<@U0CROWD${String(value.c - 1).padStart(4, '0')}>`);
    }
  });

  it('keeps within one message for a crowded partner: items past the budget are listed without a button', () => {
    const view = obligationsView(en, statusOf(crowdedRecord(1200, 120)), { staff: true });
    expectWithinLimits(view);
    const all = rows(view);
    expect(all.some((r) => r.button)).toBe(true);
    expect(all.some((r) => !r.button)).toBe(true);
    expect(JSON.stringify(view.blocks)).toMatch(/… and [\d,]+ more/);
  });

  it('gives a contact a button on its own trainings and the partner’s, none on others’ or on checklist items', () => {
    const view = obligationsView(en, statusOf(crowdedRecord(6)), { staff: false, contactId: 1 });
    expectWithinLimits(view);
    const all = rows(view);
    const own = all.filter((r) => r.button);
    expect(own.length).toBeGreaterThan(0);
    for (const { line, button } of own) {
      expect(button!.text.text).toBe('I’ve done it');
      expect(line).toMatch(/`trn-/);
      const value = decodeValue(obligationItemValue, button!.value)!;
      expect(value.c === null || value.c === 1).toBe(true);
    }
    expect(all.filter((r) => r.line.includes('<@U0CROWD0001>')).every((r) => !r.button)).toBe(true);
    expect(obligationsView(en, statusOf(crowdedRecord(6))).blocks.some((b) => (b as Section).accessory)).toBe(
      false,
    );
  });
});
