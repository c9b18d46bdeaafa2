import { describe, expect, it } from 'vitest';
import { createEvent } from '../kafka/envelope';
import { composeUpdate, onlyOnce, recordHandled, withOutbox } from './update-builder';

describe('update builder', () => {
  const event = createEvent('test', { type: 'candidate.withdrawn', subject: 'c1', data: {} });

  it('when events are added, then the same update pushes them, flags the outbox and bumps its revision', () => {
    const update = withOutbox({ $set: { status: 'withdrawn' } }, [event]);
    expect(update).toEqual({
      $set: { status: 'withdrawn', outboxPending: true },
      $push: { outbox: { $each: [event] } },
      $inc: { outboxRev: 1 },
    });
  });

  it('when no events are added, then the update is unchanged', () => {
    expect(withOutbox({ $set: { a: 1 } }, [])).toEqual({ $set: { a: 1 } });
  });

  it('when an effect is recorded once, then the filter excludes documents that already handled the event', () => {
    expect(onlyOnce({ _id: 'c1' }, 'e1')).toEqual({ _id: 'c1', handledEvents: { $ne: 'e1' } });
    expect(recordHandled(withOutbox({ $set: { a: 1 } }, [event]), 'e1').$push).toEqual({
      outbox: { $each: [event] },
      handledEvents: 'e1',
    });
  });

  it('when updates share an operator, then their fields merge', () => {
    expect(composeUpdate({ $set: { a: 1 } }, { $set: { b: 2 }, $inc: { n: 1 } })).toEqual({ $set: { a: 1, b: 2 }, $inc: { n: 1 } });
  });
});
