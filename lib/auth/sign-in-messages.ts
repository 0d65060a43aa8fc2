/**
 * What the sign-in form says for each code a failed sign-in returns (lib/auth/options.ts
 * SIGN_IN_ERRORS, plus next-auth's own CredentialsSignin). Each says what to do next. Plain
 * strings, safe to import in the browser.
 */
export const SIGN_IN_MESSAGES = {
  CredentialsSignin: 'Incorrect email or password.',
  TooManyAttempts: 'Too many wrong passwords for this account. Wait 15 minutes, or reset your password with "Forgot password?".',
  SecondFactorInvalid: "That code didn't work. Check your authenticator app, or use one of your recovery codes.",
  SecondFactorLocked: 'Too many wrong codes. Wait 15 minutes, then try again.',
  // A generated password (first administrator, or issued by an operator) past its 24 hours.
  PasswordExpired:
    'This password has expired: it was generated for this account and worked for 24 hours. Get a reset link with "Forgot password?" below, ' +
    'or ask whoever runs Portico to issue a new one with: portico user reset-password --email <your email>',
  // An operator disabled the account in /admin.
  AccountDisabled: 'This account has been disabled by the people who run this service. Contact them to have it enabled again.',
  Unavailable: "We couldn't sign you in just now. Wait a moment and try again.",
} as const;
