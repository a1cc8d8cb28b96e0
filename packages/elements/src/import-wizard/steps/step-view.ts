import type { Messages } from '../../i18n/en.ts';
import type { WizardController } from '../wizard-controller.ts';

/** What a step's template needs from the wizard element. */
export interface StepView {
  readonly c: WizardController;
  readonly t: Messages;
  formatNumber(n: number): string;
  formatDateTime(ms: number | null): string | null;
  formatBytes(bytes: number): string;
}

/** "12.3 KB"-style sizes for the chosen file. */
export function formatBytes(bytes: number, locale: string | undefined): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
