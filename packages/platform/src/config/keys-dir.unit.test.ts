import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { keysDirFor, keysDirUnsafe } from './keys-dir';
import { commaList } from './list-setting';
import { unsafeSettings, unsafeWhen } from './mode';

const production = { VETTING_MODE: 'production' as const, MONGO_DB: 'intake-db' };
const development = { VETTING_MODE: 'development' as const, MONGO_DB: 'intake-db' };

describe('keysDirFor', () => {
  it('when KEYS_DIR is set, then it is the folder in either mode', () => {
    expect(keysDirFor({ ...production, KEYS_DIR: '/run/keys' }, 'intake')).toBe('/run/keys');
    expect(keysDirFor({ ...development, KEYS_DIR: '/run/keys' }, 'intake')).toBe('/run/keys');
  });

  it('when KEYS_DIR is unset in development mode, then a folder per service and database under the temp dir', () => {
    expect(keysDirFor(development, 'clearance')).toBe(join(tmpdir(), 'vetting-clearance-keys', 'intake-db'));
  });

  it('when KEYS_DIR is unset in production, then the error names KEYS_DIR and what it holds', () => {
    expect(() => keysDirFor(production, 'screening', "screening's keyring")).toThrow(ConfigError);
    expect(() => keysDirFor(production, 'screening', "screening's keyring")).toThrow(
      "KEYS_DIR: is required in production (screening's keyring)",
    );
    expect(() => keysDirFor(production, 'intake')).toThrow('KEYS_DIR: is required in production (the field-encryption keyring)');
  });
});

describe('keysDirUnsafe and unsafeSettings', () => {
  it('when KEYS_DIR is unset, then it is an unsafe setting saying what a restart would lose', () => {
    expect(keysDirUnsafe({}, 'a restart would lose every sealed field')).toEqual({
      setting: 'KEYS_DIR',
      reason: 'is unset: a restart would lose every sealed field',
    });
    expect(keysDirUnsafe({ KEYS_DIR: '/run/keys' }, 'x')).toBe(false);
  });

  it('when checks are lists, single settings or false, then one flat list of the settings that hold', () => {
    const kafka = [{ setting: 'KAFKA_TLS', reason: 'must be true' }];
    expect(unsafeSettings(kafka, unsafeWhen(false, 'A', 'a'), unsafeWhen(true, 'B', 'b'), [])).toEqual([
      { setting: 'KAFKA_TLS', reason: 'must be true' },
      { setting: 'B', reason: 'b' },
    ]);
  });
});

describe('commaList', () => {
  it('when a list has spaces and empty items, then its trimmed items', () => {
    expect(commaList('x').parse(' a, b,,c ')).toEqual(['a', 'b', 'c']);
  });

  it('when unset, then the default split the same way; an empty default is an empty list', () => {
    expect(commaList('screening, audit').parse(undefined)).toEqual(['screening', 'audit']);
    expect(commaList('').parse(undefined)).toEqual([]);
  });
});
