import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_MESSAGE, createUserSchema, newPasswordField } from './user.ts';
import { signInSchema } from './sign-in.ts';

describe('user validation', () => {
  it('normalises the email and keeps the password as typed', () => {
    const parsed = createUserSchema.parse({ email: '  Ada@Example.COM ', password: ' spaced out ', name: '  ' });
    expect(parsed).toEqual({ email: 'ada@example.com', password: ' spaced out ', name: undefined, isAdmin: false });
  });

  it('enforces 8 to 128 characters for new passwords (NIST SP 800-63B)', () => {
    expect(createUserSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(7) }).success).toBe(false);
    expect(createUserSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(8) }).success).toBe(true);
    expect(createUserSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(128) }).success).toBe(true);
    expect(createUserSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(129) }).success).toBe(false);
  });

  it('rejects an invalid email with a message that says what to do', () => {
    const result = signInSchema.safeParse({ email: 'ada', password: 'x' });
    expect(result.error?.issues[0]?.message).toBe('Enter a valid email address, like name@example.com.');
  });

  it('refuses the 10,000 most common passwords, in any case (NIST SP 800-63B §5.1.1.2)', () => {
    for (const password of ['password', 'PassWord', '12345678', 'iloveyou', 'Sunshine1']) {
      expect(newPasswordField.safeParse(password).error?.issues[0]?.message).toBe(COMMON_PASSWORD_MESSAGE);
    }
    expect(newPasswordField.safeParse('correct horse battery staple').success).toBe(true);
  });
});
