/** Password hashing with scrypt (TECH-NOTES): salted, verifiable, and DUMMY_HASH never verifies. */
import { describe, expect, it } from '@jest/globals';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('a hash verifies its password and nothing else', async () => {
    const hash = await hashPassword('Test@12345');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(hash).not.toContain('Test@12345');
    await expect(verifyPassword('Test@12345', hash)).resolves.toBe(true);
    await expect(verifyPassword('test@12345', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('the same password hashes differently each time (random salt)', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same', a)).resolves.toBe(true);
    await expect(verifyPassword('same', b)).resolves.toBe(true);
  });

  it('DUMMY_HASH never verifies (unknown logins spend the same time and fail)', async () => {
    for (const candidate of ['', 'password', 'Test@12345', '\u0000'.repeat(16)]) {
      await expect(verifyPassword(candidate, DUMMY_HASH)).resolves.toBe(false);
    }
  });

  it('a stored value that is not an scrypt hash never verifies', async () => {
    for (const stored of ['', 'plain-text', 'bcrypt$2b$10$abc', 'scrypt$16384$8$1$onlyfive']) {
      await expect(verifyPassword('plain-text', stored)).resolves.toBe(false);
    }
  });

  it('unicode passwords round-trip', async () => {
    const hash = await hashPassword('密码🔒pässwörd');
    await expect(verifyPassword('密码🔒pässwörd', hash)).resolves.toBe(true);
    await expect(verifyPassword('密码🔒passwörd', hash)).resolves.toBe(false);
  });
});
