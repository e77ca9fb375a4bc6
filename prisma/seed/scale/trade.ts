// Stage 5: what builds on the catalogue: fairs with their participants and products, points of
// sale carrying listed products, and news.
import { personName } from "./people";
import { pick, type Db } from "./sql";

/** Listed products ranked per province in a stable shuffled order, for picking runs of them. */
async function listedByProvince(db: Db) {
  await db.query(`
    CREATE TEMP TABLE scale_listed AS
    SELECT prov, row_number() OVER (PARTITION BY prov ORDER BY hashint8(g)) AS rn, id, "producerId"
      FROM scale_product WHERE cls IN ('ACTIVE', 'RENEWED', 'UPGRADED')`);
  await db.query(`ALTER TABLE scale_listed ADD PRIMARY KEY (prov, rn)`);
  await db.query(`CREATE TEMP TABLE scale_listed_count AS SELECT prov, count(*)::int AS n FROM scale_listed GROUP BY prov`);
}

export async function seedEvents(db: Db, products: number) {
  await listedByProvince(db);
  const events = Math.max(20, Math.round(products / 500));
  await db.query(`
    CREATE TEMP TABLE scale_event AS
    SELECT e, 'sev' || e AS id, p.idx AS prov, p.name AS province,
           DATE '2025-01-10' + (e * 800 / $1::int) AS "startsOn",
           (ARRAY['FAIR', 'FAIR', 'EXHIBITION', 'FESTIVAL', 'TRADE_CONFERENCE'])[1 + e % 5] AS kind,
           (CASE WHEN e % 10 = 0 THEN 'NATIONAL' WHEN e % 3 = 0 THEN 'LOCAL' ELSE 'PROVINCIAL' END) AS level,
           (CASE WHEN e % 23 = 0 THEN 'CANCELLED' WHEN e % 17 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END) AS status,
           40 + ${pick("e", 71, 110)} AS capacity
      FROM generate_series(1, $1::int) e JOIN scale_province p ON p.idx = e % 34`, [events]);
  const n = (await db.query(`
    INSERT INTO "TradeEvent" (id, slug, name, kind, level, "startsOn", "endsOn", place, organiser, "boothCapacity", "registrationClosesOn",
                              description, status, "visitorCount", "salesVnd", "contractsSigned", "resultsRecordedAt", "updatedAt")
    SELECT id, 'hoi-cho-' || e, (CASE kind WHEN 'FESTIVAL' THEN 'Lễ hội sản phẩm OCOP ' WHEN 'EXHIBITION' THEN 'Triển lãm sản phẩm OCOP '
                                           WHEN 'TRADE_CONFERENCE' THEN 'Hội nghị kết nối cung cầu OCOP ' ELSE 'Hội chợ OCOP ' END)
             || province || ' ' || extract(year FROM "startsOn") || ' — lần ' || (1 + e / 34),
           kind::"TradeEventKind", level::"TradeEventLevel", "startsOn", "startsOn" + 4, 'Trung tâm Hội chợ ' || province,
           'Sở Công Thương ' || province, capacity, "startsOn" - 10,
           'Giới thiệu, quảng bá và kết nối tiêu thụ sản phẩm OCOP.', status::"TradeEventStatus",
           (CASE WHEN "startsOn" < CURRENT_DATE AND status = 'PUBLISHED' THEN 5000 + e * 37 % 20000 END),
           (CASE WHEN "startsOn" < CURRENT_DATE AND status = 'PUBLISHED' THEN (200 + e * 13 % 900)::bigint * 1000000 END),
           (CASE WHEN "startsOn" < CURRENT_DATE AND status = 'PUBLISHED' THEN e % 12 END),
           (CASE WHEN "startsOn" < CURRENT_DATE AND status = 'PUBLISHED' THEN "startsOn" + 10 END), now()
      FROM scale_event`)).rowCount ?? 0;
  // Up to 40 producers of the province per event, each with one listed product.
  await db.query(`
    CREATE TEMP TABLE scale_participant AS
    SELECT DISTINCT ON (ev.id, l."producerId") 'sep' || ev.e || '-' || l.rn AS id, ev.id AS "eventId", ev."startsOn", l."producerId", l.id AS "productId"
      FROM scale_event ev JOIN scale_listed_count c ON c.prov = ev.prov
      JOIN scale_listed l ON l.prov = ev.prov AND l.rn BETWEEN 1 + (ev.e * 53) % c.n AND (ev.e * 53) % c.n + least(40, ev.capacity / 2)
     WHERE ev.status <> 'DRAFT'
     ORDER BY ev.id, l."producerId", l.rn`);
  const participants = (await db.query(`
    INSERT INTO "EventParticipant" (id, "eventId", "producerId", status, booths, "decidedAt", "updatedAt")
    SELECT id, "eventId", "producerId", (CASE WHEN "startsOn" < CURRENT_DATE + 20 THEN 'CONFIRMED' ELSE 'REGISTERED' END)::"EventParticipantStatus", 1,
           (CASE WHEN "startsOn" < CURRENT_DATE + 20 THEN "startsOn" - 12 END), now()
      FROM scale_participant`)).rowCount ?? 0;
  await db.query(`INSERT INTO "_EventParticipantToProduct" ("A", "B") SELECT id, "productId" FROM scale_participant`);
  return { events: n, participants };
}

export async function seedPointsOfSale(db: Db, products: number) {
  const points = Math.max(20, Math.round(products / 50));
  await db.query(`
    CREATE TEMP TABLE scale_pos AS
    SELECT s, 'spos' || s AS id, w.id AS "wardId", w.prov, w.place, 30 + ${pick("s", 81, 16)} AS carried,
           (CASE WHEN ${pick("s", 82, 100)} < 70 THEN 'APPROVED' WHEN ${pick("s", 82, 100)} < 85 THEN 'SUBMITTED'
                 WHEN ${pick("s", 82, 100)} < 95 THEN 'REFUSED' ELSE 'CLOSED' END) AS status
      FROM generate_series(1, $1::int) s JOIN scale_ward w ON w.idx = ${pick("s", 80, "(SELECT count(*) FROM scale_ward)")}`, [points]);
  const n = (await db.query(`
    INSERT INTO "PointOfSale" (id, "trackingCode", name, "operatorName", address, "wardId", "locationKind", "contactName", phone, "openingHours",
                               "totalItemCount", "ocopLocalItemCount", status, "reviewedAt", "approvalDecisionNo", "approvedOn", "createdAt", "updatedAt")
    SELECT p.id, md5('pos' || p.s || random()), 'Điểm giới thiệu và bán sản phẩm OCOP ' || p.place || ' ' || (1 + p.s % 9),
           (CASE WHEN p.s % 3 = 0 THEN 'Công ty TNHH Thương mại ' ELSE 'HTX Dịch vụ ' END) || p.place, 'Số ' || (1 + p.s % 300) || ', ' || u.name,
           p."wardId", (ARRAY['MALL_SUPERMARKET_MARKET', 'TOURIST_SITE', 'COMMERCIAL_CENTRE', 'HIGHWAY_STOP', 'CRAFT_VILLAGE', 'STATION_AIRPORT', 'POST_OFFICE', 'OTHER'])[1 + p.s % 8]::"PointOfSaleLocation",
           ${personName("p.s", 83, "p.s % 2 = 0")}, '09' || lpad((p.s * 13)::text, 8, '0'), '7:00 – 21:00',
           p.carried * 2 - p.s % 7, p.carried + p.s % 11, p.status::"PointOfSaleStatus",
           (CASE WHEN p.status <> 'SUBMITTED' THEN now() - make_interval(days => p.s % 300) END),
           (CASE WHEN p.status IN ('APPROVED', 'CLOSED') THEN (300 + p.s) || '/QĐ-SCT' END),
           (CASE WHEN p.status IN ('APPROVED', 'CLOSED') THEN (now() - make_interval(days => p.s % 300))::date END),
           now() - make_interval(days => p.s % 300 + 20), now()
      FROM scale_pos p JOIN "AdminUnit" u ON u.id = p."wardId"`)).rowCount ?? 0;
  const carried = (await db.query(`
    INSERT INTO "PointOfSaleProduct" ("pointOfSaleId", "productId", "hasOcopStamp", "hasTraceStamp")
    SELECT p.id, l.id, l.rn % 10 <> 0, l.rn % 4 <> 0
      FROM scale_pos p JOIN scale_listed_count c ON c.prov = p.prov
      JOIN scale_listed l ON l.prov = p.prov AND l.rn BETWEEN 1 + (p.s * 97) % c.n AND (p.s * 97) % c.n + least(p.carried, c.n)`)).rowCount ?? 0;
  return { points: n, carried };
}

export async function seedNews(db: Db, products: number) {
  const { rowCount } = await db.query(`
    INSERT INTO "NewsArticle" (id, slug, title, summary, body, status, "publishedAt", "authorId", "updatedAt")
    SELECT 'snews' || a, 'tin-ocop-' || a,
           (ARRAY['Hội đồng tỉnh đánh giá, phân hạng sản phẩm OCOP đợt mới', 'Sản phẩm OCOP lên sàn thương mại điện tử',
                  'Tập huấn nâng cao chất lượng sản phẩm OCOP', 'Kết nối tiêu thụ sản phẩm OCOP với hệ thống siêu thị',
                  'Trao giấy chứng nhận sản phẩm OCOP 4 sao'])[1 + a % 5] || ' — ' || p.name,
           'Tin hoạt động Chương trình OCOP tại ' || p.name || '.',
           'Chương trình Mỗi xã, phường một sản phẩm tiếp tục được triển khai tại ' || p.name || '.' || E'\n\n' ||
           'Các chủ thể được hướng dẫn hoàn thiện hồ sơ, bao bì, truy xuất nguồn gốc và tham gia xúc tiến thương mại.',
           (CASE WHEN a % 20 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"PublicationStatus",
           (CASE WHEN a % 20 <> 0 THEN now() - make_interval(days => a * 3) END), 'su-communications', now()
      FROM generate_series(1, $1::int) a JOIN scale_province p ON p.idx = a % 34`, [Math.max(30, Math.round(products / 300))]);
  return rowCount ?? 0;
}
