/** The portal's pure pieces: on-time state, the filing body, store matches, URLs, folding. */
import { describe, expect, it } from 'vitest';
import type { ProcedureDetail, StoredFile, StoreItem } from '../../types.js';
import { onTimeState } from './dossiers/timeState.js';
import { foldFilter, fold } from './fold.js';
import { homeUrl } from './home/homeUrl.js';
import { applicantBody, componentsBody, missingComponents, storeMatches } from './submit/model.js';

const file = (id: string) =>
  ({ id, sha256: 'x', size: 1, mediaType: 'application/pdf', originalName: `${id}.pdf` }) as StoredFile;
const item = (id: string, name: string, kind: StoreItem['kind'] = 'document'): StoreItem => ({
  id,
  kind,
  name,
  fileIds: [id],
  sourceDossierCode: '000.00.02.H91-251120-0001',
  validUntil: null,
  signed: false,
  createdAt: '2025-11-20T01:00:00Z',
  reuseCount: 0,
});

describe('onTimeState', () => {
  const now = Date.parse('2025-11-20T03:00:00Z');
  it.each([
    [{ appointmentAt: null, completedAt: null, outcome: null }, null], // not received: no clock
    [{ appointmentAt: '2025-11-21T03:00:00Z', completedAt: null, outcome: null }, 'withinTime'],
    [{ appointmentAt: '2025-11-19T03:00:00Z', completedAt: null, outcome: null }, 'overdue'],
    [
      { appointmentAt: '2025-11-21T03:00:00Z', completedAt: null, outcome: null, timeState: 'dueSoon' as const },
      'dueSoon',
    ], // the server's word wins
    [
      { appointmentAt: '2025-11-19T03:00:00Z', completedAt: '2025-11-19T02:00:00Z', outcome: 'onTime' as const },
      'onTime',
    ], // finished: its outcome
  ])('%o → %s', (dossier, expected) => {
    expect(onTimeState(dossier, now)).toBe(expected);
  });
});

describe('the online filing body', () => {
  it('leaves blank optional contacts out and trims the rest', () => {
    expect(
      applicantBody({
        kind: 'citizen',
        fullName: ' Nguyễn Văn An ',
        idNumber: '089095000123',
        phone: ' ',
        email: '',
        address: 'An Giang',
      }),
    ).toEqual({
      kind: 'citizen',
      fullName: 'Nguyễn Văn An',
      idNumber: '089095000123',
      phone: undefined,
      email: undefined,
      address: 'An Giang',
    });
    expect(applicantBody({ kind: 'organization', name: 'Công ty A', taxCode: '0101243150' })).toMatchObject({
      kind: 'organization',
      taxCode: '0101243150',
    });
  });

  it('sends uploads as fileIds and stored documents as storeItemId, skipping empty components', () => {
    const body = componentsBody({
      a: { kind: 'files', files: [file('f1'), file('f2')] },
      b: { kind: 'store', item: item('s1', 'Giấy khai sinh') },
      c: { kind: 'files', files: [] },
    });
    expect(body).toEqual([
      { componentId: 'a', fileIds: ['f1', 'f2'] },
      { componentId: 'b', storeItemId: 's1' },
    ]);
  });

  it('names the mandatory components still missing', () => {
    const procedure = {
      components: [
        { id: 'a', name: 'Tờ khai', mandatory: true },
        { id: 'b', name: 'Giấy chứng sinh', mandatory: true },
        { id: 'c', name: 'Giấy ủy quyền', mandatory: false },
      ],
    } as ProcedureDetail;
    expect(
      missingComponents(procedure, { a: { kind: 'files', files: [file('f')] }, b: { kind: 'files', files: [] } }),
    ).toEqual(['Giấy chứng sinh']);
  });

  it('offers stored documents whose name is the component’s, never results', () => {
    const items = [
      item('1', 'Tờ khai đăng ký khai sinh'),
      item('2', 'Tờ khai khác'),
      item('3', 'Tờ khai đăng ký khai sinh', 'result'),
    ];
    expect(storeMatches(items, ' tờ khai đăng ký khai sinh ').map((i) => i.id)).toEqual(['1']);
  });
});

describe('home URLs and folding', () => {
  it('keeps only the filters given', () => {
    expect(homeUrl({})).toBe('/');
    expect(homeUrl({ q: 'khai sinh', field: 'HT', unit: null })).toBe('/?q=khai+sinh&linh-vuc=HT');
  });

  it('matches Vietnamese without diacritics', () => {
    expect(fold('Phường Long Xuyên, Đồng Tháp')).toBe('phuong long xuyen, dong thap');
    expect(foldFilter('long xuyen', { label: 'UBND Phường Long Xuyên' })).toBe(true);
    expect(foldFilter('chau doc', { label: 'UBND Phường Long Xuyên' })).toBe(false);
  });
});
