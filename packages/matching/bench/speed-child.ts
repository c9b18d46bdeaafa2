/** Child process for the one-million-name run, so its memory is measured alone. Prints JSON last. */
import { measure } from './speed-measure';
import { syntheticList } from './synthetic-names';
import { seededRandom } from './seeded-random';

const names = Number(process.argv[2] ?? 1_000_000);
const log = (m: string) => console.error(`[speed:child] ${m}`);
log(`generating a synthetic list of ${names} names`);
const entries = syntheticList(seededRandom(42), names);
log(`generated ${entries.length} entries`);
const figures = measure(`synthetic ${names.toLocaleString('en')} names`, entries, 2000, log);
console.log(JSON.stringify(figures));
