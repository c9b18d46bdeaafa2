/**
 * What a rotation certificate's hash covers. Intake hashes and signs it; the console recomputes the
 * hash in the browser to check the page it prints, so both build the content here. Plain data with
 * no imports at run time: safe in the browser bundle.
 */

/** A certificate as intake keeps it and the API returns it, with its members by id and state. */
export interface CertifiedSource<M extends { displayName?: string }> {
  id: string;
  country: string;
  rotation: string;
  missions?: string[];
  version: number;
  supersedes?: string;
  certifiedAt: string;
  certifiedBy: string;
  statement?: string;
  members: M[];
}

export type CertifiedContent<M extends { displayName?: string }> = Omit<CertifiedSource<M>, 'members'> & {
  members: Omit<M, 'displayName'>[];
};

/** A member as the certificate is stored and hashed: without the name (names are joined on each read). */
export const storedMember = <M extends { displayName?: string }>({ displayName: _name, ...member }: M): Omit<M, 'displayName'> => member;

/**
 * What a certificate vouches for: everything certified, members by case reference and pseudonymous
 * id. Names are not part of it, so erasing a person cannot break the hash or the signature.
 */
export function certificateContent<M extends { displayName?: string }>(c: CertifiedSource<M>): CertifiedContent<M> {
  return {
    id: c.id,
    country: c.country,
    rotation: c.rotation,
    ...(c.missions ? { missions: c.missions } : {}),
    version: c.version,
    ...(c.supersedes ? { supersedes: c.supersedes } : {}),
    certifiedAt: c.certifiedAt,
    certifiedBy: c.certifiedBy,
    ...(c.statement ? { statement: c.statement } : {}),
    members: c.members.map(storedMember),
  };
}
