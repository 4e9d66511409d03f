import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../national-data/demo-citizens.js';
import { LLTP } from './library/lltp.js';
import { type Facts, identityFacts, populationFacts, prefillValues, sourcesOf } from './prefill.rules.js';

/** Trần Thị Bình as the VNeID simulator describes her (oidc/vneid-simulator.ts). */
const BINH = {
  personalId: '089196001357',
  fullName: 'Trần Thị Bình',
  birthDate: '1996-07-12',
  sex: 'female' as const,
  phone: '+84913001357',
};

describe('prefill from the identity provider (source "identity provider")', () => {
  it('maps the claims to facts: dates the Vietnamese way, the phone in domestic form', () => {
    expect(identityFacts(BINH)).toEqual({
      'applicant.personalId': { value: '089196001357', source: 'identityProvider' },
      'applicant.fullName': { value: 'Trần Thị Bình', source: 'identityProvider' },
      'applicant.birthDate': { value: '12/07/1996', source: 'identityProvider' },
      'applicant.birthYear': { value: 1996, source: 'identityProvider' },
      'applicant.gender': { value: 'female', source: 'identityProvider' },
      'applicant.phone': { value: '0913001357', source: 'identityProvider' },
    });
  });

  it.each([
    ['no birth date', { birthDate: null }, 'applicant.birthDate'],
    ['a birth date not in YYYY-MM-DD', { birthDate: '12/07/1996' }, 'applicant.birthYear'],
    ['no phone', { phone: null }, 'applicant.phone'],
    ['no sex', { sex: null }, 'applicant.gender'],
    ['no name', { fullName: null }, 'applicant.fullName'],
  ] as const)('%s → that fact is left out', (_name, change, fact) => {
    expect(identityFacts({ ...BINH, ...change })[fact]).toBeUndefined();
  });

  it('overrides the profile, and the population database overrides it (the phone stays the provider’s)', () => {
    const profile: Facts = {
      'applicant.fullName': { value: 'Tran Thi Binh', source: 'profile' },
      'applicant.phone': { value: '0900000000', source: 'profile' },
    };
    const record = DEMO_CITIZENS.find((c) => c.soDinhDanh === BINH.personalId)!;
    const withIdentity = { ...profile, ...identityFacts(BINH) };
    const identityOnly = prefillValues(LLTP, withIdentity, null);
    expect(identityOnly.fullName).toEqual({ value: 'Trần Thị Bình', source: 'identityProvider' });
    expect(identityOnly.phone).toEqual({ value: '0913001357', source: 'identityProvider' });
    expect(identityOnly.birthDate).toEqual({ value: '12/07/1996', source: 'identityProvider' });

    const all = prefillValues(LLTP, { ...withIdentity, ...populationFacts(record) }, null);
    expect(all.fullName?.source).toBe('population');
    expect(all.personalId?.source).toBe('population');
    expect(all.phone).toEqual({ value: '0913001357', source: 'identityProvider' });
  });

  it('a kept prefilled value is filed with the provider as its source; an edited one as typed', () => {
    const prefill = prefillValues(LLTP, identityFacts(BINH), null);
    const kept = sourcesOf(LLTP, { phone: '0913001357', birthDate: '01/01/1990' }, prefill);
    expect(kept.phone?.source).toBe('identityProvider');
    expect(kept.birthDate?.source).toBe('typed');
  });
});
