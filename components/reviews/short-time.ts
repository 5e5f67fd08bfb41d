import { formatTime } from '@/lib/format';

/** A UTC time without the suffix, for narrow table cells (the column header says UTC). */
export function shortTime(iso: string | null | undefined): string {
  return formatTime(iso).replace(' UTC', '');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
