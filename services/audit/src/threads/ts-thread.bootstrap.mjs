// Starts a TypeScript worker module: worker threads do not inherit tsx's loader (Node 20), so
// the module named in workerData is loaded through tsx's API. Plain JS so Node can run it as is.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.module, import.meta.url);
