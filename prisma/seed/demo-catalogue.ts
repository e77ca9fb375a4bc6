// Demo data of the public catalogue (issue 5): recognised products of Bắc Kạn with their whole
// certificate chain (a RECOGNISED dossier, the recognition decision, the certificate naming the
// product; a database trigger copies star, status and dates onto the product), public profiles,
// two raw-material areas, a few generated photos, one expired and one revoked product so every
// state shows. Idempotent: producers by tax code, decisions and certificates by number, products
// by their address (slug), areas by name.
//
// The portal serves the city, so every demo producer sits in one of its eight wards; the names
// are those of well-known Bắc Kạn products (ocop-domain.md §10.2) and the rest is illustrative.
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { deflateSync } from "node:zlib";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { EvaluationLevel, ProducerType, QualitySystem, RevocationGround } from "../../lib/generated/prisma/enums";
import { productSearchText, productSlug } from "../../lib/domain/catalogue";
import { certificateExpiry } from "../../lib/domain/certificates";
import { formatCertificateNumber } from "../../lib/domain/certificate-numbers";
import { addDays, vietnamDateOf } from "../../lib/domain/dates";
import { ruleSetInForce } from "../../lib/domain/rule-sets";
import { LocalDiskStorage } from "../../lib/storage/local-disk";
import { buildProducer } from "./builders";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The address of a demo product: its name, and a suffix fixed by its first certificate's number. */
export function demoProductSlug(name: string, certificateNumber: string): string {
  return productSlug(name, createHash("sha256").update(certificateNumber).digest("hex").slice(0, 6));
}

/**
 * The catalogue product of a demo certificate, made once (by slug); what issueCertificate does
 * through catalogueProductFor in the application (that module is server-only).
 */
export async function demoCatalogueProduct(db: PrismaClient, c: { number: string; productName: string; producerId: string; criteriaSetNo: number }): Promise<string> {
  const producer = await db.producer.findUniqueOrThrow({ where: { id: c.producerId }, select: { name: true, ward: { select: { name: true } } } });
  const slug = demoProductSlug(c.productName, c.number);
  const product = await db.product.upsert({
    where: { slug },
    create: {
      slug,
      producerId: c.producerId,
      name: c.productName,
      criteriaSetNo: c.criteriaSetNo,
      searchText: productSearchText({ productName: c.productName, producerName: producer.name, wardName: producer.ward.name }),
    },
    update: {},
    select: { id: true },
  });
  return product.id;
}

type Decision = { number: string; signedOn: string; signerName: string; signerTitle: string; level: EvaluationLevel };

const CITY_2023: Decision = { number: "986/QĐ-UBND", signedOn: "2023-06-15", signerName: "Hoàng Văn Thanh", signerTitle: "Chủ tịch Ủy ban nhân dân thành phố Bắc Kạn", level: "DISTRICT" };
const CENTRAL_2025: Decision = { number: "425/QĐ-BNN-VPĐP", signedOn: "2025-03-20", signerName: "Trần Quang Minh", signerTitle: "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn", level: "CENTRAL" };
const PROVINCE_2025: Decision = { number: "2890/QĐ-UBND", signedOn: "2025-12-18", signerName: "Nguyễn Đăng Bình", signerTitle: "Phó Chủ tịch Ủy ban nhân dân tỉnh", level: "PROVINCE" };
const PROVINCE_2026: Decision = { number: "1675/QĐ-UBND", signedOn: "2026-07-20", signerName: "Nguyễn Đăng Bình", signerTitle: "Phó Chủ tịch Ủy ban nhân dân tỉnh", level: "PROVINCE" };

type NewProducer = { taxCode: string; name: string; type: ProducerType; ward: string; legalRepName: string; legalRepGender: "MALE" | "FEMALE"; legalRepEthnicity: string; address: string };

type Profile = {
  summary: string;
  story: string;
  packaging: string;
  priceFromVnd: number | null;
  qualitySystems: QualitySystem[];
  ecommerce: [platform: string, url: string][];
  website?: string;
  /** An announced livestream sale, this many days after the seed runs, at 20:00 Vietnam time. */
  livestreamInDays?: { days: number; title: string; url: string };
};

type DemoProduct = {
  seq: number;
  name: string;
  /** An existing demo producer (prisma/seed/demo.ts) by tax code, or a new one. */
  producer: string | NewProducer;
  set: number;
  star: number;
  average: number;
  decision: Decision;
  revoked?: { decision: Decision; ground: RevocationGround; note: string };
  photos: [from: Rgb, to: Rgb][];
  profile: Profile;
};

type Rgb = [number, number, number];

const search = (site: string, q: string) => `${site}${encodeURIComponent(q)}`;
const POSTMART = "https://postmart.vn/tim-kiem?keyword=";
const VOSO = "https://voso.vn/tim-kiem?q=";

const PRODUCTS: DemoProduct[] = [
  {
    seq: 21,
    name: "Miến dong Tài Hoan",
    producer: { taxCode: "4700000101", name: "HTX Tài Hoan", type: "COOPERATIVE", ward: "01855", legalRepName: "Triệu Thị Hoan", legalRepGender: "FEMALE", legalRepEthnicity: "Tày", address: "Tổ 5, phường Xuất Hóa, thành phố Bắc Kạn" },
    set: 6,
    star: 5,
    average: 91.5,
    decision: CENTRAL_2025,
    photos: [[[146, 64, 14], [250, 204, 21]], [[21, 94, 57], [187, 247, 208]]],
    profile: {
      summary: "Miến dong làm từ tinh bột dong riềng đỏ trồng tại địa phương, sợi dai, trong, không chất tẩy trắng; sản phẩm OCOP 5 sao duy nhất của tỉnh.",
      story:
        "Nghề làm miến dong ở Bắc Kạn có từ lâu đời: củ dong riềng đỏ được đào vào cuối năm, mài lấy tinh bột, lọc nhiều lần bằng nước suối rồi tráng, phơi trên những phên nứa dưới nắng hanh.\n\n" +
        "Hợp tác xã giữ cách làm thủ công ấy, thêm dây chuyền tráng và sấy khép kín để sợi miến đều, sạch. Tinh bột lấy từ vùng dong riềng liên kết với hơn 200 hộ, không dùng phụ gia tẩy trắng, nên sợi miến có màu nâu trong tự nhiên và giữ độ dai khi nấu.\n\n" +
        "Miến dong Tài Hoan đã có mặt ở các siêu thị lớn trong nước và được xuất khẩu sang Cộng hòa Séc.",
      packaging: "Gói 300 g, 500 g; hộp quà 1 kg có tem truy xuất nguồn gốc.",
      priceFromVnd: 65_000,
      qualitySystems: ["VIETGAP", "HACCP", "TRACEABILITY"],
      ecommerce: [["Postmart", search(POSTMART, "miến dong Tài Hoan")], ["Voso", search(VOSO, "miến dong Tài Hoan")]],
      livestreamInDays: { days: 9, title: "Miến dong Tài Hoan: quà Tết từ Bắc Kạn", url: "https://www.facebook.com/htxtaihoan/live" },
    },
  },
  {
    seq: 118,
    name: "Mật ong rừng Kim Ngân",
    producer: { taxCode: "4700000102", name: "HTX Kim Ngân", type: "COOPERATIVE", ward: "01837", legalRepName: "Hà Văn Ngân", legalRepGender: "MALE", legalRepEthnicity: "Tày", address: "Tổ 10, phường Sông Cầu, thành phố Bắc Kạn" },
    set: 4,
    star: 3,
    average: 62.5,
    decision: PROVINCE_2025,
    photos: [[[180, 83, 9], [254, 240, 138]]],
    profile: {
      summary: "Mật ong từ đàn ong nội nuôi dưới tán rừng tự nhiên, thu hoạch theo mùa hoa, lọc lạnh, không pha trộn.",
      story: "Đàn ong nội của hợp tác xã được đặt dưới tán rừng phục hồi, xa khu dân cư và ruộng phun thuốc. Mỗi năm chỉ quay mật hai vụ, vào mùa hoa rừng và mùa hoa nhãn, mật được lọc lạnh và đóng chai ngay tại cơ sở.",
      packaging: "Chai thủy tinh 500 ml, 1 lít.",
      priceFromVnd: 180_000,
      qualitySystems: ["TRACEABILITY"],
      ecommerce: [["Postmart", search(POSTMART, "mật ong rừng Kim Ngân")]],
    },
  },
  {
    seq: 41,
    name: "Gạo nếp Khẩu Nua Lếch Huyền Tụng",
    producer: { taxCode: "4700000103", name: "HTX Nông nghiệp Huyền Tụng", type: "COOPERATIVE", ward: "01846", legalRepName: "Lý Văn Tường", legalRepGender: "MALE", legalRepEthnicity: "Dao", address: "Thôn Nà Rào, phường Huyền Tụng, thành phố Bắc Kạn" },
    set: 3,
    star: 4,
    average: 74.75,
    decision: PROVINCE_2026,
    photos: [[[120, 113, 108], [245, 245, 244]]],
    profile: {
      summary: "Nếp Khẩu Nua Lếch hạt to, tròn, thơm đặc trưng, giống lúa cổ của đồng bào Tày Bắc Kạn, trồng một vụ mỗi năm.",
      story: "\"Khẩu nua lếch\" trong tiếng Tày nghĩa là gạo nếp hạt to. Giống lúa chỉ cấy một vụ trên ruộng bậc thang, bón phân chuồng hoai, gặt tay. Xôi nấu từ nếp Khẩu Nua Lếch dẻo, thơm và không bị cứng khi nguội, là thứ gạo không thể thiếu để gói bánh chưng, bánh gio ngày Tết.",
      packaging: "Túi hút chân không 2 kg, 5 kg.",
      priceFromVnd: 45_000,
      qualitySystems: ["VIETGAP", "TRACEABILITY"],
      ecommerce: [["Voso", search(VOSO, "gạo nếp Khẩu Nua Lếch")]],
    },
  },
  {
    seq: 119,
    name: "Trà Shan tuyết Ngọc Thắng",
    producer: { taxCode: "4700000104", name: "Công ty TNHH Chế biến nông sản và dược liệu Ngọc Thắng", type: "ENTERPRISE", ward: "01843", legalRepName: "Ngọc Văn Thắng", legalRepGender: "MALE", legalRepEthnicity: "Kinh", address: "Tổ 3, phường Phùng Chí Kiên, thành phố Bắc Kạn" },
    set: 11,
    star: 4,
    average: 77.5,
    decision: PROVINCE_2025,
    photos: [[[22, 101, 52], [220, 252, 231]]],
    profile: {
      summary: "Trà từ búp chè Shan tuyết cổ thụ trên núi cao, sao thủ công, nước vàng sánh, hậu ngọt.",
      story: "Những cây chè Shan tuyết hàng trăm năm tuổi mọc rải rác trên sườn núi cao quanh năm mây mù. Búp chè một tôm hai lá được hái tay, làm héo, vò và sao trên chảo gang theo cách của người Dao đỏ, giữ lớp lông tơ trắng như tuyết trên búp.",
      packaging: "Hộp giấy 100 g, 200 g; túi 500 g.",
      priceFromVnd: 120_000,
      qualitySystems: ["ORGANIC_VN", "ISO_22000"],
      ecommerce: [["Postmart", search(POSTMART, "trà Shan tuyết Ngọc Thắng")], ["Shopee", search("https://shopee.vn/search?keyword=", "trà Shan tuyết Bắc Kạn")]],
    },
  },
  {
    seq: 42,
    name: "Bánh gio Nà Pài",
    producer: { taxCode: "4700000105", name: "Tổ hợp tác bánh truyền thống Nà Pài", type: "COOPERATIVE_GROUP", ward: "01852", legalRepName: "Hoàng Thị Pài", legalRepGender: "FEMALE", legalRepEthnicity: "Tày", address: "Thôn Nà Pài, xã Nông Thượng, thành phố Bắc Kạn" },
    set: 6,
    star: 3,
    average: 58,
    decision: PROVINCE_2026,
    photos: [],
    profile: {
      summary: "Bánh gio (bánh tro) gói lá dong, làm từ nếp nương ngâm nước tro rơm nếp, ăn kèm mật mía.",
      story: "Nước tro được lọc từ tro rơm nếp và tro cây, ngâm gạo nếp qua đêm cho hạt ngả màu vàng trong. Bánh gói lá dong, luộc tám tiếng, để nguội ăn với mật mía Bắc Kạn. Mỗi mẻ bánh do các chị em trong tổ hợp tác cùng làm, theo đơn đặt trước.",
      packaging: "Túi 10 chiếc kèm hũ mật mía 200 ml.",
      priceFromVnd: 60_000,
      qualitySystems: [],
      ecommerce: [],
    },
  },
  {
    seq: 43,
    name: "Tinh bột nghệ nếp đen Bắc Kạn",
    producer: "4700000001",
    set: 7,
    star: 4,
    average: 76.25,
    decision: PROVINCE_2026,
    photos: [[[161, 98, 7], [254, 215, 170]]],
    profile: {
      summary: "Tinh bột nghệ nếp đen nguyên chất, hàm lượng curcumin cao, tách bằng phương pháp lắng lọc và sấy lạnh.",
      story: "Nghệ nếp đen được trồng xen trong vườn đồi ở xã Nông Thượng, thu hoạch sau mười tháng. Củ được rửa, xay, lọc qua nhiều lớp vải, lắng bột trong ba ngày rồi sấy lạnh để giữ màu và dược tính.\n\nHợp tác xã liên kết với 40 hộ trồng nghệ, bao tiêu toàn bộ sản lượng.",
      packaging: "Hộp giấy 100 g, túi zip 500 g.",
      priceFromVnd: 220_000,
      qualitySystems: ["ORGANIC_VN", "TRACEABILITY"],
      ecommerce: [["Postmart", search(POSTMART, "tinh bột nghệ Tân Thành")], ["Voso", search(VOSO, "tinh bột nghệ Bắc Kạn")]],
    },
  },
  {
    seq: 120,
    name: "Trà thảo dược giảo cổ lam núi đá",
    producer: "4700000003",
    set: 12,
    star: 4,
    average: 72.5,
    decision: PROVINCE_2025,
    photos: [],
    profile: {
      summary: "Trà túi lọc từ giảo cổ lam mọc trên núi đá vôi, vị đắng nhẹ, hậu ngọt.",
      story: "Giảo cổ lam năm lá được trồng dưới tán rừng trên núi đá vôi, thu hái khi cây đủ tuổi, sấy khô ở nhiệt độ thấp và đóng túi lọc trong phòng sạch.",
      packaging: "Hộp 25 túi lọc × 2 g.",
      priceFromVnd: 95_000,
      qualitySystems: ["HACCP", "ISO_22000"],
      ecommerce: [["Postmart", search(POSTMART, "trà giảo cổ lam Bắc Hà")]],
      website: "https://curcuminbacha.example.vn",
    },
  },
  {
    seq: 44,
    name: "Siro mơ vàng Xuất Hóa",
    producer: { taxCode: "4700000106", name: "HTX Nông lâm nghiệp Xuất Hóa", type: "COOPERATIVE", ward: "01855", legalRepName: "Đinh Thị Mơ", legalRepGender: "FEMALE", legalRepEthnicity: "Tày", address: "Tổ 2, phường Xuất Hóa, thành phố Bắc Kạn" },
    set: 17,
    star: 3,
    average: 55.5,
    decision: PROVINCE_2026,
    photos: [[[202, 138, 4], [254, 249, 195]]],
    profile: {
      summary: "Siro ngâm từ quả mơ vàng chín cây, đường phèn, không chất bảo quản.",
      story: "Mơ vàng được hái vào cuối tháng Tư khi quả chín đều, rửa sạch, ngâm đường phèn trong chum sành ba tháng. Pha với nước lạnh hoặc đá là thức uống giải nhiệt quen thuộc của người Bắc Kạn.",
      packaging: "Chai thủy tinh 500 ml.",
      priceFromVnd: 85_000,
      qualitySystems: ["TRACEABILITY"],
      ecommerce: [["Voso", search(VOSO, "siro mơ Bắc Kạn")]],
    },
  },
  {
    seq: 121,
    name: "Thịt lợn gác bếp Dung Dinh",
    producer: "4700000002",
    set: 8,
    star: 3,
    average: 63.25,
    decision: PROVINCE_2025,
    photos: [[[127, 29, 29], [254, 202, 202]]],
    profile: {
      summary: "Thịt lợn đen bản địa tẩm mắc khén, hạt dổi, hun khói trên gác bếp củi theo cách của người Tày.",
      story: "Lợn đen được nuôi thả, ăn rau rừng và cám ngô. Thịt được tẩm ướp mắc khén, hạt dổi, gừng, sả rồi treo trên gác bếp củi nhiều ngày cho khô đều, thơm mùi khói.",
      packaging: "Túi hút chân không 500 g.",
      priceFromVnd: 350_000,
      qualitySystems: ["TRACEABILITY"],
      ecommerce: [["Postmart", search(POSTMART, "thịt lợn gác bếp Dung Dinh")]],
    },
  },
  {
    // Recognised by the city in 2023: its 36 months ran out in June 2026 (the sweep recorded it).
    seq: 47,
    name: "Rượu chuối men lá Mạnh Minh",
    producer: "4700000004",
    set: 15,
    star: 3,
    average: 57.5,
    decision: CITY_2023,
    photos: [],
    profile: {
      summary: "Rượu ngâm chuối rừng chín với rượu men lá truyền thống.",
      story: "Rượu được nấu từ gạo nếp ủ men lá rừng theo bài thuốc của người Dao, sau đó ngâm với chuối rừng chín.",
      packaging: "Chai thủy tinh 500 ml.",
      priceFromVnd: 120_000,
      qualitySystems: [],
      ecommerce: [],
    },
  },
  {
    seq: 122,
    name: "Thịt lợn sấy Nà Pài",
    producer: { taxCode: "4700000107", name: "Hộ kinh doanh Nông Văn Sáng", type: "HOUSEHOLD_BUSINESS", ward: "01852", legalRepName: "Nông Văn Sáng", legalRepGender: "MALE", legalRepEthnicity: "Tày", address: "Thôn Nà Pài, xã Nông Thượng, thành phố Bắc Kạn" },
    set: 8,
    star: 3,
    average: 55,
    decision: PROVINCE_2025,
    revoked: {
      decision: { number: "2315/QĐ-UBND", signedOn: "2026-10-05", signerName: "Nguyễn Đăng Bình", signerTitle: "Phó Chủ tịch Ủy ban nhân dân tỉnh", level: "PROVINCE" },
      ground: "C",
      note: "Biên bản kiểm tra số 45/BB-ATTP ngày 12/9/2026: mẫu sản phẩm vượt giới hạn vi sinh vật cho phép; cơ sở không khắc phục trong thời hạn.",
    },
    photos: [],
    profile: {
      summary: "Thịt lợn sấy khô tẩm gia vị.",
      story: "",
      packaging: "Túi 250 g.",
      priceFromVnd: null,
      qualitySystems: [],
      ecommerce: [],
    },
  },
];

/** Profiles of the two certificates made by seedDemoCertificates (demo-evaluation.ts). */
const EARLIER: Record<string, Profile> = {
  [formatCertificateNumber({ seq: 12, year: 2024, province: "06" })]: {
    summary: "Miến dong sợi nhỏ, dai, làm từ tinh bột dong riềng của các hộ thành viên ở phường Đức Xuân.",
    story: "Hợp tác xã Tân Dân thu mua củ dong riềng của bà con trong phường, tự lọc tinh bột và tráng miến bằng lò hơi. Sợi miến được phơi nắng tự nhiên hai ngày trước khi đóng gói.",
    packaging: "Gói 500 g.",
    priceFromVnd: 55_000,
    qualitySystems: ["TRACEABILITY"],
    ecommerce: [["Voso", search(VOSO, "miến dong Tân Dân")]],
  },
  [formatCertificateNumber({ seq: 3, year: 2025, province: "06" })]: {
    summary: "Tinh nghệ curcumin từ nghệ vàng Bắc Kạn, dạng bột hòa tan.",
    story: "Nghệ vàng trồng tại xã Nông Thượng được chiết xuất curcumin bằng công nghệ nano của công ty, đóng gói tại nhà máy đạt chuẩn.",
    packaging: "Hộp 20 gói × 3 g; lọ 100 g.",
    priceFromVnd: 250_000,
    qualitySystems: ["HACCP", "ISO_22000", "TRACEABILITY"],
    ecommerce: [["Postmart", search(POSTMART, "tinh nghệ curcumin Bắc Hà")]],
    website: "https://curcuminbacha.example.vn",
  },
};

const AREAS = [
  {
    name: "Vùng trồng dong riềng đỏ Xuất Hóa",
    ward: "01855",
    location: "Tổ 4, tổ 5 và tổ 7, phường Xuất Hóa",
    areaHa: "35.50",
    kind: "CROP",
    subject: "Dong riềng đỏ",
    standard: "VIETGAP",
    standardCertificateNo: "VietGAP-TT-25-06-0142",
    standardIssuer: "Trung tâm Chứng nhận phù hợp",
    standardExpiresOn: "2027-04-30",
    producerTax: "4700000101",
    product: "Miến dong Tài Hoan",
  },
  {
    name: "Vùng nghệ nếp Nà Pài",
    ward: "01852",
    location: "Thôn Nà Pài và thôn Nà Chuông, xã Nông Thượng",
    areaHa: "15.00",
    kind: "CROP",
    subject: "Nghệ nếp đỏ, nghệ nếp đen",
    standard: "ORGANIC_VN",
    standardCertificateNo: "HC-2023-0871",
    standardIssuer: "Tổ chức chứng nhận hữu cơ theo TCVN 11041",
    standardExpiresOn: "2026-08-31",
    producerTax: "4700000001",
    product: "Tinh bột nghệ nếp đen Bắc Kạn",
  },
] as const;

export async function seedDemoCatalogue(db: PrismaClient) {
  const wards = new Map((await db.adminUnit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  const storage = new LocalDiskStorage(path.resolve(process.env.STORAGE_DIR || "storage"));
  const today = vietnamDateOf(new Date());

  for (const p of PRODUCTS) {
    const producerId =
      typeof p.producer === "string"
        ? (await db.producer.findUniqueOrThrow({ where: { taxCode: p.producer }, select: { id: true } })).id
        : (await buildProducer(db, { ...p.producer, wardId: wards.get(p.producer.ward)!, businessRegNo: `47${p.producer.taxCode.slice(-6)}` })).id;
    const year = Number(p.decision.signedOn.slice(0, 4));
    const number = formatCertificateNumber({ seq: p.seq, year, province: "06" });
    const productId = await demoCatalogueProduct(db, { number, productName: p.name, producerId, criteriaSetNo: p.set });
    if (!(await db.certificate.findUnique({ where: { number }, select: { id: true } }))) {
      await issueDemoCertificate(db, p, { number, producerId, productId, today });
    }
    await fillProfile(db, productId, p.profile, today);
    if (p.photos.length) await addPhotos(db, storage, productId, p.name, p.photos);
  }

  // The two certificates of demo-evaluation.ts: their products (made there from now on, here for
  // a database seeded before) and their profiles.
  for (const [number, profile] of Object.entries(EARLIER)) {
    const cert = await db.certificate.findUnique({ where: { number }, select: { id: true, productId: true, productName: true, producerId: true, criteriaSetNo: true } });
    if (!cert) continue;
    const productId = cert.productId ?? (await demoCatalogueProduct(db, { number, ...cert }));
    if (!cert.productId) await db.certificate.update({ where: { id: cert.id }, data: { productId } });
    await fillProfile(db, productId, profile, today);
  }

  for (const a of AREAS) {
    const producer = await db.producer.findUnique({ where: { taxCode: a.producerTax }, select: { id: true } });
    const product = await db.product.findFirst({ where: { name: a.product, producerId: producer?.id }, select: { id: true } });
    if (!producer || !product || (await db.rawMaterialArea.findFirst({ where: { name: a.name }, select: { id: true } }))) continue;
    const { producerTax: _t, product: _p, ward, standardExpiresOn, ...fields } = a;
    void _t;
    void _p;
    await db.rawMaterialArea.create({
      data: {
        ...fields,
        wardId: wards.get(ward)!,
        standardExpiresOn: day(standardExpiresOn),
        producers: { connect: { id: producer.id } },
        products: { connect: { id: product.id } },
      },
    });
  }
}

async function issueDemoCertificate(db: PrismaClient, p: DemoProduct, c: { number: string; producerId: string; productId: string; today: string }) {
  const ruleSet = ruleSetInForce(p.decision.signedOn)!;
  const issued = day(p.decision.signedOn);
  const decision = await upsertDecision(db, "RECOGNITION", p.decision);
  const dossier = await db.dossier.create({
    data: {
      producerId: c.producerId,
      cycleYear: issued.getUTCFullYear(),
      status: "RECOGNISED",
      evaluationType: "FIRST",
      productName: p.name,
      criteriaSetNo: p.set,
      ruleSetCode: ruleSet.code,
      version: 1,
      submittedAt: new Date(issued.getTime() - 90 * 86_400_000),
      forwardedAt: new Date(issued.getTime() - 60 * 86_400_000),
      decidedAt: issued,
    },
  });
  const expiresOn = certificateExpiry(p.decision.signedOn, ruleSet);
  const certificate = await db.certificate.create({
    data: {
      productId: c.productId,
      number: c.number,
      verifyCode: randomBytes(18).toString("base64url"),
      dossierId: dossier.id,
      producerId: c.producerId,
      productName: p.name,
      criteriaSetNo: p.set,
      star: p.star,
      level: p.decision.level,
      ruleSetCode: ruleSet.code,
      averageTotal: p.average,
      issuedOn: issued,
      expiresOn: day(expiresOn),
      decisionId: decision.id,
    },
  });
  const history: { action: string; from: string | null; to: string; at: Date; comment: string | null }[] = [{ action: "issue", from: null, to: "ACTIVE", at: issued, comment: p.decision.number }];
  if (p.revoked) {
    const revocation = await upsertDecision(db, "REVOCATION", p.revoked.decision);
    const on = day(p.revoked.decision.signedOn);
    await db.certificate.update({
      where: { id: certificate.id },
      data: { status: "REVOKED", revocationGround: p.revoked.ground, revocationDecisionId: revocation.id, revokedOn: on, revocationNote: p.revoked.note },
    });
    history.push({ action: "propose-revocation", from: "ACTIVE", to: "REVOCATION_PROPOSED", at: on, comment: null }, { action: "revoke", from: "REVOCATION_PROPOSED", to: "REVOKED", at: on, comment: `${p.revoked.decision.number}\n${p.revoked.note}` });
  } else if (expiresOn < c.today) {
    // As the daily sweep leaves it the day after the last valid day.
    await db.certificate.update({ where: { id: certificate.id }, data: { status: "EXPIRED", expiryNoticeAt: day(addDays(expiresOn, -30)) } });
    history.push({ action: "expire", from: "ACTIVE", to: "EXPIRED", at: day(addDays(expiresOn, 1)), comment: null });
  }
  for (const h of history) {
    await db.statusEvent.create({ data: { entityType: "Certificate", entityId: certificate.id, action: h.action, fromStatus: h.from, toStatus: h.to, comment: h.comment, at: h.at } });
  }
}

function upsertDecision(db: PrismaClient, kind: "RECOGNITION" | "REVOCATION", d: Decision) {
  const { signedOn, ...rest } = d;
  return db.decision.upsert({ where: { number: d.number }, create: { kind, signedOn: day(signedOn), ...rest }, update: {}, select: { id: true } });
}

/** The public profile, written once: what the office or the producer edits later stays. */
async function fillProfile(db: PrismaClient, productId: string, p: Profile, today: string) {
  const livestreams = p.livestreamInDays
    ? [{ title: p.livestreamInDays.title, startsAt: new Date(`${addDays(today, p.livestreamInDays.days)}T20:00:00+07:00`).toISOString(), url: p.livestreamInDays.url }]
    : [];
  await db.product.updateMany({
    where: { id: productId, summary: "", story: "" },
    data: {
      summary: p.summary,
      story: p.story,
      packaging: p.packaging,
      priceFromVnd: p.priceFromVnd === null ? null : BigInt(p.priceFromVnd),
      qualitySystems: p.qualitySystems,
      ecommerceLinks: p.ecommerce.map(([platform, url]) => ({ platform, url })),
      livestreams,
      website: p.website ?? null,
    },
  });
}

/** Generated pictures (a gradient and the OCOP star), added once, the first one as the cover. */
async function addPhotos(db: PrismaClient, storage: LocalDiskStorage, productId: string, name: string, palettes: [Rgb, Rgb][]) {
  if (await db.attachment.count({ where: { entityType: "Product", entityId: productId, purpose: "photo" } })) return;
  let cover: string | null = null;
  for (const [i, [from, to]] of palettes.entries()) {
    const bytes = demoPhotoPng(480, 360, from, to);
    const stored = await storage.put(bytes, { prefix: "public" });
    const row = await db.attachment.create({
      data: { entityType: "Product", entityId: productId, purpose: "photo", storageKey: stored.key, fileName: `${productSlug(name, String(i + 1))}.png`, mime: "image/png", size: stored.size, sha256: stored.sha256 },
      select: { id: true },
    });
    cover ??= row.id;
  }
  await db.product.update({ where: { id: productId }, data: { coverPhotoId: cover } });
}

// ---------------------------------------------------------------------------------------------
// A minimal PNG encoder (8-bit RGB, no interlace), so the seed needs no image library.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The five-pointed star of the OCOP mark, centred at (cx, cy), as ten polygon points. */
function starPolygon(cx: number, cy: number, r: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

function inside(x: number, y: number, poly: [number, number][]): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

export function demoPhotoPng(width: number, height: number, from: Rgb, to: Rgb): Uint8Array {
  const star = starPolygon(width / 2, height / 2, Math.min(width, height) * 0.3);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const rgb: Rgb = inside(x + 0.5, y + 0.5, star) ? [246, 195, 67] : [0, 1, 2].map((k) => Math.round(from[k]! + (to[k]! - from[k]!) * t)) as Rgb;
      raw.set(rgb, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(raw)), pngChunk("IEND", Buffer.alloc(0))]));
}
