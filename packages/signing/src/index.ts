export { canonicalJson, contentHashOf, sha256Hex } from './canonical';
export { keyIdOf, trustedKeys, trustedKeysFromText, type KeySetDocument, type PublishedKey, type TrustedKeys } from './keys';
export { createKeySigner, loadFileSigner, PRIVATE_KEY_FILE, RETIRED_KEYS_FILE, type FileSignerOptions, type Signer } from './signer';
export {
  parseSignedDocument,
  signDocument,
  signingPayload,
  verifySignedDocument,
  type DocumentVerification,
  type SignatureProblem,
  type SignedDocument,
} from './signed-document';
export { DOCUMENT_FORMATS } from './formats';
export {
  BUNDLE_FORMAT,
  bundleSigningPayload,
  verifyBundle,
  verifyBundleText,
  type AuditBundle,
  type BundleCheckpoint,
  type BundleEntry,
  type BundleVerification,
  type ElidedEntry,
} from './audit-bundle';
