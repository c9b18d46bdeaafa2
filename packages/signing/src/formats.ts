/** The kinds of document the platform signs. A signature covers its kind: one kind never passes for another. */
export const DOCUMENT_FORMATS = {
  /** A rotation's certificate version (intake). */
  rotationCertificate: 'vetting-rotation-certificate/1',
  /** An offline bundle of the active ban lists (screening). */
  listBundle: 'vetting-list-bundle/1',
} as const;
