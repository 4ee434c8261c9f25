'use server';

import { signOut } from '@/auth';

/** Signing out needs no permission; it only clears this browser's session cookie. */
export async function signOutAction() {
  await signOut({ redirectTo: '/sign-in' });
}
