export {
  createDeliveryClient,
  type DeliveryClient,
  isUserId,
  OUTBOX_EVENT_TYPE,
} from './delivery-client.js';
export {
  createDispatcher,
  DEFAULT_DISPATCHER_LIMITS,
  type DeliveryOutcome,
  type Dispatcher,
  type DispatcherLimits,
  type DispatcherOptions,
  type MayPost,
  type StartDispatcherOptions,
  startDispatcher,
} from './dispatcher.js';
export { enqueue, type OutboxMessage } from './enqueue.js';
