/**
 * Password hashing with Argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane), and random passwords for
 * demo accounts.
 */
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification when the account does not exist, so that the answer's timing does
 * not tell which usernames exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("parboard: no such account");
  await verify(await dummyHash, password);
  return false;
}

/** No 0/O, 1/l/i: a password read off a screen and typed again. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Three groups of four, e.g. `k7mq-x3pa-9rtw`: 60 bits, easy to read out. */
export function randomPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}
