// Password hashing with bcrypt (bcryptjs: pure JavaScript, nothing to compile or download).
import bcrypt from "bcryptjs";

/** Cost 12 is OWASP's floor for bcrypt (Password Storage Cheat Sheet); about 0.2 s a hash here. */
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let decoyHash: Promise<string> | undefined;

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= bcrypt.hash("no account has this password", COST);
  return decoyHash;
}
