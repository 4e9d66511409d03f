/**
 * Where and how the visible signatures sit (Decree 30/2020/NĐ-CP, Phụ lục I, thể thức chữ ký số
 * trên văn bản điện tử): the competent person's signature at the signer's place (the signature
 * block, right half, above the name), its image in blue; the agency's signature (the seal) in
 * red, over about the left third of the person's signature, showing the agency's name and the
 * signing time as ISO 8601 with the Vietnamese offset. On the last page, in the lower right: our
 * forms end with the signature block there.
 */
import type { SignatureBox } from './pdf-increment.js';

const OFFICIAL_RECT: [number, number, number, number] = [330, 96, 545, 150];
/** Overlaps the official's box over its left third (330 + 215 / 3 ≈ 402). */
const SEAL_RECT: [number, number, number, number] = [262, 60, 402, 112];

/** ISO 8601 in Vietnam's time (UTC+07:00, no daylight saving). */
export function vietnamIso(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}

export function officialBox(input: { name: string; title?: string | undefined; signedAt: Date }): SignatureBox {
  return {
    rect: OFFICIAL_RECT,
    color: [0, 0.2, 0.7],
    lines: [
      `Ký bởi: ${input.name}`,
      ...(input.title ? [`Chức vụ: ${input.title}`] : []),
      `Thời gian ký: ${vietnamIso(input.signedAt)}`,
    ],
  };
}

export function sealBox(input: { agency: string; signedAt: Date }): SignatureBox {
  return {
    rect: SEAL_RECT,
    color: [0.8, 0, 0],
    lines: [input.agency, `Thời gian ký: ${vietnamIso(input.signedAt)}`],
  };
}
