// The bell: each user reads and marks only their own notifications, whatever ids a request sends.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { markNotificationsRead } from "@/lib/actions/notifications";
import { countUnread, listNotifications } from "@/lib/db/notifications";
import { actAs } from "./act-as";
import { ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
beforeEach(() => actAs(null));

const notice = (userId: string, n: number) =>
  db.notification.create({ data: { userId, kind: "ideaReturned", params: { name: `Ý tưởng ${n}` }, href: `/ideas/test-${n}` }, select: { id: true } }).then((r) => r.id);
const readAt = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).readAt;

describe("marking notifications read", () => {
  let mine: string[];
  let theirs: string;
  beforeAll(async () => {
    mine = [await notice(w.producerUserA.userId, 1), await notice(w.producerUserA.userId, 2), await notice(w.producerUserA.userId, 3)];
    theirs = await notice(w.producerUserB.userId, 4);
  });

  it("marks the actor's own notification and ignores another user's id sent with it", async () => {
    actAs(w.producerUserA);
    expect(ok(await markNotificationsRead({ ids: [mine[0]!, theirs] }))).toEqual({ count: 1 });
    expect(await readAt(mine[0]!)).toBeInstanceOf(Date);
    expect(await readAt(mine[1]!)).toBeNull();
    expect(await readAt(theirs)).toBeNull();
  });

  it("another user's ids alone change nothing", async () => {
    actAs(w.producerUserA);
    expect(ok(await markNotificationsRead({ ids: [theirs] }))).toEqual({ count: 0 });
    expect(await readAt(theirs)).toBeNull();
    expect(await countUnread(w.producerUserB)).toBe(1);
  });

  it("with no ids, all of the actor's unread ones are marked, and only those", async () => {
    actAs(w.producerUserA);
    expect(await countUnread(w.producerUserA)).toBe(2);
    expect(ok(await markNotificationsRead({}))).toEqual({ count: 2 });
    expect(await countUnread(w.producerUserA)).toBe(0);
    expect(await readAt(theirs)).toBeNull();
    expect((await db.auditEntry.findMany({ where: { action: "notification.markRead", entityId: w.producerUserA.userId }, orderBy: { id: "asc" } })).map((a) => a.after)).toEqual([
      { notificationsRead: 1 },
      { notificationsRead: 0 },
      { notificationsRead: 2 },
    ]);
  });

  it("an administrator has no power over other users' notifications either", async () => {
    actAs(w.admin);
    expect(ok(await markNotificationsRead({ ids: [theirs] }))).toEqual({ count: 0 });
    expect(await readAt(theirs)).toBeNull();
  });

  it("without a session the answer is UNAUTHENTICATED; bad input is VALIDATION", async () => {
    expect(await markNotificationsRead({ ids: [theirs] })).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    actAs(w.producerUserB);
    expect(await markNotificationsRead({ ids: "all" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await readAt(theirs)).toBeNull();
  });

  it("the list and the unread count are the reader's own", async () => {
    const listed = await listNotifications(w.producerUserB);
    expect(listed.map((n) => n.id)).toEqual([theirs]);
    expect((await listNotifications(w.producerUserA)).map((n) => n.id).sort()).toEqual([...mine].sort());
  });
});
