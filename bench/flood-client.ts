import { type FloodOptions, unsignedFlood } from '../test/support/slack-requests.js';
import { onParentMessage, tellParent } from './child.js';

/**
 * The flood of the flood bench, in a process of its own: its sockets and writes then cost neither the
 * server's event loop nor that of the bench timing the valid requests.
 */
onParentMessage(async (message) => {
  switch (message.type) {
    case 'flood': {
      const outcome = await unsignedFlood(message.options as FloodOptions);
      await tellParent({ type: 'flooded', outcome });
      break;
    }
    case 'stop':
      await tellParent({ type: 'stopped' });
      process.exit(0);
  }
});
void tellParent({ type: 'ready' });
