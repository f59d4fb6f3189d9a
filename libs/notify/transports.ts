import { Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailTransport, SmsTransport } from './notification.service.js';

/** SMTP delivery through nodemailer when `SMTP_URL` is set (e.g. smtp://user:pass@host:587). */
export class SmtpEmailTransport implements EmailTransport {
  readonly configured = true;
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(msg: { to: string; subject: string; text: string }): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: msg.to, subject: msg.subject, text: msg.text });
  }
}

/** No SMTP configured: the outbox row is the record; the message is logged. */
export class LogEmailTransport implements EmailTransport {
  readonly configured = false;
  private readonly logger = new Logger('EmailTransport');
  async send(msg: { to: string; subject: string }): Promise<void> {
    this.logger.log(`e-mail to ${msg.to}: ${msg.subject}`);
  }
}

/** SMS gateways are vendor specific; the default adapter logs (the outbox keeps the message). */
export class LogSmsTransport implements SmsTransport {
  private readonly logger = new Logger('SmsTransport');
  async send(msg: { to: string; text: string }): Promise<void> {
    this.logger.log(`sms to ${msg.to}: ${msg.text.slice(0, 70)}`);
  }
}
