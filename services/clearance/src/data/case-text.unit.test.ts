import { createEvent, type EventEnvelope, type PersonalSealer } from '@vetting/platform';
import { describe, expect, it } from 'vitest';
import { sealEventTexts } from './case-text';

const decided = (): EventEnvelope =>
  createEvent('clearance', {
    type: 'clearance.decided',
    subject: 'c-1',
    data: { candidateId: 'c-1', outcome: 'not-cleared', kind: 'adjudicated', reasons: ['the employer’s account is credible'] },
  });

const sealer: Pick<PersonalSealer, 'sealEventWithKey'> = {
  sealEventWithKey: (_key, event, personal) => ({ ...event, data: { ...event.data, personal: JSON.stringify(personal) } }),
};

describe('sealing the written text of clearance events', () => {
  it('when the person has a key, then a refusal’s reasons leave the clear data and go into the sealed block', () => {
    const [event] = sealEventTexts([decided()], Buffer.alloc(32), sealer);
    expect(event!.data).toMatchObject({ reasons: [], personal: expect.stringContaining('credible') });
  });

  it('when the person is erased (no key), then the reasons are dropped and nothing fails', () => {
    const [event] = sealEventTexts([decided()], undefined, sealer);
    expect(event!.data).toMatchObject({ outcome: 'not-cleared', reasons: [] });
    expect(JSON.stringify(event)).not.toContain('credible');
  });
});
