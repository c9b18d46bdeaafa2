import { AppError } from '@vetting/platform';
import type { DemoUser } from './user-account';
import { verifyPassword } from './password-hash';

/** Checks a password in constant time; an unknown user costs the same as a wrong password. */
export async function authenticate(users: DemoUser[], username: string, password: string): Promise<DemoUser> {
  const user = users.find((u) => u.username === username);
  if (!(await verifyPassword(user, password)) || !user)
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'The username or password is wrong', { status: 401 });
  return user;
}
