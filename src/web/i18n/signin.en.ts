import type { signinVi } from './signin.vi.js';

/** English strings of sign-in through an identity provider and the account page: the same keys as signin.vi.ts. */
export const signinEn: Record<keyof typeof signinVi, string> = {
  'login.withProvider': 'Sign in with {provider}',
  'login.or': 'or with a username and password',
  'login.passwordStaffOnly': 'Citizens sign in with their electronic identity; username and password are for staff.',
  'login.link.title': 'Link your account',
  'login.link.text':
    'Your personal identifier already belongs to an account here. Enter that account’s password to link it with your electronic identity (once only).',
  'login.link.submit': 'Link and sign in',
  'login.link.cancel': 'Cancel linking',
  'login.oidcError': 'Signing in with the electronic identity did not succeed.',
  'login.oidcError.OIDC_STATE_MISMATCH': 'The VNeID sign-in was not valid or has expired. Please sign in again.',
  'login.oidcError.OIDC_SIGN_IN_FAILED': 'The identity provider’s answer could not be verified. Please sign in again.',
  'login.oidcError.OIDC_DENIED': 'You cancelled signing in.',
  'login.oidcError.OIDC_STAFF_NOT_ALLOWED':
    'Staff may not sign in with an electronic identity yet; please use your username and password.',
  'login.oidcError.OIDC_PROVIDER_UNAVAILABLE': 'The identity provider cannot be reached. Please try again later.',
  'nav.account': 'My account',
  'myAccount.title': 'Account details',
  'myAccount.fullName': 'Full name',
  'myAccount.personalId': 'Personal identifier',
  'myAccount.birthDate': 'Date of birth',
  'myAccount.sex': 'Sex',
  'myAccount.sex.male': 'Male',
  'myAccount.sex.female': 'Female',
  'myAccount.address': 'Permanent residence',
  'myAccount.phone': 'Phone',
  'myAccount.email': 'E-mail',
  'myAccount.source': 'Source: identity provider, level-{level} electronic identity, updated {at}',
  'myAccount.noProvider':
    'This account has not signed in with an electronic identity: nothing from an identity provider yet.',
  'myAccount.session': 'This session',
  'myAccount.session.level': 'Level-{level} electronic identity',
  'myAccount.session.password': 'Username and password',
  'procedure.identityLevel2': 'Filing online needs a level-2 electronic identity (VNeID) sign-in',
};
