'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** Who is signed in, as the account menu shows it; null when nobody is. */
export type MenuAccount = { email: string; name: string | null; isOperator: boolean };

const SignedInAccount = createContext<MenuAccount | null>(null);

/**
 * Set once by the root layout (app/layout.tsx) for every page, so each area's frame (the top
 * bars, the narrow sign-in column, the home page) can show the same account menu.
 */
export function SignedInAccountProvider({ account, children }: { account: MenuAccount | null; children: ReactNode }) {
  return <SignedInAccount value={account}>{children}</SignedInAccount>;
}

export function useSignedInAccount(): MenuAccount | null {
  return useContext(SignedInAccount);
}
