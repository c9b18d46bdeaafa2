import { readFileSync } from 'node:fs';

/** The ban-list samples in the shared data folder beside the repo (../shared/data/banlists). */
export const BANLISTS_DIR = new URL('../../../../../shared/data/banlists/', import.meta.url);

/** Bytes of a file under ../shared/data/banlists, e.g. `sharedFile('un/un_consolidated_2025-04-19.xml')`. */
export function sharedFile(path: string): Buffer {
  return readFileSync(new URL(path, BANLISTS_DIR));
}

/** Bytes of a file under packages/banlists/samples. */
export function sampleFile(name: string): Buffer {
  return readFileSync(new URL(`../../samples/${name}`, import.meta.url));
}

export const UN_XML = 'un/un_consolidated_2025-04-19.xml';
export const OFAC_SDN = 'ofac_sdn_2021/sdn.csv';
export const OFAC_ALT = 'ofac_sdn_2021/alt.csv';
export const OFAC_ADD = 'ofac_sdn_2021/add.csv';
export const OFAC_CONSOLIDATED = 'ofac_cons_2024/ofac_consolidated_nonsdn_2024-05-06.xml';

/** Runs `fn` and returns the error it throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
