import type { StoredPassword } from './password-hash';

/** A user account as the gateway holds it: identity, roles and scope, password hash and second factor. */
export interface DemoUser extends StoredPassword {
  username: string;
  name: string;
  roles: string[];
  country?: string;
  /** UN roles only: the missions the officer works for (absent: every mission). */
  missions?: string[];
  /** A disabled account cannot sign in or refresh; its sessions end at once and its access tokens within their few minutes. */
  disabled?: boolean;
  /** The TOTP key (base32) of the account's authenticator, once enrolled. */
  totpSecret?: string;
  createdBy?: string;
  createdAt?: string;
}
