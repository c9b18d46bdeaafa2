export * from './vetting-policy';
export * from './policy-problems';
export * from './employment';
export * from './policy-follower';
