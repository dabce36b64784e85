// The code of the AttestationError a verification throws, or 'ACCEPTED'; anything else fails the test.
import { expect } from 'vitest';
import { AttestationError } from 'oblivia/attestation';

export async function attestationCode(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AttestationError);
    return (error as AttestationError).code;
  }
  return 'ACCEPTED';
}
