import { z } from 'zod';
import { IsoDate } from '../../kernel/schemas.js';
import { BOOKING_STATUSES, COUNTER_ACTIONS, MAX_SLOT_CAPACITY, TICKET_STATUSES } from './queue.rules.js';

const Clock = z.string().regex(/^\d{2}:\d{2}$/, 'Giờ dạng HH:MM');

export const TemplateEntry = z.object({
  fieldCode: z.string().min(1).max(50),
  weekdays: z.array(z.number().int()).max(7).describe('ISO weekdays, 1 = Monday … 7 = Sunday'),
  start: Clock,
  end: Clock,
  minutes: z.number().int().min(5).max(480).describe('Length of each slot'),
  capacity: z.number().int().min(1).max(MAX_SLOT_CAPACITY).describe('People per slot'),
});
export const Template = z.object({ entries: z.array(TemplateEntry).max(200) }).meta({ id: 'QueueTemplate' });

export const UnitParams = z.object({ unitId: z.uuid() });
export const CounterParams = UnitParams.extend({ counter: z.coerce.number().int().min(1).max(999) });
export const CodeParams = z.object({ code: z.string().min(1).max(100) });

export const GenerateBody = z.object({ from: IsoDate, to: IsoDate });
export const GenerateResult = z.object({
  created: z.number().int(),
  days: z.number().int().describe('Working days in the range'),
  skipped: z
    .array(
      z.object({
        date: z.string(),
        reason: z.enum(['holiday', 'weekend']),
        name: z.string().nullable().describe("The holiday's name"),
      }),
    )
    .describe('Days of the range the calendar closes (no slots)'),
});

export const DayParams = UnitParams.extend({ date: IsoDate });
const BOOKING_PHONE = /^\+?[0-9 .-]{9,15}$/;
export const UnitDay = z
  .object({
    date: z.string(),
    slots: z.array(
      z.object({
        id: z.uuid(),
        fieldCode: z.string(),
        fieldName: z.string(),
        startsAt: z.date(),
        endsAt: z.date(),
        capacity: z.number().int(),
        booked: z.number().int().describe('Live bookings (booked or checked in)'),
        bookings: z.array(
          z.object({
            code: z.string(),
            status: z.enum(BOOKING_STATUSES),
            procedureName: z.string(),
            name: z.string().describe('Masked: N*** V** A'),
            phone: z.string().nullable().describe('Masked: last 3 digits'),
            personalId: z.string().nullable().describe('Masked: last 4 digits'),
            forCaller: z.boolean().describe('Booked by an officer for a caller (đặt lịch hộ)'),
            createdAt: z.date(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'QueueUnitDay' });

export const CallerBookBody = z.object({
  slotId: z.uuid(),
  procedureId: z.uuid(),
  name: z.string().trim().min(2, 'Họ tên ít nhất 2 ký tự').max(200),
  phone: z.string().trim().regex(BOOKING_PHONE, 'Số điện thoại không hợp lệ'),
  personalId: z
    .string()
    .trim()
    .regex(/^(\d{9}|\d{12})$/, 'Số định danh cá nhân gồm 12 chữ số (hoặc CMND 9 chữ số)')
    .optional(),
});

export const SlotsQuery = z.object({
  procedureId: z.uuid(),
  unitId: z.uuid().optional(),
  from: IsoDate.optional().describe('First day (default today)'),
  days: z.coerce.number().int().min(1).max(60).default(14),
});
export const Slot = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  fieldCode: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  capacity: z.number().int(),
  remaining: z.number().int(),
});

export const BookBody = z.object({
  slotId: z.uuid(),
  procedureId: z.uuid(),
  name: z.string().trim().min(2).max(200),
  phone: z.string().trim().regex(BOOKING_PHONE, 'Số điện thoại không hợp lệ').optional(),
  email: z.email().max(200).optional(),
});
export const Booking = z
  .object({
    code: z.string(),
    status: z.enum(BOOKING_STATUSES),
    unitId: z.uuid(),
    unitName: z.string(),
    procedureId: z.uuid(),
    procedureName: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    fieldCode: z.string(),
    startsAt: z.date(),
    endsAt: z.date(),
    checkedInAt: z.date().nullable(),
    createdAt: z.date(),
    qrText: z.string().describe('What the QR code holds (the kiosk accepts it as typed text)'),
    qrDataUrl: z.string().describe('PNG of the QR code as a data: URL'),
  })
  .meta({ id: 'QueueBooking' });

export const CheckInBody = z.union([
  z.object({
    bookingCode: z.string().min(1).max(200),
    elderly: z.boolean().optional(),
    disabled: z.boolean().optional(),
  }),
  z.object({ fieldCode: z.string().min(1).max(50), elderly: z.boolean().optional(), disabled: z.boolean().optional() }),
]);

export const Ticket = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    day: z.string(),
    number: z.number().int(),
    label: z.string(),
    fieldCode: z.string(),
    booked: z.boolean(),
    elderly: z.boolean(),
    disabled: z.boolean(),
    status: z.enum(TICKET_STATUSES),
    checkedInAt: z.date(),
    calledAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    counterNumber: z.number().int().nullable(),
    officerId: z.uuid().nullable(),
    recalls: z.number().int(),
    waitingMinutes: z.number().nullable(),
    serviceMinutes: z.number().nullable(),
  })
  .meta({ id: 'QueueTicket' });
export const IssuedTicket = Ticket.extend({
  fieldName: z.string(),
  ahead: z.number().int().describe('Tickets of the field ahead in the queue'),
});

export const NextBody = z.object({ fieldCodes: z.array(z.string().min(1).max(50)).max(50).optional() }).default({});
export const ActionBody = z.object({ action: z.enum(COUNTER_ACTIONS) });

const BoardTicket = z.object({
  number: z.number().int(),
  label: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
});
export const Board = z
  .object({
    unitId: z.uuid(),
    unitName: z.string(),
    day: z.string(),
    fields: z.array(z.object({ code: z.string(), name: z.string() })),
    serving: z.array(BoardTicket.extend({ counter: z.number().int(), calledAt: z.date(), recalls: z.number().int() })),
    next: z.array(BoardTicket.extend({ priority: z.enum(['priority', 'booked', 'none']) })),
    waitingCount: z.number().int(),
  })
  .meta({ id: 'QueueBoard' });

export const FiguresQuery = z.object({ unit: z.uuid(), from: IsoDate, to: IsoDate.describe('Last day, inclusive') });
const Figures = {
  tickets: z.number().int(),
  called: z.number().int(),
  averageWaitingMinutes: z.number().nullable(),
  averageServiceMinutes: z.number().nullable(),
};
export const QueueFigures = z.object({
  ...Figures,
  calledWithinTarget: z.number().int().describe('Called within 30 minutes of check-in'),
  served: z.number().int(),
  byUnitDay: z.array(z.object({ unitId: z.uuid(), day: z.string(), ...Figures })),
});
