import { z } from 'zod';

export const OidcSettings = z
  .object({
    enabled: z.boolean().describe('Sign-in through an identity provider is offered'),
    providerName: z.string().describe('The provider’s name for the button (e.g. VNeID)'),
    citizenPasswordLogin: z.boolean().describe('Citizens may still sign in with a MotCua password'),
  })
  .meta({ id: 'OidcSettings' });

export const StartQuery = z.object({
  next: z.string().max(500).optional().describe('A local path to land on after signing in'),
});

export const CallbackQuery = z
  .object({
    state: z.string().max(500).optional(),
    code: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(1000).optional(),
    iss: z.string().max(500).optional(),
  })
  .loose();

export const LinkBody = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1).max(200),
});

export const BackchannelBody = z.object({ logout_token: z.string().min(1).max(10_000) });

export const IdentityPrefillView = z
  .object({
    source: z.literal('identityProvider').describe('Where the values come from: the identity provider'),
    issuer: z.string(),
    level: z.union([z.literal(1), z.literal(2)]),
    receivedAt: z.date(),
    fields: z.object({
      personalId: z.string(),
      fullName: z.string().nullable(),
      birthDate: z.string().nullable().describe('YYYY-MM-DD'),
      sex: z.enum(['male', 'female']).nullable(),
      permanentAddress: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  })
  .meta({ id: 'IdentityPrefill' });
