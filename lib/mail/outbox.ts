import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db/client";

type Row = { id: string; to: string; subject: string; body: string; attempts: number };
const MAX_ATTEMPTS = 5;

let transport: nodemailer.Transporter | null | undefined;
function smtp() {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}

/**
 * Sends queued e-mails. Rows are claimed with SKIP LOCKED, so several instances can drain the
 * same outbox without sending a message twice. Without SMTP the message goes to the log.
 */
export async function deliverOutbox(limit = 20): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, "to", subject, body, attempts FROM "OutboxEmail"
      WHERE status = 'PENDING' AND attempts < ${MAX_ATTEMPTS}
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    const transporter = smtp();
    for (const row of rows) {
      try {
        if (transporter) {
          await transporter.sendMail({ from: env.MAIL_FROM, to: row.to, subject: row.subject, text: row.body });
        } else if (env.NODE_ENV !== "test") {
          console.info(`[mail] to=${row.to} subject=${JSON.stringify(row.subject)}\n${row.body}`);
        }
        await tx.outboxEmail.update({
          where: { id: row.id },
          data: { status: transporter ? "SENT" : "LOGGED", sentAt: new Date(), attempts: { increment: 1 } },
        });
      } catch (error) {
        await tx.outboxEmail.update({
          where: { id: row.id },
          data: {
            attempts: { increment: 1 },
            status: row.attempts + 1 >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
            lastError: String(error).slice(0, 500),
          },
        });
      }
    }
    return rows.length;
  });
}

/** After a write commits: deliver in the background; a failure is retried on the next run. */
export function scheduleOutboxDelivery() {
  setTimeout(() => {
    deliverOutbox().catch((e) => console.error("[mail] outbox delivery failed", e));
  }, 0);
}
