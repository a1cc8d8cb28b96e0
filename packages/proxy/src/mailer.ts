import nodemailer, { type Transporter } from 'nodemailer';
import { ProxyError } from './errors.ts';
import { renderReport, type RunReport } from './notify.ts';
import { assertRecipientAllowed, mailRateLimit } from './mail-limits.ts';
import type { SmtpOptions } from './options.ts';

/** Sends run reports over SMTP with nodemailer; one transport per proxy, made on first use. */
export function createMailer(smtp: SmtpOptions | null) {
  let transport: Transporter | null = null;
  const limit = mailRateLimit(smtp?.perCallerPerHour ?? 20);
  return async function send(report: RunReport, caller: string): Promise<void> {
    if (!smtp) throw new ProxyError('not-configured', 'This proxy has no mail server configured.');
    assertRecipientAllowed(report.to, smtp.recipients);
    limit(caller);
    transport ??= nodemailer.createTransport(smtp.url);
    const { subject, text } = renderReport(report);
    try {
      await transport.sendMail({ from: smtp.from, to: report.to, subject, text });
    } catch (error) {
      // The SMTP URL may hold a password: never repeat the library's message, which can quote it.
      const code = (error as { code?: string }).code ?? 'unknown';
      throw new ProxyError(
        'upstream-failed',
        `The mail server did not accept the message (${code}).`,
      );
    }
  };
}
