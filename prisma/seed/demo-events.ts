// Demo data of fairs and training (issue 5, steps 6 and 1): a provincial fair in December 2026
// with one confirmed and one waiting producer, a fair already held with its results, and two
// published courses (one for producers, one for officials). It runs after the catalogue's demo
// seed and picks the products the catalogue lists; with none it still makes the events and
// courses, without participants. Idempotent: events by slug, courses by title and first day,
// registrations by (event, producer).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { LISTED_CERTIFICATE_STATUSES, productSlug } from "../../lib/domain/catalogue";
import { addDays, vietnamDateOf } from "../../lib/domain/dates";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Listed = { id: string; producerId: string; producer: { name: string; taxCode: string | null } };

/** Products the public catalogue lists today (its listing rule, lib/domain/catalogue.ts). */
async function listedProducts(db: PrismaClient): Promise<Listed[]> {
  return db.product.findMany({
    where: { certificateStatus: { in: [...LISTED_CERTIFICATE_STATUSES] }, certificateExpiresOn: { gte: day(vietnamDateOf(new Date())) } },
    orderBy: [{ producer: { name: "asc" } }, { name: "asc" }],
    select: { id: true, producerId: true, producer: { select: { name: true, taxCode: true } } },
  });
}

/** Listed products grouped by producer, HTX Nông nghiệp Tân Thành (the demo producer account) first. */
function byProducer(products: Listed[]) {
  const groups = new Map<string, string[]>();
  for (const p of products) groups.set(p.producerId, [...(groups.get(p.producerId) ?? []), p.id]);
  const tanThanh = products.find((p) => p.producer.taxCode === "4700000001")?.producerId;
  const order = [...groups.keys()].sort((a, b) => (a === tanThanh ? -1 : b === tanThanh ? 1 : 0));
  return order.map((producerId) => ({ producerId, productIds: groups.get(producerId)! }));
}

type EventSeed = {
  slug: string;
  name: string;
  kind: "FAIR" | "EXHIBITION" | "FESTIVAL" | "TRADE_CONFERENCE" | "CONTEST" | "OTHER";
  level: "LOCAL" | "PROVINCIAL" | "NATIONAL" | "INTERNATIONAL";
  startsOn: string;
  endsOn: string;
  registrationClosesOn: string;
  place: string;
  organiser: string;
  boothCapacity: number;
  description: string;
  results?: { visitorCount: number; salesVnd: bigint; contractsSigned: number; resultNote: string };
};

async function upsertEvent(db: PrismaClient, e: EventSeed, createdById: string | null) {
  const { results, ...fields } = e;
  const data = {
    ...fields,
    startsOn: day(e.startsOn),
    endsOn: day(e.endsOn),
    registrationClosesOn: day(e.registrationClosesOn),
    status: "PUBLISHED" as const,
    ...(results ? { ...results, resultsRecordedAt: day(e.endsOn) } : {}),
  };
  return db.tradeEvent.upsert({ where: { slug: e.slug }, create: { ...data, createdById }, update: {}, select: { id: true } });
}

async function upsertParticipant(
  db: PrismaClient,
  eventId: string,
  entry: { producerId: string; productIds: string[] },
  p: { status: "REGISTERED" | "CONFIRMED"; booths: number; note: string; decidedById: string | null; salesVnd?: bigint; contractsSigned?: number },
) {
  const products = entry.productIds.slice(0, 3).map((id) => ({ id }));
  await db.eventParticipant.upsert({
    where: { eventId_producerId: { eventId, producerId: entry.producerId } },
    create: {
      eventId,
      producerId: entry.producerId,
      status: p.status,
      booths: p.booths,
      note: p.note,
      decidedById: p.status === "CONFIRMED" ? p.decidedById : null,
      decidedAt: p.status === "CONFIRMED" ? new Date() : null,
      salesVnd: p.salesVnd ?? null,
      contractsSigned: p.contractsSigned ?? null,
      products: { connect: products },
    },
    update: {},
  });
}

async function upsertCourse(
  db: PrismaClient,
  c: { title: string; audience: "PRODUCERS" | "OFFICIALS" | "ALL"; startsOn: string; endsOn: string; registrationClosesOn: string; place: string; capacity: number; description: string },
  createdById: string | null,
) {
  const existing = await db.trainingCourse.findFirst({ where: { title: c.title, startsOn: day(c.startsOn) }, select: { id: true } });
  if (existing) return existing;
  return db.trainingCourse.create({
    data: { ...c, startsOn: day(c.startsOn), endsOn: day(c.endsOn), registrationClosesOn: day(c.registrationClosesOn), status: "PUBLISHED", createdById },
    select: { id: true },
  });
}

export async function seedDemoEvents(db: PrismaClient) {
  const office = await db.user.findUnique({ where: { email: "kinhte@ocop.demo" }, select: { id: true } });
  const officeId = office?.id ?? null;
  const groups = byProducer(await listedProducts(db));
  // Dates follow the day the demo is loaded, so the fair and the courses are always ahead of a
  // newcomer (and of the end-to-end tests) and the week of OCOP goods is always behind.
  const today = vietnamDateOf(new Date());
  const inDays = (n: number) => addDays(today, n);

  const fairName = "Hội chợ OCOP và nông sản Bắc Kạn 2026";
  const fair = await upsertEvent(
    db,
    {
      slug: productSlug(fairName, "bk26"),
      name: fairName,
      kind: "FAIR",
      level: "PROVINCIAL",
      startsOn: inDays(18),
      endsOn: inDays(22),
      registrationClosesOn: inDays(10),
      place: "Sân vận động tỉnh, phường Đức Xuân",
      organiser: "Sở Công Thương phối hợp Sở Nông nghiệp và Môi trường",
      boothCapacity: 40,
      description:
        "Hội chợ giới thiệu, quảng bá và tiêu thụ sản phẩm OCOP, nông sản đặc trưng dịp cuối năm: tinh bột nghệ, miến dong, mật ong rừng, chè Shan tuyết, thịt gác bếp, rượu men lá.\n\nMỗi chủ thể được bố trí tối đa 2 gian hàng tiêu chuẩn (3 m × 3 m), có điện chiếu sáng; Ban tổ chức hỗ trợ chi phí gian hàng cho chủ thể có sản phẩm OCOP còn hiệu lực.",
    },
    officeId,
  );
  if (groups[0]) {
    await upsertParticipant(db, fair.id, groups[0], { status: "CONFIRMED", booths: 2, note: "Cần tủ trưng bày có đèn và ổ điện.", decidedById: officeId });
  }
  if (groups[1]) {
    await upsertParticipant(db, fair.id, groups[1], { status: "REGISTERED", booths: 1, note: "Xin bố trí gần khu ẩm thực để giới thiệu sản phẩm thịt gác bếp.", decidedById: null });
  }

  const weekName = "Tuần hàng giới thiệu sản phẩm OCOP thành phố Bắc Kạn năm 2026";
  const week = await upsertEvent(
    db,
    {
      // The slug keeps to the words a visitor would type (slugs are cut at 60 characters).
      slug: productSlug("Tuần hàng OCOP thành phố Bắc Kạn 2026", "tbk26"),
      name: weekName,
      kind: "EXHIBITION",
      level: "LOCAL",
      startsOn: inDays(-67),
      endsOn: inDays(-64),
      registrationClosesOn: inDays(-76),
      place: "Phố đi bộ, phường Đức Xuân",
      organiser: "Phòng Kinh tế phối hợp Trung tâm Văn hóa, Thể thao và Truyền thông",
      boothCapacity: 24,
      description: "Tuần hàng trưng bày, bán sản phẩm OCOP của các xã, phường, kết hợp trình diễn chế biến và kể chuyện sản phẩm.",
      results: {
        visitorCount: 6200,
        salesVnd: 850_000_000n,
        contractsSigned: 4,
        resultNote: "Sản phẩm tinh bột nghệ và mật ong bán hết trong hai ngày đầu; ký 4 biên bản ghi nhớ với nhà phân phối tại Hà Nội và Thái Nguyên.",
      },
    },
    officeId,
  );
  for (const [i, g] of groups.slice(0, 2).entries()) {
    await upsertParticipant(db, week.id, g, {
      status: "CONFIRMED",
      booths: 1,
      note: "",
      decidedById: officeId,
      salesVnd: i === 0 ? 185_000_000n : 96_000_000n,
      contractsSigned: i === 0 ? 2 : 1,
    });
  }

  await upsertCourse(
    db,
    {
      title: "Xây dựng câu chuyện sản phẩm OCOP",
      audience: "PRODUCERS",
      startsOn: inDays(15),
      endsOn: inDays(16),
      registrationClosesOn: inDays(10),
      place: "Hội trường UBND phường Đức Xuân",
      capacity: 40,
      description:
        "Dành cho giám đốc hợp tác xã, chủ hộ kinh doanh có sản phẩm OCOP hoặc đang chuẩn bị hồ sơ đánh giá.\n\nNội dung: tìm chất liệu văn hóa, lịch sử của sản phẩm; viết câu chuyện sản phẩm theo tiêu chí 5.1, 5.2 của phiếu đánh giá (QĐ26/2026); đưa câu chuyện lên bao bì, mạng xã hội và gian hàng hội chợ. Học viên mang theo mẫu sản phẩm và bao bì hiện có.",
    },
    officeId,
  );
  await upsertCourse(
    db,
    {
      title: "Nghiệp vụ đánh giá, phân hạng sản phẩm OCOP theo QĐ26/2026",
      audience: "OFFICIALS",
      startsOn: inDays(21),
      endsOn: inDays(22),
      registrationClosesOn: inDays(17),
      place: "Phòng họp tầng 2, UBND thành phố",
      capacity: 30,
      description:
        "Dành cho cán bộ xã, phường, thành viên Hội đồng và Tổ tư vấn đánh giá, phân hạng sản phẩm OCOP.\n\nNội dung: Quyết định 26/2026/QĐ-TTg và 26 bộ tiêu chí; kiểm tra hồ sơ và lập báo cáo đánh giá hồ sơ cấp xã (Mẫu số 03); chấm điểm trên phiếu, xử lý chênh lệch điểm giữa các thành viên; thực hành chấm trên Cổng OCOP.",
    },
    officeId,
  );
}
