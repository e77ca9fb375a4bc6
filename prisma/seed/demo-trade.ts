// Demo data of trade promotion: two points of sale (one recognised in Phường Đức Xuân, as the
// QĐ736 example in ocop-domain.md §7, and one application waiting for the office) and one
// published gift set. Runs after the catalogue's demo seed and uses whatever listed products it
// finds; with none it does nothing. Idempotent: points by tracking code, the gift set by slug.
import type { PrismaClient } from "../../lib/generated/prisma/client";

const todayInVietnam = () => new Date(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");

// Fixed codes so a second run finds the same rows (demo data only: real codes are random).
const APPROVED_CODE = "demo-diem-ban-duc-xuan-2026";
const WAITING_CODE = "demo-quay-ocop-song-cau-2026";
const GIFT_SET_SLUG = "qua-tet-bac-kan";

const GIFT_SET_STORY = [
  "Tết ở Bắc Kạn bắt đầu từ gian bếp. Khi sương còn phủ kín thung lũng sông Cầu, các gia đình người Tày, người Nùng, người Dao đã đồ xôi nếp nương, gói bánh chưng đen bằng lá dong rừng, treo những dải thịt lợn, lạp sườn lên gác bếp để khói củi hun cho thơm.",
  "Bộ quà gom những sản phẩm OCOP của thành phố Bắc Kạn gắn với cái Tết ấy: màu vàng của nghệ trồng trên đất đồi Nông Thượng, sợi miến dong dai trong, vị khói của món gác bếp, chén trà ấm mời khách đầu năm. Mỗi sản phẩm đều đã được Hội đồng đánh giá, công nhận và mang tem OCOP cùng tem truy xuất nguồn gốc.",
  "Món quà dành cho người đi xa nhớ quê, cho bạn bè, đối tác muốn biết Bắc Kạn có gì: một chút núi rừng, một chút khói bếp và tấm lòng của người làm ra sản phẩm.",
].join("\n\n");

export async function seedDemoTrade(db: PrismaClient) {
  const listed = await db.product.findMany({
    where: { certificateStatus: { in: ["ACTIVE", "REVOCATION_PROPOSED"] }, certificateExpiresOn: { gte: todayInVietnam() } },
    orderBy: [{ star: "desc" }, { name: "asc" }],
    take: 60,
    select: { id: true, name: true },
  });
  if (listed.length === 0) {
    console.log("Dữ liệu mẫu điểm bán, bộ quà tặng: chưa có sản phẩm OCOP nào được công nhận, bỏ qua.");
    return;
  }
  const ward = (code: string) => db.adminUnit.findUniqueOrThrow({ where: { code }, select: { id: true } }).then((w) => w.id);
  const office = await db.user.findUnique({ where: { email: "kinhte@ocop.demo" }, select: { id: true, name: true } });

  // A recognised point of sale in Phường Đức Xuân: every listed product, with both stamps.
  if (!(await db.pointOfSale.findUnique({ where: { trackingCode: APPROVED_CODE }, select: { id: true } }))) {
    const approvedOn = new Date("2026-10-20T00:00:00Z");
    const point = await db.pointOfSale.create({
      data: {
        trackingCode: APPROVED_CODE,
        name: "Cửa hàng Đặc sản OCOP Bắc Kạn – Đức Xuân",
        operatorName: "Hộ kinh doanh Hoàng Thị Thu",
        address: "Số 25, tổ 9",
        wardId: await ward("01840"),
        locationKind: "MALL_SUPERMARKET_MARKET",
        contactName: "Hoàng Thị Thu",
        phone: "0915234567",
        email: null,
        openingHours: "7:00–21:00 tất cả các ngày",
        description: "Cửa hàng 60 m² bày bán sản phẩm OCOP và đặc sản của thành phố Bắc Kạn; nhận đóng gói quà biếu và gửi hàng đi các tỉnh.",
        totalItemCount: 120,
        ocopLocalItemCount: 84,
        status: "APPROVED",
        version: 1,
        reviewedById: office?.id ?? null,
        reviewedAt: new Date("2026-10-20T03:00:00Z"),
        approvalDecisionNo: "2318/QĐ-UBND",
        approvedOn,
        createdAt: new Date("2026-10-05T02:30:00Z"),
        products: { createMany: { data: listed.map((p) => ({ productId: p.id, hasOcopStamp: true, hasTraceStamp: true })) } },
      },
      select: { id: true },
    });
    await db.statusEvent.createMany({
      data: [
        { entityType: "PointOfSale", entityId: point.id, action: "apply", fromStatus: null, toStatus: "SUBMITTED", at: new Date("2026-10-05T02:30:00Z") },
        {
          entityType: "PointOfSale",
          entityId: point.id,
          action: "approve",
          fromStatus: "SUBMITTED",
          toStatus: "APPROVED",
          comment: "2318/QĐ-UBND",
          actorId: office?.id ?? null,
          actorName: office?.name ?? null,
          actorRole: office ? "ECONOMIC_OFFICE" : null,
          at: new Date("2026-10-20T03:00:00Z"),
        },
      ],
    });
  }

  // An application waiting for the office: half the products, stamps not all in place yet.
  if (!(await db.pointOfSale.findUnique({ where: { trackingCode: WAITING_CODE }, select: { id: true } }))) {
    const carried = listed.slice(0, Math.max(1, Math.ceil(listed.length / 2)));
    const point = await db.pointOfSale.create({
      data: {
        trackingCode: WAITING_CODE,
        name: "Quầy sản phẩm OCOP Sông Cầu",
        operatorName: "Công ty TNHH Thương mại và Dịch vụ Sông Cầu",
        address: "Số 8, tổ 4",
        wardId: await ward("01837"),
        locationKind: "MALL_SUPERMARKET_MARKET",
        contactName: "Lường Văn Khánh",
        phone: "0978456123",
        email: "quayocop.songcau@example.vn",
        openingHours: "8:00–20:00, nghỉ chiều Chủ nhật",
        description: "Quầy 20 m² trong siêu thị, dành riêng cho sản phẩm OCOP và nông sản địa phương.",
        totalItemCount: 45,
        ocopLocalItemCount: 25,
        status: "SUBMITTED",
        createdAt: new Date("2026-11-24T01:15:00Z"),
        products: { createMany: { data: carried.map((p, i) => ({ productId: p.id, hasOcopStamp: true, hasTraceStamp: i % 3 !== 2 })) } },
      },
      select: { id: true },
    });
    await db.statusEvent.create({ data: { entityType: "PointOfSale", entityId: point.id, action: "apply", fromStatus: null, toStatus: "SUBMITTED", at: new Date("2026-11-24T01:15:00Z") } });
  }

  // The gift set: products whose names fit a Tết basket first, then the best-rated others.
  if (!(await db.giftSet.findUnique({ where: { slug: GIFT_SET_SLUG }, select: { id: true } }))) {
    const fits = /nghệ|miến|gác bếp|lạp sườn|trà|chè|mật ong|rượu|gạo|nếp/i;
    const chosen = [...listed.filter((p) => fits.test(p.name)), ...listed.filter((p) => !fits.test(p.name))].slice(0, 5);
    const set = await db.giftSet.create({
      data: {
        slug: GIFT_SET_SLUG,
        name: "Quà Tết Bắc Kạn",
        occasion: "Tết Nguyên đán",
        story: GIFT_SET_STORY,
        priceVnd: BigInt(1_250_000),
        published: true,
        publishedAt: new Date("2026-11-15T02:00:00Z"),
        createdById: office?.id ?? null,
        items: { createMany: { data: chosen.map((p, position) => ({ productId: p.id, position, note: position === 0 ? "Đặt ở giữa hộp quà" : "" })) } },
      },
      select: { id: true },
    });
    await db.statusEvent.create({
      data: { entityType: "GiftSet", entityId: set.id, action: "publish", fromStatus: "DRAFT", toStatus: "PUBLISHED", actorId: office?.id ?? null, actorName: office?.name ?? null, actorRole: office ? "ECONOMIC_OFFICE" : null, at: new Date("2026-11-15T02:00:00Z") },
    });
  }
}
