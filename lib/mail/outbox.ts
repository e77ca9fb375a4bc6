import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db/client";

type Row = { id: string; to: string; subject: string; body: string; attempts: number };
const MAX_ATTEMPTS = 5;
const BATCH = 20;

let transport: nodemailer.Transporter | null | undefined;
function smtp() {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}

/**
 * Sends queued e-mails. Rows are claimed in one short statement (SKIP LOCKED, with a 5-minute
 * lease), then sent outside any transaction, so a slow SMTP server can neither roll a batch back
 * into re-sending nor block other instances; a sender that dies leaves its lease to expire.
 * Without SMTP the message goes to the log.
 */
export async function deliverOutbox(maxBatches = 10): Promise<number> {
  let sent = 0;
  for (let b = 0; b < maxBatches; b++) {
    const rows = await prisma.$queryRaw<Row[]>`
      UPDATE "OutboxEmail" SET status = 'SENDING', "claimedUntil" = now() + interval '5 minutes', attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM "OutboxEmail"
        WHERE (status = 'PENDING' OR (status = 'SENDING' AND "claimedUntil" < now())) AND attempts < ${MAX_ATTEMPTS}
        ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id, "to", subject, body, attempts`;
    if (rows.length === 0) break;
    const transporter = smtp();
    for (const row of rows) {
      try {
        if (transporter) await transporter.sendMail({ from: env.MAIL_FROM, to: row.to, subject: row.subject, text: row.body });
        else if (env.NODE_ENV !== "test") console.info(`[mail] to=${row.to} subject=${JSON.stringify(row.subject)}\n${row.body}`);
        await prisma.outboxEmail.update({ where: { id: row.id }, data: { status: transporter ? "SENT" : "LOGGED", sentAt: new Date(), claimedUntil: null } });
        sent++;
      } catch (error) {
        await prisma.outboxEmail.update({
          where: { id: row.id },
          data: { status: row.attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", claimedUntil: null, lastError: String(error).slice(0, 500) },
        });
      }
    }
    if (rows.length < BATCH) break;
  }
  return sent;
}

/** After a write commits: deliver in the background; what fails is retried on the next run. */
export function scheduleOutboxDelivery() {
  setTimeout(() => {
    deliverOutbox().catch((e) => console.error("[mail] outbox delivery failed", e));
  }, 0);
}
