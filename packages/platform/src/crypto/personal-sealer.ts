import type { EventPersonalByType, PersonalEventType, SealedPersonal } from '@vetting/contracts';
import { AppError } from '../errors/app-error';
import type { EventEnvelope } from '../kafka/envelope';
import type { EventValidator } from '../kafka/event-validator';
import { isErased, openPersonalBlock, personOfKid, sealPersonalBlock } from './personal-block';
import type { PersonKeySource } from './person-keys';

export type { EventPersonalByType, PersonalEventType } from '@vetting/contracts';

/**
 * Seals and opens the personal block (`data.personal`) of events: the only place personal data travels
 * through Kafka. The block is sealed under the person's key (see docs/ARCHITECTURE.md, Sealed personal
 * data in events), so destroying that key erases every copy in topics, DLQs and backups.
 */
export interface PersonalSealer {
  /** Seals an event's personal block for `personId` (checked against the type's `x-personal` first). */
  seal<T extends PersonalEventType>(type: T, personId: string, personal: EventPersonalByType[T]): Promise<SealedPersonal>;
  /** The event with `data.personal` sealed from `personal`, for the event's subject (or `personId`). */
  sealEvent<T extends PersonalEventType>(event: EventEnvelope, personal: EventPersonalByType[T], personId?: string): Promise<EventEnvelope>;
  /** The opened block, undefined when the event has none; throws CRYPTO.ERASED (410) once the person is erased. */
  open<T extends PersonalEventType>(event: EventEnvelope): Promise<EventPersonalByType[T] | undefined>;
  /** Like `open`, but an erased person is `{ erased: true }` rather than an error. */
  openOrErased<T extends PersonalEventType>(event: EventEnvelope): Promise<{ personal?: EventPersonalByType[T]; erased?: true }>;
  /**
   * `sealEvent` with a key already in hand (synchronous: inside an aggregate's decide function, after
   * the caller got the key from `keys.key(personId)`).
   */
  sealEventWithKey<T extends PersonalEventType>(
    key: Buffer,
    event: EventEnvelope,
    personal: EventPersonalByType[T],
    personId?: string,
  ): EventEnvelope;
  /** Seals any JSON value at rest under a person's key, bound to `context` (a store's field name). */
  sealValue(context: string, personId: string, value: unknown): Promise<SealedPersonal>;
  /** Opens what `sealValue` sealed; throws CRYPTO.ERASED once the person is erased. */
  openValue<V>(context: string, block: SealedPersonal): Promise<V>;
}

const noSource = () =>
  new AppError('CRYPTO.NO_PERSON_KEYS', 'This service has no person-key source (PERSON_KEYS_URL and SERVICE_KEYS_DIR)');

export function createPersonalSealer(deps: {
  keys?: PersonKeySource;
  validator: Pick<EventValidator, 'assertValidPersonal'>;
}): PersonalSealer {
  const keyOf = (personId: string) => {
    if (!deps.keys) throw noSource();
    return deps.keys.key(personId);
  };
  const sealer: PersonalSealer = {
    async seal(type, personId, personal) {
      deps.validator.assertValidPersonal(type, personal);
      return sealPersonalBlock(await keyOf(personId), type, personId, personal);
    },
    async sealEvent(event, personal, personId) {
      const block = await sealer.seal(event.type as PersonalEventType, personId ?? event.subject, personal as never);
      return { ...event, data: { ...event.data, personal: block } };
    },
    async open<T extends PersonalEventType>(event: EventEnvelope) {
      const block = event.data.personal as SealedPersonal | undefined;
      if (!block) return undefined;
      const value = openPersonalBlock(await keyOf(personOfKid(block.kid)), event.type, block);
      deps.validator.assertValidPersonal(event.type, value);
      return value as EventPersonalByType[T];
    },
    async openOrErased<T extends PersonalEventType>(event: EventEnvelope) {
      try {
        const personal = await sealer.open<T>(event);
        return personal ? { personal } : {};
      } catch (error) {
        if (isErased(error)) return { erased: true as const };
        throw error;
      }
    },
    sealEventWithKey(key, event, personal, personId) {
      deps.validator.assertValidPersonal(event.type, personal);
      return { ...event, data: { ...event.data, personal: sealPersonalBlock(key, event.type, personId ?? event.subject, personal) } };
    },
    async sealValue(context, personId, value) {
      return sealPersonalBlock(await keyOf(personId), context, personId, value);
    },
    async openValue<V>(context: string, block: SealedPersonal) {
      return openPersonalBlock(await keyOf(personOfKid(block.kid)), context, block) as V;
    },
  };
  return sealer;
}
