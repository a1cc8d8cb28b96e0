import type { DateOrder } from '../model/profile-constants.ts';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const YMD_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const SHORT = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A calendar date as ISO `YYYY-MM-DD`, or null. ISO and `YYYY/MM/DD` are always read as such;
 * `03/04/2020` and `03.04.2020` follow `order`.
 */
export function normaliseDate(value: string, order: DateOrder): string | null {
  const trimmed = value.trim();
  const ymd = ISO.exec(trimmed) ?? YMD_SLASH.exec(trimmed);
  if (ymd) return iso(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const short = SHORT.exec(trimmed);
  if (!short) return null;
  const a = Number(short[1]);
  const b = Number(short[2]);
  const year = Number(short[3]);
  return order === 'DMY' ? iso(year, b, a) : iso(year, a, b);
}
