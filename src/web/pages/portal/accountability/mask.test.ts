import { describe, expect, it } from 'vitest';
import { MASK, maskDossierCode } from './mask.js';

describe('maskDossierCode', () => {
  it.each<[string, string]>([
    // A code as the dossiers module makes it: only the sequence's last four characters remain.
    ['000.00.12.H01-261206-0042', `${MASK.repeat(21)}0042`],
    ['LATE-APOLOGY', `${MASK.repeat(8)}LOGY`],
    // A short code keeps at most half of itself.
    ['AB12', `${MASK.repeat(2)}12`],
    ['A', MASK],
    ['', ''],
  ])('%s → %s', (code, masked) => {
    expect(maskDossierCode(code)).toBe(masked);
    expect(maskDossierCode(code)).toHaveLength(code.length);
  });

  it('never shows the part of a code that identifies the dossier in the public lookup', () => {
    const code = '000.00.12.H01-261206-0042';
    expect(maskDossierCode(code)).not.toContain('261206');
    expect(maskDossierCode(code)).not.toContain('H01');
  });
});
