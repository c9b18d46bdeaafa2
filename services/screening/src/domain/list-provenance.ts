/** Who published a version, when, from which bytes and in which format. */
export interface Provenance {
  importedBy: string;
  importedAt: string;
  /** SHA-256 of the uploaded bytes (of the manual change, for manual versions). */
  fileHash: string;
  format: string;
  /** The publication date the file itself states (UN dateGenerated, OFAC Publish_Date). */
  publishedAt?: string;
  /** Why a manual change was made. */
  reason?: string;
  /** The second officer who countersigned a version that took someone off the list (four eyes). */
  countersignedBy?: string;
  /** Records the importer left out on purpose. */
  warnings?: number;
}
