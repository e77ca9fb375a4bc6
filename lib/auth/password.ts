import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id is an ambient const enum (value 2) that isolated modules cannot read.
const ARGON2ID = 2;

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's baseline for argon2id.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so a wrong e-mail takes as long as a wrong
// password and response time does not reveal which accounts exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword("ocop-timing-equaliser"));
}
