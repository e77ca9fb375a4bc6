// Demo data of step 1 (communication) and of raw-material areas: news of the city's OCOP
// programme in 2026, the library of the documents the programme works by (numbers and dates as
// cited in the city's 2024 plan and the domain brief), and two certified raw-material areas.
// Runs after the catalogue's demo seed; idempotent (news by address, documents by number or
// title, areas by name), and never overwrites what an editor changed since.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { LibraryDocumentKind, PublicationStatus, RawMaterialKind, RawMaterialStandard } from "../../lib/generated/prisma/enums";
import { newsSlug } from "../../lib/validation/communication";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type DemoArticle = { suffix: string; title: string; summary: string; body: string[]; by: string; publishedAt: string | null };

const NEWS: DemoArticle[] = [
  {
    suffix: "qd26",
    by: "kinhte@ocop.demo",
    publishedAt: "2026-06-08T08:30:00+07:00",
    title: "Quyết định 26/2026/QĐ-TTg: những điểm mới chủ thể OCOP cần biết",
    summary: "Từ ngày 22/5/2026, sản phẩm OCOP được đánh giá, phân hạng theo Bộ tiêu chí và quy trình mới ban hành kèm Quyết định số 26/2026/QĐ-TTg của Thủ tướng Chính phủ.",
    body: [
      "Ngày 22/5/2026, Thủ tướng Chính phủ ban hành Quyết định số 26/2026/QĐ-TTg về Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm (OCOP). Quyết định số 148/QĐ-TTg ngày 24/02/2023 và Quyết định số 1489/QĐ-TTg ngày 06/7/2025 hết hiệu lực sau 60 ngày kể từ ngày ban hành quyết định mới.",
      "Bộ tiêu chí gồm 26 bộ sản phẩm thuộc 6 nhóm: thực phẩm; đồ uống; dược liệu và sản phẩm từ dược liệu; hàng thủ công mỹ nghệ; sinh vật cảnh; dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch. Mỗi phiếu đánh giá có ba phần: sản phẩm và sức mạnh của cộng đồng (40 điểm), khả năng tiếp thị (25 điểm), chất lượng sản phẩm (35 điểm). Một số chỉ tiêu có yêu cầu tối thiểu theo hạng sao, được đánh dấu sao ngay trên phiếu.",
      "Theo quy trình mới, chủ thể nộp Phiếu đăng ký (Mẫu số 01), Báo cáo tự đánh giá (Mẫu số 02) và các tài liệu kèm theo tại UBND xã, phường. Trong 15 ngày làm việc, UBND xã, phường kiểm tra hồ sơ, đánh giá việc sử dụng nguyên liệu và lao động địa phương, nguồn gốc ý tưởng sản phẩm, tính bản địa, rồi lập báo cáo theo Mẫu số 03 gửi cấp tỉnh. Hội đồng cấp tỉnh đánh giá, phân hạng sản phẩm 3 sao và 4 sao; sản phẩm đạt từ 90 điểm trở lên được đề nghị Bộ Nông nghiệp và Môi trường xem xét công nhận 5 sao.",
      "Giấy chứng nhận có giá trị 36 tháng kể từ ngày cấp. Giấy chứng nhận đã cấp trước ngày 22/5/2026 vẫn có giá trị đến hết thời hạn ghi trên giấy. Toàn văn 26 phiếu đánh giá được đăng ở mục Bộ tiêu chí; Quyết định và các mẫu hồ sơ có ở mục Văn bản của cổng.",
    ],
  },
  {
    suffix: "taphuan",
    by: "truyenthong@ocop.demo",
    publishedAt: "2026-08-14T16:00:00+07:00",
    title: "Tập huấn xây dựng phương án kinh doanh và hoàn thiện hồ sơ OCOP cho chủ thể",
    summary: "Phòng Kinh tế thành phố tổ chức lớp tập huấn cho hợp tác xã, tổ hợp tác và hộ kinh doanh về phương án sản xuất kinh doanh, bao bì, nhãn mác và hồ sơ đánh giá theo Quyết định 26/2026/QĐ-TTg.",
    body: [
      "Trong hai ngày 12 và 13/8/2026, Phòng Kinh tế thành phố tổ chức lớp tập huấn nâng cao năng lực cho các chủ thể tham gia Chương trình OCOP năm 2026. Tham dự có đại diện các hợp tác xã, tổ hợp tác, hộ kinh doanh và cán bộ phụ trách OCOP của các xã, phường trên địa bàn.",
      "Nội dung tập huấn bám sát khung đào tạo Chương trình OCOP ban hành theo Quyết định số 3360/QĐ-BNN-VPĐP ngày 06/9/2022 của Bộ Nông nghiệp và Phát triển nông thôn: xây dựng phương án sản xuất kinh doanh, quản trị hợp tác xã, tiếp thị và bán hàng trên sàn thương mại điện tử, ghi nhãn hàng hóa và truy xuất nguồn gốc.",
      "Học viên được hướng dẫn lập hồ sơ theo quy trình mới, tự chấm điểm trên phiếu đánh giá và chuẩn bị minh chứng cho từng tiêu chí như giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, phiếu kết quả kiểm nghiệm, hợp đồng liên kết với vùng nguyên liệu.",
      "Cuối lớp học, nhiều chủ thể đã đăng ký tài khoản trên cổng OCOP của thành phố để nộp ý tưởng sản phẩm và hồ sơ trực tuyến, thay cho những bộ hồ sơ giấy dày hàng trăm trang như trước.",
    ],
  },
  {
    suffix: "dot2",
    by: "kinhte@ocop.demo",
    publishedAt: "2026-10-20T09:00:00+07:00",
    title: "Tiếp nhận hồ sơ đánh giá, phân hạng sản phẩm OCOP đợt 2 năm 2026",
    summary: "Hội đồng đánh giá, phân hạng sản phẩm OCOP đợt 2 năm 2026 đã được thành lập; chủ thể hoàn thiện hồ sơ và nộp qua UBND xã, phường trước ngày 30/10/2026.",
    body: [
      "Hội đồng đánh giá, phân hạng sản phẩm OCOP đợt 2 năm 2026 được thành lập theo Quyết định số 2150/QĐ-UBND ngày 15/10/2026. Chủ tịch Hội đồng là Phó Giám đốc Sở Nông nghiệp và Môi trường; thành viên gồm đại diện cơ quan quản lý chất lượng nông, lâm sản và thủy sản, Sở Công Thương; Phòng Kinh tế thành phố làm thư ký.",
      "Chủ thể có sản phẩm đăng ký đánh giá lần đầu, nâng hạng hoặc đánh giá lại hoàn thiện hồ sơ và nộp tại UBND xã, phường nơi sản xuất trước ngày 30/10/2026. UBND xã, phường có 15 ngày làm việc để kiểm tra, lập báo cáo theo Mẫu số 03 và chuyển hồ sơ lên Hội đồng. Đợt đánh giá hoàn thành trước ngày 30/12/2026.",
      "Hồ sơ được nộp và chấm điểm trên cổng OCOP của thành phố: chủ thể theo dõi được hồ sơ đang ở bước nào, từng thành viên Hội đồng chấm điểm độc lập trên phiếu đánh giá điện tử, kết quả được công bố khi có quyết định công nhận.",
      "Chủ thể có giấy chứng nhận OCOP sắp hết hạn lưu ý: theo quy định mới, hồ sơ đánh giá lại được nộp sớm nhất 180 ngày và muộn nhất 120 ngày trước ngày giấy chứng nhận hết hạn.",
    ],
  },
  {
    suffix: "ngayhoi",
    by: "truyenthong@ocop.demo",
    publishedAt: "2026-11-17T18:00:00+07:00",
    title: "Sản phẩm OCOP thành phố hút khách tại Ngày hội nông sản năm 2026",
    summary: "Miến dong, tinh bột nghệ nếp, trà giảo cổ lam, thịt lợn gác bếp và nhiều sản phẩm OCOP khác của thành phố được giới thiệu, bán trực tiếp và qua livestream tại Ngày hội nông sản OCOP.",
    body: [
      "Từ ngày 13 đến 16/11/2026, Ngày hội nông sản OCOP thành phố Bắc Kạn năm 2026 diễn ra tại trung tâm thành phố với gian hàng của các hợp tác xã, tổ hợp tác và hộ kinh doanh trong và ngoài tỉnh.",
      "Các sản phẩm OCOP quen thuộc của thành phố như miến dong, tinh bột nghệ nếp, trà giảo cổ lam, thịt lợn gác bếp, rượu chuối men lá được bày bán cùng đặc sản của các địa phương bạn. Nhiều gian hàng vừa bán trực tiếp vừa giới thiệu sản phẩm qua livestream trên mạng xã hội và các sàn thương mại điện tử Postmart, Voso.",
      "Sản phẩm OCOP trưng bày đều có tem truy xuất nguồn gốc. Khách tham quan quét mã QR trên tem bằng điện thoại để xem thông tin sản phẩm, chủ thể sản xuất và kiểm tra giấy chứng nhận OCOP còn hiệu lực hay không ngay trên cổng thông tin của thành phố.",
      "Ngày hội là hoạt động xúc tiến thương mại, bước thứ sáu của chu trình OCOP thường niên, giúp các chủ thể gặp gỡ doanh nghiệp phân phối, siêu thị và các điểm giới thiệu, bán sản phẩm OCOP trong tỉnh.",
    ],
  },
  {
    suffix: "vietgap",
    by: "truyenthong@ocop.demo",
    publishedAt: null,
    title: "Vùng dong riềng đỏ Nông Thượng chuẩn bị tái chứng nhận VietGAP",
    summary: "Giấy chứng nhận VietGAP của vùng dong riềng đỏ xã Nông Thượng hết hạn vào tháng 02/2027; HTX Nông nghiệp Tân Thành đang chuẩn bị hồ sơ tái chứng nhận.",
    body: [
      "Vùng dong riềng đỏ rộng 12,5 ha ở thôn Nà Pài, xã Nông Thượng cung cấp nguyên liệu cho HTX Nông nghiệp Tân Thành. Giấy chứng nhận VietGAP của vùng hết hạn ngày 15/02/2027.",
      "Vùng nguyên liệu được chứng nhận VietGAP được tính điểm ở tiêu chí 1.2 của phiếu đánh giá sản phẩm OCOP. Hợp tác xã đang rà soát nhật ký sản xuất và mời tổ chức chứng nhận đánh giá lại trước khi giấy chứng nhận hết hạn.",
    ],
  },
];

type DemoDocument = { number: string | null; issuedOn: string | null; issuer: string; kind: LibraryDocumentKind; title: string; summary: string; status?: PublicationStatus };

// Numbers and dates as the domain brief (ocop-domain.md, sources table and §1, §7, §8) and the
// city's 2024 plan (seed-plan-bac-kan-2024.md) cite them.
const DOCUMENTS: DemoDocument[] = [
  {
    number: "26/2026/QĐ-TTg",
    issuedOn: "2026-05-22",
    issuer: "Thủ tướng Chính phủ",
    kind: "LEGAL",
    title: "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm",
    summary: "Phân loại sản phẩm (Phụ lục I), 26 bộ tiêu chí kiêm phiếu đánh giá (Phụ lục II) và các mẫu hồ sơ số 01, 02, 03 (Phụ lục III). Cấp tỉnh công nhận sản phẩm 3 sao, 4 sao; cấp trung ương công nhận sản phẩm 5 sao. Thay thế Quyết định số 148/QĐ-TTg.",
  },
  {
    number: "1489/QĐ-TTg",
    issuedOn: "2025-07-06",
    issuer: "Thủ tướng Chính phủ",
    kind: "LEGAL",
    title: "Sửa đổi, bổ sung Quyết định số 148/QĐ-TTg về Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP",
    summary: "Điều chỉnh quy trình cho chính quyền địa phương hai cấp: không còn cấp huyện; cấp tỉnh công nhận sản phẩm 3 sao và 4 sao, UBND cấp xã tiếp nhận hồ sơ. Hết hiệu lực sau 60 ngày kể từ ngày ban hành Quyết định số 26/2026/QĐ-TTg.",
  },
  {
    number: "148/QĐ-TTg",
    issuedOn: "2023-02-24",
    issuer: "Thủ tướng Chính phủ",
    kind: "LEGAL",
    title: "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
    summary: "Áp dụng từ năm 2023; thay thế Quyết định số 1048/QĐ-TTg và Quyết định số 781/QĐ-TTg. Giấy chứng nhận cấp theo quyết định này còn giá trị đến hết thời hạn ghi trên giấy.",
  },
  {
    number: "919/QĐ-TTg",
    issuedOn: "2022-08-01",
    issuer: "Thủ tướng Chính phủ",
    kind: "LEGAL",
    title: "Phê duyệt Chương trình Mỗi xã một sản phẩm giai đoạn 2021 - 2025",
    summary: "Mục tiêu đến năm 2025: ít nhất 10.000 sản phẩm OCOP đạt 3 sao trở lên, trong đó 400 - 500 sản phẩm 5 sao; ít nhất 50% chủ thể OCOP tham gia các kênh phân phối hiện đại.",
  },
  {
    number: "950/QĐ-BCT",
    issuedOn: "2023-04-18",
    issuer: "Bộ Công Thương",
    kind: "LEGAL",
    title: "Bộ tiêu chí điểm giới thiệu và bán sản phẩm OCOP giai đoạn 2023 - 2025",
    summary: "Tiêu chí về địa điểm và sản phẩm của điểm giới thiệu và bán sản phẩm OCOP; thay thế Quyết định số 920/QĐ-BCT năm 2019.",
  },
  {
    number: "8050/BNN-VPĐP",
    issuedOn: "2022-11-29",
    issuer: "Bộ Nông nghiệp và Phát triển nông thôn",
    kind: "GUIDANCE",
    title: "Hướng dẫn triển khai một số Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021 - 2025",
    summary: "Chu trình OCOP thường niên 6 bước: tuyên truyền, hướng dẫn về OCOP; nhận ý tưởng sản phẩm; nhận phương án sản xuất kinh doanh; triển khai phương án kinh doanh; đánh giá và phân hạng sản phẩm; xúc tiến thương mại.",
  },
  {
    number: "3360/QĐ-BNN-VPĐP",
    issuedOn: "2022-09-06",
    issuer: "Bộ Nông nghiệp và Phát triển nông thôn",
    kind: "GUIDANCE",
    title: "Khung đào tạo Chương trình Mỗi xã một sản phẩm (OCOP)",
    summary: "Khung nội dung đào tạo, tập huấn cho cán bộ triển khai Chương trình OCOP các cấp và chủ thể OCOP.",
  },
  {
    number: "736/QĐ-UBND",
    issuedOn: "2021-05-26",
    issuer: "UBND tỉnh Bắc Kạn",
    kind: "LEGAL",
    title: "Ban hành Quy chế điểm giới thiệu và bán sản phẩm OCOP trên địa bàn tỉnh Bắc Kạn",
    summary: "Điểm giới thiệu và bán sản phẩm OCOP có ít nhất 30 sản phẩm OCOP của tỉnh đạt 3 sao trở lên, có tem OCOP và tem truy xuất nguồn gốc; sản phẩm OCOP và sản phẩm đặc trưng của địa phương chiếm trên 60% số mặt hàng trưng bày.",
  },
  {
    number: "1633/QĐ-UBND",
    issuedOn: "2020-09-09",
    issuer: "UBND tỉnh Bắc Kạn",
    kind: "LEGAL",
    title: "Ban hành Kế hoạch thực hiện Quyết định số 100/QĐ-TTg của Thủ tướng Chính phủ về Đề án triển khai, áp dụng và quản lý hệ thống truy xuất nguồn gốc trên địa bàn tỉnh Bắc Kạn",
    summary: "",
  },
  {
    number: "01/2022/NQ-HĐND",
    issuedOn: "2022-04-27",
    issuer: "HĐND tỉnh Bắc Kạn",
    kind: "LEGAL",
    title: "Quy định một số chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa, hỗ trợ nâng cao năng lực cho khu vực kinh tế tập thể trên địa bàn tỉnh",
    summary: "",
  },
  {
    number: "32-CT/TU",
    issuedOn: "2024-05-09",
    issuer: "Ban Thường vụ Tỉnh ủy Bắc Kạn",
    kind: "OTHER",
    title: "Chỉ thị về tăng cường sự lãnh đạo, chỉ đạo của Đảng trong thực hiện Đề án “Mỗi xã, phường một sản phẩm”",
    summary: "",
  },
  {
    number: "502/KH-UBND",
    issuedOn: "2024-07-16",
    issuer: "UBND tỉnh Bắc Kạn",
    kind: "GUIDANCE",
    title: "Kế hoạch thực hiện Chỉ thị số 32-CT/TU ngày 09/5/2024 của Ban Thường vụ Tỉnh ủy Bắc Kạn về tăng cường sự lãnh đạo, chỉ đạo của Đảng trong thực hiện Đề án “Mỗi xã, phường một sản phẩm” trên địa bàn tỉnh",
    summary: "",
  },
  {
    // The city's plan carries no number and no day in the copy the portal has ("tháng 7 năm 2024").
    number: null,
    issuedOn: null,
    issuer: "UBND thành phố Bắc Kạn",
    kind: "GUIDANCE",
    title: "Kế hoạch thực hiện Chỉ thị số 32-CT/TU ngày 09/5/2024 của Ban Thường vụ Tỉnh ủy Bắc Kạn về tăng cường sự lãnh đạo, chỉ đạo của Đảng trong thực hiện Đề án “Mỗi xã, phường một sản phẩm” trên địa bàn thành phố",
    summary: "Kế hoạch của UBND thành phố (tháng 7/2024): tuyên truyền; phát triển sản phẩm mới, chuẩn hóa sản phẩm và vùng nguyên liệu; chu trình OCOP thường niên 6 bước; xúc tiến thương mại; chuyển đổi số. Giao nhiệm vụ cho Phòng Kinh tế, Trung tâm Văn hóa, Thể thao và Truyền thông và UBND các xã, phường.",
  },
  {
    number: null,
    issuedOn: "2026-05-22",
    issuer: "Thủ tướng Chính phủ",
    kind: "FORM",
    title: "Mẫu hồ sơ đánh giá, phân hạng sản phẩm OCOP (Mẫu số 01, 02, 03, Phụ lục III Quyết định số 26/2026/QĐ-TTg)",
    summary: "Mẫu số 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP. Mẫu số 02: Báo cáo tự đánh giá về sản phẩm. Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ (UBND cấp xã).",
    // Waits for its file (the forms as Word documents) before it is published.
    status: "DRAFT",
  },
];

type DemoArea = {
  name: string;
  ward: string;
  location: string;
  areaHa: number;
  kind: RawMaterialKind;
  subject: string;
  standard: RawMaterialStandard;
  standardCertificateNo: string;
  standardIssuer: string;
  standardExpiresOn: string;
  producerTax: string;
  /** Words a linked product's name contains (products of the demo catalogue, when present). */
  productNames: string[];
};

// The catalogue's demo seed adds two more (dong riềng Xuất Hóa, nghệ nếp Nà Pài); these two give
// the desk a certificate expiring within 90 days and a livestock area.
const AREAS: DemoArea[] = [
  {
    name: "Vùng dong riềng đỏ Nông Thượng",
    ward: "01852",
    location: "Thôn Nà Pài, xã Nông Thượng",
    areaHa: 12.5,
    kind: "CROP",
    subject: "Dong riềng đỏ",
    standard: "VIETGAP",
    standardCertificateNo: "VietGAP-TT-24-06-0087",
    standardIssuer: "Tổ chức chứng nhận VietGAP được chỉ định",
    standardExpiresOn: "2027-02-15",
    producerTax: "4700000001",
    productNames: ["dong", "miến"],
  },
  {
    name: "Vùng chăn nuôi lợn đen bản địa Dương Quang",
    ward: "01849",
    location: "Thôn Nà Dỏn, xã Dương Quang",
    areaHa: 8.4,
    kind: "LIVESTOCK",
    subject: "Lợn đen bản địa",
    standard: "VIETGAP",
    standardCertificateNo: "VietGAHP-CN-25-06-0019",
    standardIssuer: "Tổ chức chứng nhận VietGAP được chỉ định",
    standardExpiresOn: "2028-03-31",
    producerTax: "4700000002",
    productNames: ["lợn"],
  },
];

export async function seedDemoCommunication(db: PrismaClient) {
  const users = new Map((await db.user.findMany({ where: { email: { in: ["kinhte@ocop.demo", "truyenthong@ocop.demo"] } }, select: { id: true, email: true, name: true, role: true } })).map((u) => [u.email!, u]));

  for (const a of NEWS) {
    const slug = newsSlug(a.title, a.suffix);
    if (await db.newsArticle.findUnique({ where: { slug }, select: { id: true } })) continue;
    const author = users.get(a.by) ?? null;
    const publishedAt = a.publishedAt ? new Date(a.publishedAt) : null;
    const created = await db.newsArticle.create({
      data: { slug, title: a.title, summary: a.summary, body: a.body.join("\n\n"), status: publishedAt ? "PUBLISHED" : "DRAFT", publishedAt, authorId: author?.id ?? null, createdAt: publishedAt ?? undefined },
      select: { id: true },
    });
    if (publishedAt) {
      await db.statusEvent.create({
        data: { entityType: "NewsArticle", entityId: created.id, action: "publish", fromStatus: "DRAFT", toStatus: "PUBLISHED", actorId: author?.id, actorName: author?.name, actorRole: author?.role, at: publishedAt },
      });
    }
  }

  const librarian = users.get("truyenthong@ocop.demo") ?? users.get("kinhte@ocop.demo") ?? null;
  for (const d of DOCUMENTS) {
    const existing = await db.libraryDocument.findFirst({ where: d.number ? { number: d.number } : { number: null, title: d.title }, select: { id: true } });
    if (existing) continue;
    await db.libraryDocument.create({
      data: {
        number: d.number,
        issuedOn: d.issuedOn ? day(d.issuedOn) : null,
        issuer: d.issuer,
        kind: d.kind,
        title: d.title,
        summary: d.summary,
        status: d.status ?? "PUBLISHED",
        createdById: librarian?.id ?? null,
      },
    });
  }

  const wards = new Map((await db.adminUnit.findMany({ where: { code: { in: AREAS.map((a) => a.ward) } }, select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  for (const a of AREAS) {
    const wardId = wards.get(a.ward);
    if (!wardId || (await db.rawMaterialArea.findFirst({ where: { name: a.name }, select: { id: true } }))) continue;
    const producer = await db.producer.findUnique({ where: { taxCode: a.producerTax }, select: { id: true } });
    // Products of the demo catalogue, if it ran: linked by name, skipped when absent.
    const products = producer
      ? await db.product.findMany({ where: { producerId: producer.id, OR: a.productNames.map((n) => ({ name: { contains: n, mode: "insensitive" as const } })) }, select: { id: true } })
      : [];
    const { ward: _w, producerTax: _p, productNames: _n, standardExpiresOn, ...fields } = a;
    void _w;
    void _p;
    void _n;
    await db.rawMaterialArea.create({
      data: {
        ...fields,
        wardId,
        standardExpiresOn: day(standardExpiresOn),
        producers: producer ? { connect: [{ id: producer.id }] } : undefined,
        products: { connect: products.map((p) => ({ id: p.id })) },
      },
    });
  }
}
