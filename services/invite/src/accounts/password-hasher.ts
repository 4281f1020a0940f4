import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes). */
@Injectable()
export class PasswordHasher {
  private readonly dummyHash = argon2.hash('gatehouse-timing-equaliser', { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  /** Spends the time of one verification, so "no such account" answers as slowly as "wrong password". */
  async burn(password: string): Promise<void> {
    await argon2.verify(await this.dummyHash, password);
  }
}
