import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@vetting/platform';
import { hashPassword, type DemoUser } from '../data/dev-keys';

/** Checks a password in constant time; an unknown user costs the same as a wrong password. */
export function authenticate(users: DemoUser[], username: string, password: string): DemoUser {
  const user = users.find((u) => u.username === username);
  const expected = Buffer.from(user?.passwordHash ?? '0'.repeat(64), 'hex');
  const actual = Buffer.from(hashPassword(password, user?.salt ?? 'no-such-user'), 'hex');
  if (!user || !timingSafeEqual(expected, actual))
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'The username or password is wrong', { status: 401 });
  return user;
}
