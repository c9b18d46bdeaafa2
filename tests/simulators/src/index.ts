export * from './start-simulators';
export * from './behaviour';
export * from './deliver';
export type { Range } from './random';
export { seededRandom } from './random';
