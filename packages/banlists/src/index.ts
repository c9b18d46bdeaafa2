export * from './ban-list-entry';
export * from './import-error';
export type { ImportResult, ImportWarning } from './import-result';
export type { FileContent } from './text-decoding';
export { toCountryCode, isCountryCode } from './country-codes';
export { detectScript } from './script-detection';
export { isPartialDate } from './partial-date';
export { importUnConsolidatedList } from './un-consolidated.importer';
export { importOfacSdn, type OfacSdnFiles } from './ofac-sdn.importer';
export { parseOfacRemarks, parseOfacDateOfBirth, type OfacRemarks } from './ofac-remarks.parser';
export { importPlatformCsv, splitCell, PLATFORM_CSV_COLUMNS } from './platform-csv.importer';
export { importPlatformJson, PLATFORM_JSON_FORMAT, PLATFORM_JSON_VERSION } from './platform-json.importer';
export { validatePlatformEntry, type ReportProblem } from './platform-entry.validator';
export { contentHash, diffVersions, addManualEntry, replaceEntry, removeEntries, type ListDiff } from './list-version';
export { importOfacXml } from './ofac-xml.importer';
export {
  screeningOutcome,
  needsReview,
  reviewableHits,
  nearHits,
  type ScreeningOutcome,
  type Resolution,
  type ResolutionInfo,
  type ListHit,
} from './screening-outcome';
export {
  LIST_BUNDLE_FORMAT,
  bundledList,
  openListBundle,
  type BundledList,
  type BundleProblem,
  type BundleProvenance,
  type ListBundle,
  type ListBundleContent,
  type OpenBundleOptions,
  type OpenedBundle,
} from './bundle/list-bundle';
export { createBundleScreener, type OfflineHit, type OfflineResult } from './bundle/bundle-screener';
export {
  LIST_FORMATS,
  guessListFormat,
  importListFile,
  looksLikeOfacTrio,
  parseOfacTrio,
  problemPlace,
  type ListFormat,
} from './list-file';
export { readListFile, listContentType } from './list-file.reader';
